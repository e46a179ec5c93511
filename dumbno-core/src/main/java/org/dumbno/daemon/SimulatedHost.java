package org.dumbno.daemon;

import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.eos.sim.TrafficGenerator;

/**
 * A simulated switch run in this process and served as eAPI as well, so that other processes
 * ({@code dumbno list}, {@code dumbno stats}) reach it, optionally with demo traffic running
 * through it. Closing it stops the traffic and the eAPI server.
 */
final class SimulatedHost extends ForwardingTransport {
    private final SimulatedSwitch simulated;
    private final EapiServer server;
    private final Traffic traffic;

    SimulatedHost(SimulatedSwitch simulated, EapiServer server, Traffic traffic) {
        super(simulated);
        this.simulated = simulated;
        this.server = server;
        this.traffic = traffic;
    }

    SimulatedSwitch simulated() {
        return simulated;
    }

    boolean trafficRunning() {
        return traffic.running();
    }

    InetSocketAddress eapiAddress() {
        return server.address();
    }

    /** Stops the traffic and the eAPI server, then the switch. */
    @Override
    public void close() {
        traffic.close();
        server.close();
        super.close();
    }

    /** Demo traffic with the thread that drives it, or none. */
    static final class Traffic implements AutoCloseable {
        static final Traffic NONE = new Traffic(null, null);

        private final TrafficGenerator generator;
        private final ScheduledExecutorService ticker;

        private Traffic(TrafficGenerator generator, ScheduledExecutorService ticker) {
            this.generator = generator;
            this.ticker = ticker;
        }

        /** Starts {@code generator} on a daemon thread of its own. */
        static Traffic start(TrafficGenerator generator) {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "simulated-traffic");
                thread.setDaemon(true);
                return thread;
            });
            generator.start(ticker);
            return new Traffic(generator, ticker);
        }

        boolean running() {
            return generator != null && !ticker.isShutdown();
        }

        @Override
        public void close() {
            if (generator != null) {
                generator.close();
                ticker.shutdownNow();
            }
        }
    }
}

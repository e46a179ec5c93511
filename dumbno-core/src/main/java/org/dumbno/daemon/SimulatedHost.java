package org.dumbno.daemon;

import com.google.gson.JsonObject;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.Transport;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.eos.sim.TrafficGenerator;

/**
 * A simulated switch run in this process and served as eAPI as well, so that other processes
 * ({@code dumbno list}, {@code dumbno stats}) reach it, optionally with demo traffic running
 * through it. Closing it stops the traffic and the eAPI server.
 */
final class SimulatedHost implements Transport {
    private final SimulatedSwitch simulated;
    private final EapiServer server;
    private final Traffic traffic;

    SimulatedHost(SimulatedSwitch simulated, EapiServer server, Traffic traffic) {
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

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        return simulated.runCmds(commands, format);
    }

    @Override
    public String describe() {
        return simulated.describe();
    }

    @Override
    public void close() {
        traffic.close();
        server.close();
        simulated.close();
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

package org.dumbno.daemon;

import com.google.gson.JsonObject;
import java.net.InetSocketAddress;
import java.util.List;
import org.dumbno.eos.SwitchException;
import org.dumbno.eos.Transport;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedSwitch;

/**
 * A simulated switch run in this process and served as eAPI as well, so that other processes
 * ({@code dumbno list}, {@code dumbno stats}) reach it. Closing it stops the eAPI server.
 */
final class SimulatedHost implements Transport {
    private final SimulatedSwitch simulated;
    private final EapiServer server;

    SimulatedHost(SimulatedSwitch simulated, EapiServer server) {
        this.simulated = simulated;
        this.server = server;
    }

    SimulatedSwitch simulated() {
        return simulated;
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
        server.close();
        simulated.close();
    }
}

package org.dumbno.daemon;

import com.google.gson.JsonObject;
import java.net.ConnectException;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.Transport;

/**
 * The eAPI transport to a simulated switch hosted by another process; a refused connection says
 * which command starts that process.
 */
final class SimulatedClient extends ForwardingTransport {
    private final String address;
    private final String configName;

    SimulatedClient(Transport eapi, String address, String configName) {
        super(eapi);
        this.address = address;
        this.configName = configName;
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        try {
            return inner().runCmds(commands, format);
        } catch (SwitchUnavailableException e) {
            throw explained(e);
        }
    }

    @Override
    public <T> List<T> runCmds(List<String> commands, ResultDecoder<T> decoder) throws SwitchException {
        try {
            return inner().runCmds(commands, decoder);
        } catch (SwitchUnavailableException e) {
            throw explained(e);
        }
    }

    private SwitchException explained(SwitchUnavailableException e) {
        if (e.getCause() instanceof ConnectException) {
            return new NoSimulatedSwitchException(describe(), address, configName, e);
        }
        return e;
    }
}

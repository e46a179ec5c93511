package org.dumbno.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.daemon.Switches;
import org.dumbno.eos.EosSwitch;

/**
 * A configuration and its switch, reached the way a process other than the server reaches it (a
 * simulated switch through the server's {@code eapi_listen}); closing it releases the transport.
 */
final class SwitchAccess implements Closeable {
    private final DumbnoConfig config;
    private final EosSwitch eos;

    private SwitchAccess(DumbnoConfig config, EosSwitch eos) {
        this.config = config;
        this.eos = eos;
    }

    static SwitchAccess open(Path file) throws IOException {
        DumbnoConfig config = DumbnoConfig.load(file);
        return new SwitchAccess(config, EosSwitch.of(Switches.connect(config, Switches.Role.CLIENT,
                file.toString()), config.ports()));
    }

    DumbnoConfig config() {
        return config;
    }

    EosSwitch eos() {
        return eos;
    }

    @Override
    public void close() {
        eos.transport().close();
    }
}

package org.dumbno.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.dumbno.acl.AclSwitch;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.daemon.Switches;

/**
 * A configuration and its switch, reached the way a process other than the server reaches it (a
 * simulated switch through the server's {@code eapi_listen}); closing it releases the switch.
 */
final class SwitchAccess implements Closeable {
    private final DumbnoConfig config;
    private final AclSwitch aclSwitch;

    private SwitchAccess(DumbnoConfig config, AclSwitch aclSwitch) {
        this.config = config;
        this.aclSwitch = aclSwitch;
    }

    static SwitchAccess open(Path file) throws IOException {
        DumbnoConfig config = DumbnoConfig.load(file);
        return new SwitchAccess(config, Switches.open(config, Switches.Role.CLIENT, file.toString()));
    }

    DumbnoConfig config() {
        return config;
    }

    AclSwitch aclSwitch() {
        return aclSwitch;
    }

    @Override
    public void close() {
        aclSwitch.close();
    }
}

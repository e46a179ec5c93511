package org.dumbno.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.eapi.EapiTransport;

/** A switch served as eAPI over plain HTTP on loopback, and the engine's transport to it. */
final class Eapi {
    static final String USER = "dumbno";
    static final String PASSWORD = "fault-suite";

    private Eapi() {
    }

    static EapiServer serve(Transport backend) throws IOException {
        return EapiServer.start(backend, new InetSocketAddress("127.0.0.1", 0), USER, PASSWORD, null);
    }

    /**
     * Runs one read of the managed lists through a client with a generous timeout, so that the
     * classes of both ends are loaded before a test measures calls against a short one.
     */
    static void warmUp(EapiServer server) throws SwitchException {
        try (EapiTransport warm = client(server, Duration.ofSeconds(30))) {
            EosSwitch.of(warm, Rig.PORTS).readAcls();
        }
    }

    static EapiTransport client(EapiServer server, Duration timeout) {
        return EapiTransport.builder().scheme("http").host("127.0.0.1").port(server.address().getPort())
                .user(USER).password(PASSWORD).timeout(timeout).build();
    }
}

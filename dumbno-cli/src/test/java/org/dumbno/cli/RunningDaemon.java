package org.dumbno.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.daemon.Daemon;
import org.dumbno.eos.sim.SimulatedSwitch;
import picocli.CommandLine;

/**
 * A daemon on the simulated switch with ports the system picked, and the configuration file another
 * process would be given to reach it ({@link #config()}).
 */
final class RunningDaemon implements AutoCloseable {
    static final String TEMPLATE = String.join("\n",
            "[switch]",
            "backend = simulated",
            "[ports]",
            "Ethernet1 = bulk_1",
            "Ethernet2 = bulk_1",
            "Ethernet3 = bulk_2",
            "Ethernet4 = bulk_2",
            "[egress_ports]",
            "Ethernet11 = tool1",
            "Ethernet12 = tool2",
            "[dumbno]",
            "listen = 127.0.0.1:UDP",
            "allow_clients = 127.0.0.1, ::1",
            "%EXTRA%",
            "[simulated]",
            "eapi_listen = 127.0.0.1:EAPI",
            "user = dumbno",
            "password = sim-pw",
            "");

    private final Daemon daemon;
    private final Path config;

    private RunningDaemon(Daemon daemon, Path config) {
        this.daemon = daemon;
        this.config = config;
    }

    /**
     * Starts a daemon; {@code extra} goes into its {@code [dumbno]} section ({@code :METRICS} there
     * stands for the port its metrics are served on).
     */
    static RunningDaemon start(Path dir, String extra) throws IOException {
        String text = TEMPLATE.replace("%EXTRA%", extra);
        Path serving = Files.writeString(dir.resolve("serving.cfg"), text.replace(":UDP", ":0").replace(":EAPI", ":0")
                .replace(":METRICS", ":0"));
        Daemon daemon = Daemon.start(DumbnoConfig.load(serving), Daemon.Options.defaults());
        Path config = Files.writeString(dir.resolve("dumbno.cfg"), text
                .replace(":UDP", ":" + daemon.listening().get(0).getPort())
                .replace(":EAPI", ":" + daemon.simulatedEapi().orElseThrow().getPort())
                .replace(":METRICS", ":" + daemon.metricsAddress().map(InetSocketAddress::getPort).orElse(0)));
        return new RunningDaemon(daemon, config);
    }

    static java.net.InetAddress loopback() {
        return new inet.ipaddr.IPAddressString("127.0.0.1").getAddress().toInetAddress();
    }

    Daemon daemon() {
        return daemon;
    }

    SimulatedSwitch simulated() {
        return daemon.simulatedSwitch().orElseThrow();
    }

    /** The configuration file a second process reaches this daemon with. */
    Path config() {
        return config;
    }

    String server() {
        return "127.0.0.1:" + daemon.listening().get(0).getPort();
    }

    @Override
    public void close() {
        daemon.close();
    }

    /** The outcome of one command line. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DumbnoCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}

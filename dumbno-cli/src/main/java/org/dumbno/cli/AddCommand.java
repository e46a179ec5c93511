package org.dumbno.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dumbno.client.ACLClient;
import org.dumbno.rule.Request;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dumbno add}: one request to a running server; exit 0 only when it answers {@code ok}. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Asks a running dumbno server to shunt a flow and prints its reply.",
            "Leave a field out to mean any; name at least one of --src, --dst, --sport, --dport."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":the server answered ok",
            ExitCodes.FAILED + ":the server answered with an error",
            ExitCodes.USAGE + ":bad command line or request",
            ExitCodes.UNREACHABLE + ":no answer from the server"
        })
final class AddCommand implements Callable<Integer> {
    static final String DEFAULT_SERVER = "127.0.0.1:" + ACLClient.DEFAULT_PORT;

    @Spec
    CommandSpec spec;

    @Option(names = "--src", paramLabel = "ADDR", description = "source address, IPv4 or IPv6")
    String src;

    @Option(names = "--dst", paramLabel = "ADDR", description = "destination address, IPv4 or IPv6")
    String dst;

    @Option(names = "--proto", paramLabel = "PROTO",
            description = "ip (the default), ipv6, tcp, udp, icmp, icmpv6, sctp, or a number 0-255")
    String proto;

    @Option(names = "--sport", paramLabel = "PORT", description = "source port, 1-65535 (tcp, udp, sctp)")
    Integer sport;

    @Option(names = "--dport", paramLabel = "PORT", description = "destination port, 1-65535 (tcp, udp, sctp)")
    Integer dport;

    /** Where the request goes; one choice only. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Destination destination;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "1",
            description = "seconds to wait for each reply (default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "" + ACLClient.DEFAULT_TRIES,
            description = "how many times to send the request before giving up (default: ${DEFAULT-VALUE})")
    int tries;

    /** The places a request can be sent to. */
    static final class Destination {
        @Option(names = "--server", paramLabel = "HOST:PORT", required = true,
                description = "the dumbno server, e.g. 127.0.0.1:9000 or [::1]:9000 (default: " + DEFAULT_SERVER + ")")
        String server;
    }

    @Override
    public Integer call() throws IOException {
        Request request = Request.of(src, dst, proto, sport, dport);
        try (ACLClient client = client()) {
            String reply = client.addAcl(request);
            spec.commandLine().getOut().println(reply);
            return "ok".equals(reply) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private ACLClient client() {
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
            throw new IllegalArgumentException("--timeout (" + timeoutSeconds + ") must be more than 0 and at most 3600 seconds");
        }
        return ACLClient.builder()
                .server(destination == null ? DEFAULT_SERVER : destination.server)
                .timeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))))
                .tries(tries)
                .build();
    }
}

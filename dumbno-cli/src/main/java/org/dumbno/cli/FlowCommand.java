package org.dumbno.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dumbno.client.ACLClient;
import org.dumbno.client.Op;
import org.dumbno.client.Reply;
import org.dumbno.client.ServerUnreachableException;
import org.dumbno.rule.Order;
import org.dumbno.rule.Request;
import org.dumbno.security.SigningKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code dumbno add} and {@code dumbno remove} share: the flow, and where it goes (a running
 * server, or straight to the switch of a configuration). Exit 0 only on {@code ok}.
 */
abstract class FlowCommand implements Callable<Integer> {
    static final String DEFAULT_SERVER = "127.0.0.1:" + ACLClient.DEFAULT_PORT;

    /** How long a one-shot add or remove waits for the switch to take the change. */
    static final Duration SWITCH_WAIT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

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

    @Option(names = "--secret-file", paramLabel = "PATH",
            description = "sign the request with the key in PATH, for a server with [dumbno] secret_file")
    Path secretFile;

    /** The places a request can be sent to. */
    static final class Destination {
        @Option(names = "--server", paramLabel = "HOST:PORT", required = true,
                description = "the dumbno server, e.g. 127.0.0.1:9000 or [::1]:9000 (default: " + DEFAULT_SERVER + ")")
        String server;

        @Option(names = "--config", paramLabel = "CFG", required = true,
                description = "no server: change every switch of this configuration directly")
        Path config;
    }

    /** Add or remove. */
    abstract Op op();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Order order = new Order(op(), Request.of(src, dst, proto, sport, dport));
        OneShot.Outcome outcome = destination != null && destination.config != null ? direct(order)
                : new OneShot.Outcome(viaServer(order), false);
        spec.commandLine().getOut().println(outcome.reply().text());
        return outcome.exitCode();
    }

    /** Asks the server; no answer names the two reasons it has, since a server waiting for its switch is silent too. */
    private Reply viaServer(Order order) throws IOException {
        try (ACLClient client = client()) {
            return client.send(order.op(), order.request().toFlowRequest());
        } catch (ServerUnreachableException e) {
            throw new IOException(e.getMessage() + ": no dumbno serving there, or it waits for its switch"
                    + " ('dumbno status CFG' checks the switch)", e);
        }
    }

    /** Starts an engine on every switch, hands them the order, waits for the outcome and stops the engines. */
    private OneShot.Outcome direct(Order order) throws IOException, InterruptedException {
        if (secretFile != null) {
            throw new IllegalArgumentException("--secret-file signs requests to a server; --config sends none");
        }
        // Only this path logs (the engine's lines); through a server nothing does, and so a sensor's
        // "dumbno add" starts without the logging back end.
        Logging.apply(logging);
        try (SwitchAccess access = SwitchAccess.open(destination.config)) {
            return OneShot.send(access, order, SWITCH_WAIT);
        }
    }

    private ACLClient client() throws IOException {
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
            throw new IllegalArgumentException("--timeout (" + timeoutSeconds + ") must be more than 0 and at most 3600 seconds");
        }
        ACLClient.Builder builder = ACLClient.builder()
                .server(destination == null ? DEFAULT_SERVER : destination.server)
                .timeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))))
                .tries(tries);
        if (secretFile != null) {
            builder.secret(SigningKey.load(secretFile).bytes());
        }
        return builder.build();
    }
}

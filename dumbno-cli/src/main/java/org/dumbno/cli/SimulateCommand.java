package org.dumbno.cli;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedSwitch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dumbno simulate}: a simulated EOS switch served as eAPI over HTTP, until interrupted. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Serve a simulated Arista EOS switch as eAPI over HTTP.",
        description = {"Serves a simulated Arista EOS switch as eAPI (http://HOST:PORT/command-api, Basic auth)",
            "until SIGINT or SIGTERM. The password may come from DUMBNO_SIM_PASSWORD instead of the command line.",
            "Faults are injected while it serves, one a line on standard input:",
            "reload [SECONDS], counters off|on, stale on|off, outage SECONDS, latency MS, clear, help."})
final class SimulateCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "DUMBNO_SIM_PASSWORD";
    static final String DEFAULT_CREDENTIAL = "dumbno";

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8080", paramLabel = "HOST:PORT",
            description = "address to serve on, an IP literal and a port (0 picks one); default ${DEFAULT-VALUE}")
    String listen;

    @Option(names = "--user", defaultValue = DEFAULT_CREDENTIAL, description = "eAPI user; default ${DEFAULT-VALUE}")
    String user;

    @Option(names = "--password", description = "eAPI password; default $" + PASSWORD_ENV + ", else dumbno")
    String password;

    @Option(names = "--interfaces", defaultValue = "Ethernet1-16", paramLabel = "RANGE",
            description = "ingress interfaces; default ${DEFAULT-VALUE}")
    String interfaces;

    @Option(names = "--egress", defaultValue = "Ethernet17-20", paramLabel = "RANGE",
            description = "tool-facing interfaces; default ${DEFAULT-VALUE}")
    String egress;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "N",
            description = "added wait per eAPI call, in milliseconds; default ${DEFAULT-VALUE}")
    long latencyMs;

    @Option(names = "--no-default-result",
            description = "a platform without 'hardware access-list update default-result permit' (refuses it)")
    boolean noDefaultResult;

    /** Where fault commands come from; standard input unless a test says otherwise. */
    InputStream faults = System.in;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch consoleEnded = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile InetSocketAddress bound;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("--latency-ms (" + latencyMs + ") must not be negative");
        }
        SimulatedSwitch simulated = SimulatedSwitch.builder().interfaces(interfaces).egress(egress)
                .defaultResultSupported(!noDefaultResult).build();
        simulated.latency(Duration.ofMillis(latencyMs));
        Thread hook = new Thread(stopped::countDown, "dumbno-simulate-shutdown");
        try (EapiServer server = EapiServer.start(simulated, address(listen), user, password(), null)) {
            Runtime.getRuntime().addShutdownHook(hook);
            bound = server.address();
            PrintWriter out = spec.commandLine().getOut();
            out.println("simulated switch listening on " + url(bound) + " (user " + user + ")");
            out.println("type a fault to inject (help lists them)");
            out.flush();
            startConsole(new FaultConsole(simulated), out);
            started.countDown();
            stopped.await();
        } finally {
            removeHook(hook);
        }
        return ExitCodes.OK;
    }

    /** Reads fault commands until standard input ends; the switch serves on regardless. */
    private void startConsole(FaultConsole console, PrintWriter out) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(faults, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String answer = console.apply(line);
                    if (!answer.isEmpty()) {
                        synchronized (out) {
                            out.println("simulate: " + answer.replace("\n", "\nsimulate: "));
                            out.flush();
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (out) {
                    out.println("simulate: fault commands no longer read: " + e.getMessage());
                    out.flush();
                }
            } finally {
                consoleEnded.countDown();
            }
        }, "dumbno-simulate-faults");
        reader.setDaemon(true);
        reader.start();
    }

    private String password() {
        if (password != null) {
            return password;
        }
        String fromEnv = System.getenv(PASSWORD_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? DEFAULT_CREDENTIAL : fromEnv;
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--listen (" + hostPort + ") must be HOST:PORT");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        IPAddress address = new IPAddressString(host).getAddress();
        int port = parsePort(hostPort, hostPort.substring(colon + 1));
        if (address == null || address.isMultiple() || address.isPrefixed()) {
            throw new IllegalArgumentException("--listen (" + hostPort + ") must name an IP address literal");
        }
        return new InetSocketAddress(address.toInetAddress(), port);
    }

    private static int parsePort(String hostPort, String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("--listen (" + hostPort + ") port must be 0-65535");
        }
        return Integer.parseInt(text);
    }

    static String url(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/command-api";
    }

    /** Waits until the server listens; the bound address, or null on timeout. */
    InetSocketAddress awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? bound : null;
    }

    /** Waits until standard input (the fault commands) has ended; whether it did within {@code timeout}. */
    boolean awaitConsoleEnded(Duration timeout) throws InterruptedException {
        return consoleEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops serving, as SIGINT does. */
    void stop() {
        stopped.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }
}

package org.dumbno.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dumbno.config.ConfigException;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.daemon.Daemon;
import org.dumbno.daemon.Reload;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dumbno serve CFG}: the resident server, until SIGTERM or SIGINT. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Serve shunt requests over UDP until SIGTERM or SIGINT.",
        description = "Serves shunt requests over UDP and removes idle shunts, until SIGTERM or SIGINT. With "
                + "backend = simulated it also runs the simulated switch and serves it as eAPI on [simulated]"
                + " eapi_listen, where 'dumbno list', 'stats', 'setup' and 'add --config' reach it. SIGHUP reads"
                + " CFG again: allow_clients, never_shunt, rate_limit, rate_burst, secret_file, purge_interval,"
                + " hard_timeout, max_rules and shutdown_timeout take effect; other changes wait for a restart;"
                + " a file that cannot be used is refused and the running configuration kept.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":stopped by SIGTERM or SIGINT after answering the requests in flight (within"
                    + " shutdown_timeout)",
            ExitCodes.FAILED + ":stopped by itself because requests could no longer be received, or the switch"
                    + " refused dumbno's credentials or a setup command at start",
            ExitCodes.USAGE + ":bad command line or configuration, or an address that cannot be bound",
            ExitCodes.UNREACHABLE + ":a file the configuration names could not be read, or out of memory (a switch"
                    + " that does not answer is waited for: serve starts and queues requests)"
        })
final class ServeCommand implements Callable<Integer> {
    /** Looked up when first used, so that building the command line starts no logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(ServeCommand.class);
    }

    @Mixin
    LoggingOptions logging;

    @Mixin
    ConfigFile config;

    @Option(names = "--setup", description = "create and bind the ACLs first, as 'dumbno setup' does")
    boolean setup;

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Daemon daemon;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.apply(logging);
        DumbnoConfig loaded = DumbnoConfig.load(config.path());
        loaded.dumbno().syslog().ifPresent(target -> Logging.configureSyslog(hostPort(target)));
        Daemon running = Daemon.start(loaded, Daemon.Options.builder()
                .setup(setup).configName(config.path().toString()).build());
        Thread hook = new Thread(() -> stopOnSignal(running), "dumbno-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Hangup.onHangup(this::reload);
        daemon = running;
        log().info("dumbno listening on {}", running.describe());
        started.countDown();
        try {
            running.awaitTermination();
        } finally {
            removeHook(hook);
        }
        if (running.failure().isPresent()) {
            log().error("dumbno stopped by itself: {}", running.failure().get().toString());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /**
     * SIGTERM or SIGINT: stop receiving, answer what is in flight, write what is queued, then end
     * the process with status 0, since stopping on a signal is how this server is meant to stop;
     * within {@code shutdown_timeout}, whatever the switch does.
     */
    private static void stopOnSignal(Daemon running) {
        log().info("stopping on signal");
        Thread closing = new Thread(running::close, "dumbno-stop");
        closing.setDaemon(true);
        closing.start();
        try {
            if (!running.awaitTermination(running.shutdownTimeout())) {
                log().warn("not stopped within shutdown_timeout ({}): exiting anyway", running.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(ExitCodes.OK);
    }

    /**
     * SIGHUP: reads the configuration file again and applies what can change while running; a file
     * that cannot be read or used is refused in one line and the running configuration kept.
     */
    void reload() {
        Daemon running = daemon;
        if (running == null) {
            return;
        }
        try {
            Reload reload = running.reload(DumbnoConfig.load(config.path()));
            log().info("SIGHUP: {} read again; applied: {}", config.path(),
                    reload.applied().isEmpty() ? "no change" : String.join(", ", reload.applied()));
            if (!reload.needRestart().isEmpty()) {
                log().warn("SIGHUP: changed but not applied until a restart: {}", String.join(", ", reload.needRestart()));
            }
        } catch (ConfigException | IOException | IllegalArgumentException e) {
            log().error("SIGHUP: {} refused, the running configuration is kept: {}", config.path(), e.getMessage());
        } catch (RuntimeException e) {
            log().error("SIGHUP: reading {} again failed, the running configuration is kept: {}", config.path(), e.toString());
        } catch (Error e) {
            Loops.failed(log(), "SIGHUP reload", e);
        }
    }

    static String hostPort(InetSocketAddress target) {
        String host = target.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + target.getPort();
    }

    /** Waits until the daemon serves; it, or null on timeout. */
    Daemon awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? daemon : null;
    }

    /** Stops serving, as SIGTERM does, without ending the process. */
    void stop() {
        Daemon running = daemon;
        if (running != null) {
            running.close();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }
}

package org.dumbno.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dumbno.acl.SwitchException;
import org.dumbno.client.Op;
import org.dumbno.client.Reply;
import org.dumbno.daemon.Daemon;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.rule.Order;
import org.dumbno.server.WireReply;

/**
 * One add or remove straight on every switch of a configuration, without a server: an engine per
 * switch, started, given the order through {@link EverySwitch} (so the reply is the server's),
 * and stopped. A switch that cannot be read at start is left out and named in the reply, since no
 * engine stays behind to write to it later; with one switch that failure is the command's.
 */
final class OneShot {
    /**
     * What the switches made of the order.
     *
     * @param reply {@code ok} or {@code error: ...}
     * @param unreachable whether a switch could not be reached at all
     */
    record Outcome(Reply reply, boolean unreachable) {
        /** The exit code: 0 on ok, 3 when a switch was out of reach, else 1. */
        int exitCode() {
            return unreachable ? ExitCodes.UNREACHABLE : reply.isOk() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private OneShot() {
    }

    /** Sends {@code order} to every switch of {@code access}, waiting at most {@code wait} for them. */
    static Outcome send(SwitchAccess access, Order order, Duration wait) throws IOException, InterruptedException {
        List<ACLManager> started = new ArrayList<>();
        List<EverySwitch.Member> members = new ArrayList<>();
        Map<String, String> unreachable = new LinkedHashMap<>();
        try {
            for (SwitchAccess.Target target : access.switches()) {
                ACLManager manager = Daemon.manager(access.config(), target.config(), target.aclSwitch(),
                        Clock.systemUTC());
                started.add(manager);
                try {
                    manager.start();
                    members.add(new EverySwitch.Member(target.name(), manager));
                } catch (SwitchException e) {
                    if (!access.several()) {
                        throw e;
                    }
                    unreachable.put(target.name(), e.getMessage());
                }
            }
            if (members.isEmpty()) {
                throw new IOException("no switch could be reached: " + String.join("; ", parts(unreachable)));
            }
            ShuntOutcome outcome = ask(EverySwitch.of(members), order, wait, access);
            if (unreachable.isEmpty()) {
                return new Outcome(new Reply(WireReply.of(outcome)), false);
            }
            List<String> parts = parts(unreachable);
            if (!outcome.ok()) {
                parts.add(outcome.reason());
            }
            return new Outcome(Reply.error(String.join("; ", parts)), true);
        } finally {
            started.forEach(ACLManager::close);
        }
    }

    private static ShuntOutcome ask(EverySwitch every, Order order, Duration wait, SwitchAccess access)
            throws IOException, InterruptedException {
        try (every) {
            CompletableFuture<ShuntOutcome> outcome = order.op() == Op.REMOVE ? every.remove(order.request())
                    : every.add(order.request());
            return outcome.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the engine failed", e.getCause());
        } catch (TimeoutException e) {
            String where = access.several() ? "the switches" : access.switches().get(0).aclSwitch().describe();
            throw new IOException(where + ": the switch did not take the change within " + wait.toSeconds() + " s", e);
        }
    }

    private static List<String> parts(Map<String, String> unreachable) {
        List<String> parts = new ArrayList<>();
        unreachable.forEach((name, reason) -> parts.add(name + ": " + reason));
        return parts;
    }
}

package org.dumbno.faults;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.Transport;

/**
 * Stands in front of the simulated switch and watches every {@code SEQ deny} and {@code no SEQ}
 * command it receives and runs. A deny line written under a number that already holds a line in
 * that list is a violation: a number written twice.
 */
final class SwitchRecorder extends ForwardingTransport {
    private static final Pattern MODE = Pattern.compile("(ip|ipv6) access-list (\\S+)");
    private static final Pattern DENY = Pattern.compile("(\\d+) deny .*");
    private static final Pattern NO = Pattern.compile("no (\\d+)");

    private final List<String> received = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();
    private final Map<String, Integer> writesPerNumber = new HashMap<>();
    private final Set<String> live = new HashSet<>();
    private final List<String> violations = new ArrayList<>();

    SwitchRecorder(Transport inner) {
        super(inner);
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        receive(commands);
        try {
            List<JsonObject> results = inner().runCmds(commands, format);
            apply(commands, commands.size());
            return results;
        } catch (CommandFailedException e) {
            apply(commands, e.failedIndex());
            throw e;
        }
    }

    private synchronized void receive(List<String> commands) {
        String list = null;
        for (String command : commands) {
            Matcher mode = MODE.matcher(command);
            if (mode.matches()) {
                list = mode.group(1) + " " + mode.group(2);
            } else if (DENY.matcher(command).matches()) {
                received.add(list + ": " + command);
            }
        }
    }

    /** Records the effect of the first {@code count} commands, the ones the switch ran. */
    private synchronized void apply(List<String> commands, int count) {
        String list = null;
        for (String command : commands.subList(0, count)) {
            Matcher mode = MODE.matcher(command);
            Matcher deny = DENY.matcher(command);
            Matcher no = NO.matcher(command);
            if (mode.matches()) {
                list = mode.group(1) + " " + mode.group(2);
            } else if (deny.matches()) {
                String key = list + " " + deny.group(1);
                applied.add(list + ": " + command);
                writesPerNumber.merge(key, 1, Integer::sum);
                if (!live.add(key)) {
                    violations.add("'" + command + "' written into " + list + " while " + deny.group(1)
                            + " held a line");
                }
            } else if (no.matches()) {
                live.remove(list + " " + no.group(1));
            }
        }
    }

    /** Every deny command received, run or not, as {@code "ip bulk_1: 501 deny ..."}. */
    synchronized List<String> received() {
        return List.copyOf(received);
    }

    /** Every deny command the switch ran, as {@code "ip bulk_1: 501 deny ..."}. */
    synchronized List<String> applied() {
        return List.copyOf(applied);
    }

    /** How many times a deny line went into {@code list} (e.g. {@code "ip bulk_1"}) under {@code sequence}. */
    synchronized int writes(String list, long sequence) {
        return writesPerNumber.getOrDefault(list + " " + sequence, 0);
    }

    /** Deny lines written under a number that held a line already. */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}

package org.dumbno.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Request#parse} over a million generated datagrams: it accepts or throws
 * {@link InvalidRequestException}, nothing else; it accepts every request the generator built valid
 * and makes the generator's rule of it, refuses every one it built invalid; and an accepted
 * request's rule text holds nothing but a protocol, {@code any}, {@code host ADDRESS} and
 * {@code eq PORT}, and reads back as the same rule.
 *
 * <p>The seed is printed; {@code -Ddumbno.fuzz.seed=N} replays a run, {@code -Ddumbno.fuzz.inputs=N}
 * changes its length.
 */
class RequestParseFuzzTest {
    private static final String PROTOCOL = "(ip|ipv6|tcp|udp|icmp|icmpv6|sctp|igmp|gre|esp|ahp|ospf|pim|vrrp|[0-9]{1,3})";
    private static final String SIDE = "(any|host [0-9a-f.:]+)( eq [0-9]{1,5})?";
    private static final Pattern RULE_TEXT = Pattern.compile(PROTOCOL + " " + SIDE + " " + SIDE);
    /** Independent streams of inputs, run side by side; fixed, so that a seed means the same inputs everywhere. */
    private static final int STREAMS = 2;
    private static final Pattern CHARACTERS = Pattern.compile("[0-9a-f.:/ a-z]+");

    @Test
    @Timeout(600)
    void parseAcceptsOrRefusesCleanlyAndAcceptedRulesHoldOnlyRuleWords() {
        long seed = Seeds.seed(getClass().getSimpleName());
        int count = Seeds.count("dumbno.fuzz.inputs", 200_000);
        long started = System.nanoTime();
        List<Run> runs = IntStream.range(0, STREAMS).parallel()
                .mapToObj(stream -> run(seed, stream, count / STREAMS + (stream == 0 ? count % STREAMS : 0)))
                .toList();
        double seconds = (System.nanoTime() - started) / 1e9;
        Tally tally = new Tally();
        List<String> failures = new ArrayList<>();
        runs.forEach(run -> {
            tally.add(run.tally());
            failures.addAll(run.failures());
        });
        System.out.printf("%s: %d inputs in %.1f s, %.0f inputs/s%n%s%n", getClass().getSimpleName(), count,
                seconds, count / seconds, tally.report("accepted", "refused"));
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
        assertTrue(tally.total(true) > count / 10 && tally.total(false) > count / 10, tally::toString);
    }

    private record Run(Tally tally, List<String> failures) {
    }

    /** One of {@link #STREAMS} independent streams of the run, each with its own seed derived from the run's. */
    private static Run run(long seed, int stream, int count) {
        DatagramGenerator generator = new DatagramGenerator(seed + stream * 0x9E3779B97F4A7C15L);
        Tally tally = new Tally();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count && failures.size() < 30; i++) {
            Datagram datagram = generator.next();
            String problem = check(datagram, tally);
            if (problem != null) {
                failures.add(Seeds.describe(seed, "stream " + stream + " input #" + i, datagram) + "\n    " + problem);
            }
        }
        return new Run(tally, failures);
    }

    private static String check(Datagram datagram, Tally tally) {
        Request request;
        try {
            request = Request.parse(datagram.bytes());
        } catch (InvalidRequestException e) {
            tally.count(datagram.kind(), false, e.getMessage());
            String message = e.getMessage();
            if (message == null || message.isBlank() || !Printable.isPrintableAscii(message) || message.length() > 300) {
                return "a refusal whose message is not short printable ASCII: " + Printable.of(String.valueOf(message));
            }
            return datagram.expect() == Expect.OK || datagram.expect() == Expect.REFUSED
                    ? "a valid request refused: " + message + " (expected " + datagram.rule() + ")" : null;
        } catch (RuntimeException | StackOverflowError e) {
            return "parse threw " + e;
        }
        tally.count(datagram.kind(), true, "ok");
        if (datagram.expect() == Expect.INVALID) {
            return "an invalid request accepted as " + request.toRule();
        }
        Rule rule = request.toRule();
        if (datagram.rule() != null && !datagram.rule().equals(rule)) {
            return "the rule " + rule + " where the request asks for " + datagram.rule();
        }
        return ruleTextProblem(rule);
    }

    private static String ruleTextProblem(Rule rule) {
        String text = rule.text();
        if (!CHARACTERS.matcher(text).matches() || !RULE_TEXT.matcher(text).matches()) {
            return "rule text outside the rule words: " + Printable.of(text);
        }
        try {
            assertEquals(rule, Rule.parse(text));
            assertEquals(rule, Rule.parse(rule.family(), rule.canonicalText()));
        } catch (AssertionError | InvalidRequestException e) {
            return "rule text " + text + " does not read back: " + e.getMessage();
        }
        return null;
    }
}

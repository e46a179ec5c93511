package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.ScriptedTransport;
import org.dumbno.eos.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeteredTransportTest {
    private static final String CALLS = "dumbno_eapi_calls_total";
    private static final String DURATION = "dumbno_eapi_call_duration_seconds";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ScriptedTransport script = new ScriptedTransport();
    private final DumbnoMetrics metrics = new DumbnoMetrics(registry, script::nanoTime);
    private final MeteredTransport metered = (MeteredTransport) metrics.wrap(script);

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new CommandFailedException("sw1", 1002, 2, "bogus", List.of("Invalid input"), List.of()),
                        "command_error"),
                Arguments.of(new AuthenticationException("sw1", "HTTP 401"), "auth_error"),
                Arguments.of(new SwitchUnavailableException("sw1", "connection refused", null), "unavailable"));
    }

    @Test
    void countsASuccessfulCallAndItsDuration() throws SwitchException {
        script.thenAnswerAfter(30_000_000L);

        var results = metered.runCmds(List.of("show version", "show hostname"), Transport.Format.JSON);

        assertEquals(2, results.size());
        assertEquals(List.of(List.of("show version", "show hostname")), script.commands());
        Exposition scrape = Exposition.of(registry);
        assertEquals(1, scrape.value(CALLS, "switch", "main", "result", "ok"));
        assertEquals(0, scrape.value(CALLS, "switch", "main", "result", "unavailable"));
        assertEquals(1, scrape.value(DURATION + "_count", "switch", "main"));
        assertEquals(0.03, scrape.value(DURATION + "_sum", "switch", "main"), 1e-9);
        assertEquals(0, scrape.value(DURATION + "_bucket", "switch", "main", "le", "0.025"));
        assertEquals(1, scrape.value(DURATION + "_bucket", "switch", "main", "le", "0.05"));
    }

    @Test
    void countsADecodedCallAndHandsTheDecoderOn() throws SwitchException {
        script.thenAnswerAfter(10_000_000L);
        Transport.ResultDecoder<Integer> indexes = new Transport.ResultDecoder<>() {
            @Override
            public Integer decode(int index, com.google.gson.stream.JsonReader json) {
                throw new IllegalStateException("the scripted transport decodes parsed results");
            }

            @Override
            public Integer decode(int index, com.google.gson.JsonObject result) {
                return index;
            }
        };

        List<Integer> results = metered.runCmds(List.of("show ip access-lists a", "show ip access-lists b"), indexes);

        assertEquals(List.of(0, 1), results);
        Exposition scrape = Exposition.of(registry);
        assertEquals(1, scrape.value(CALLS, "switch", "main", "result", "ok"));
        assertEquals(0.01, scrape.value(DURATION + "_sum", "switch", "main"), 1e-9);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void countsAFailedCallByItsKindAndRethrowsIt(SwitchException failure, String result) {
        script.thenFailAfter(2_000_000_000L, failure);

        SwitchException thrown = assertThrows(SwitchException.class, () -> metered.runCmds(List.of("show version")));

        assertSame(failure, thrown);
        Exposition scrape = Exposition.of(registry);
        assertEquals(1, scrape.value(CALLS, "switch", "main", "result", result));
        assertEquals(0, scrape.value(CALLS, "switch", "main", "result", "ok"));
        assertEquals(1, scrape.value(DURATION + "_count", "switch", "main"));
        assertEquals(2.0, scrape.value(DURATION + "_sum", "switch", "main"), 1e-9);
    }

    @Test
    void everyResultIsExportedFromTheStart() {
        Exposition scrape = Exposition.of(registry);

        for (String result : List.of("ok", "command_error", "auth_error", "unavailable")) {
            assertEquals(0, scrape.value(CALLS, "switch", "main", "result", result), result);
        }
        assertEquals(0, scrape.value(DURATION + "_count", "switch", "main"));
    }

    @Test
    void addsUpCallsThroughSeveralTransports() throws SwitchException {
        ScriptedTransport other = new ScriptedTransport().thenAnswerAfter(0);
        script.thenAnswerAfter(0).thenFailAfter(0, new SwitchUnavailableException("sw1", "timeout", null));

        metered.runCmds(List.of("show version"));
        assertThrows(SwitchUnavailableException.class, () -> metered.runCmds(List.of("show version")));
        metrics.wrap(other).runCmds(List.of("show version"));

        Exposition scrape = Exposition.of(registry);
        assertEquals(2, scrape.value(CALLS, "switch", "main", "result", "ok"));
        assertEquals(1, scrape.value(CALLS, "switch", "main", "result", "unavailable"));
        assertEquals(3, scrape.value(DURATION + "_count", "switch", "main"));
    }

    @Test
    void delegatesNameAndClose() {
        assertEquals("scripted", metered.describe());
        assertSame(script, metered.delegate());

        metered.close();

        assertTrue(script.closed());
    }

    @Test
    void theSwitchIsUpWhileItAnswersWithOurCredentialsAccepted() throws SwitchException {
        script.thenAnswerAfter(0).thenFailAfter(0, new SwitchUnavailableException("sw1", "timeout", null)).thenAnswerAfter(0)
                .thenFailAfter(0, new CommandFailedException("sw1", 1002, 2, "bogus", List.of("Invalid input"), List.of()))
                .thenFailAfter(0, new AuthenticationException("sw1", "HTTP 401"));
        List<Double> up = new java.util.ArrayList<>();
        up.add(Exposition.of(registry).value("dumbno_switch_up", "switch", "main"));

        for (int call = 0; call < 5; call++) {
            try {
                metered.runCmds(List.of("show version"), Transport.Format.JSON);
            } catch (SwitchException e) {
                up.add(-1.0);
            }
            up.add(Exposition.of(registry).value("dumbno_switch_up", "switch", "main"));
        }

        assertEquals(List.of(0.0, 1.0, -1.0, 0.0, 1.0, -1.0, 1.0, -1.0, 0.0), up);
    }
}

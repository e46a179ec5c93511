package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliFailureTest {

    @ParameterizedTest
    @CsvSource({"1000, could not run command", "1002, invalid command", "1003, unconverted command",
        "1004, incompatible command", "1005, unauthorized command", "42, could not run command"})
    void writesEapisMessageAndReadsItBack(int code, String reason) {
        CliFailure failure = CliFailure.of(code, 3, 4, "501 deny tcp any eq 99999 any");

        assertEquals("CLI command 4 of 4 '501 deny tcp any eq 99999 any' failed: " + reason, failure.message());
        assertEquals(Optional.of(failure), CliFailure.parse(failure.message()));
        assertEquals(3, failure.failedIndex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Invalid params", "CLI command 0 of 4 'x' failed: y", "CLI command 5 of 4 'x' failed: y",
        "CLI command 99999999999 of 4 'x' failed: y"})
    void ignoresOtherMessages(String message) {
        assertEquals(Optional.empty(), CliFailure.parse(message));
    }
}

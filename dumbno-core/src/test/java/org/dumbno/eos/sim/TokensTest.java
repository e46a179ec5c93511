package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rest of a command reads as typed, its words joined by single spaces however they were spaced. */
class TokensTest {

    @ParameterizedTest(name = "[{0}] after {1} words")
    @CsvSource(delimiter = '|', textBlock = """
            '501 deny tcp host 10.0.0.1 any eq 443'        | 2 | tcp host 10.0.0.1 any eq 443
            '  501   deny tcp  host 10.0.0.1 any  '         | 2 | tcp host 10.0.0.1 any
            '501 deny\ttcp host 10.0.0.1\tany'              | 2 | tcp host 10.0.0.1 any
            '501 deny tcp'                                  | 2 | tcp
            '501 deny'                                      | 2 | ''
            'no 501'                                        | 0 | no 501
            """)
    void restIsTheWordsLeftSingleSpaced(String command, int taken, String rest) throws CliError {
        Tokens tokens = new Tokens(command.replace("\\t", "\t"));
        for (int i = 0; i < taken; i++) {
            tokens.take();
        }

        assertEquals(rest, tokens.rest());
    }
}

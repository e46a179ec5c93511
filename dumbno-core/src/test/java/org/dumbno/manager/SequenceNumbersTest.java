package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void handsOutOddNumbersStrictlyInsideTheRange() {
        SequenceNumbers numbers = new SequenceNumbers(500, 506);

        assertEquals(501, numbers.next());
        assertEquals(503, numbers.next());
        assertEquals(505, numbers.next());
        assertEquals(-1, numbers.next());
    }

    @Test
    void continuesAfterTheLastOneThenWrapsToTheLowestFree() {
        SequenceNumbers numbers = new SequenceNumbers(500, 510);
        numbers.next();
        numbers.next();
        numbers.next();
        numbers.release(501);

        assertEquals(507, numbers.next());
        assertEquals(509, numbers.next());
        assertEquals(501, numbers.next());
    }

    @Test
    void skipsNumbersMarkedUsed() {
        SequenceNumbers numbers = new SequenceNumbers(500, 600);
        numbers.markUsed(501);
        numbers.markUsed(503);

        assertEquals(505, numbers.next());
        assertTrue(numbers.isUsed(503));
        assertEquals(3, numbers.usedCount());
    }

    @Test
    void continuesAfterAGivenNumber() {
        SequenceNumbers numbers = new SequenceNumbers(500, 600);
        numbers.markUsed(551);
        numbers.continueAfter(551);

        assertEquals(553, numbers.next());
    }

    @ParameterizedTest
    @CsvSource({"500, false", "501, true", "99999, true", "100000, false", "100001, false", "10, false"})
    void onlyNumbersStrictlyInsideAreManaged(long sequence, boolean managed) {
        assertEquals(managed, new SequenceNumbers(500, 100000).inRange(sequence));
    }

    @Test
    void evenAndOutsideNumbersAreIgnoredWhenMarked() {
        SequenceNumbers numbers = new SequenceNumbers(500, 100000);
        numbers.markUsed(502);
        numbers.markUsed(100001);

        assertFalse(numbers.isUsed(502));
        assertEquals(0, numbers.usedCount());
    }

    @Test
    void anEvenLowerBoundStartsAtTheNextOdd() {
        assertEquals(1, new SequenceNumbers(0, 10).next());
        assertEquals(503, new SequenceNumbers(501, 510).next());
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SequenceNumbers(500, 500));
        assertThrows(IllegalArgumentException.class, () -> new SequenceNumbers(500, 501));
    }

    @Test
    void nextFreeIsTheLowestFreeOddNumberFromAGivenOne() {
        SequenceNumbers numbers = new SequenceNumbers(500, 510);
        numbers.markUsed(503);

        assertEquals(501, numbers.nextFree(0));
        assertEquals(505, numbers.nextFree(502));
        assertEquals(505, numbers.nextFree(503));
        assertEquals(509, numbers.nextFree(509));
        assertEquals(SequenceAllocation.NONE, numbers.nextFree(510));
    }

    @Test
    void lastIsTheNumberHandedOutLastOrTheLowerBound() {
        SequenceNumbers numbers = new SequenceNumbers(500, 600);

        assertEquals(500, numbers.last());
        numbers.next();
        assertEquals(501, numbers.last());
        numbers.continueAfter(551);
        assertEquals(551, numbers.last());
    }

    @Test
    void onlyOddNumbersOfTheRangeNotTakenAreFree() {
        SequenceNumbers numbers = new SequenceNumbers(500, 510);
        numbers.markUsed(505);

        assertTrue(numbers.isFree(501));
        assertFalse(numbers.isFree(502));
        assertFalse(numbers.isFree(505));
        assertFalse(numbers.isFree(499));
        assertFalse(numbers.isFree(511));
    }

    @Test
    void aChoiceThatIsNotFreeIsRefusedAndTakesNothing() {
        SequenceNumbers numbers = new SequenceNumbers(500, 510, n -> 502);

        assertThrows(IllegalStateException.class, numbers::next);
        assertEquals(0, numbers.usedCount());
    }
}

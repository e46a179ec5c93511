package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An error body is read as far as the limit and kept only as far as its message shows. */
class BoundedContentTest {
    private static final int KEEP = 16;

    @Test
    void aLongBodyUnderTheLimitIsKeptOnlyToItsHead() throws Exception {
        byte[] body = new byte[1_000_000];
        Arrays.fill(body, (byte) 'x');
        BoundedContent content = new BoundedContent(new ByteArrayInputStream(body), 2_000_000, () -> { });

        assertArrayEquals(Arrays.copyOf(body, KEEP), content.readWhatComes(KEEP));
    }

    @Test
    void aShortBodyIsKeptWhole() throws Exception {
        byte[] body = "fail".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        BoundedContent content = new BoundedContent(new ByteArrayInputStream(body), 100, () -> { });

        assertArrayEquals(body, content.readWhatComes(KEEP));
    }

    @Test
    void aBodyOverTheLimitIsStillTooLargeAndEndsTheExchange() {
        int[] aborted = {0};
        BoundedContent content = new BoundedContent(new ByteArrayInputStream(new byte[10_000]), 4096,
                () -> aborted[0]++);

        BoundedContent.TooLarge e = assertThrows(BoundedContent.TooLarge.class, () -> content.readWhatComes(KEEP));

        assertEquals(4096, e.limit());
        assertEquals(1, aborted[0]);
    }
}

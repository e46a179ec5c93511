package org.dumbno.eos.eapi;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A reply body that may be at most {@code limit} bytes long, counted as they are read, whatever the
 * headers claim. Reading past the limit aborts the exchange (so the rest is not drained to keep the
 * connection) and fails with {@link TooLarge}.
 */
final class BoundedContent extends FilterInputStream {
    private final long limit;
    private final Runnable abort;
    private long count;

    BoundedContent(InputStream in, long limit, Runnable abort) {
        super(in);
        this.limit = limit;
        this.abort = abort;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > limit) {
            abort.run();
            throw new TooLarge(limit);
        }
    }

    /**
     * Reads the body to its end, or as far as it could be read before the connection failed, and
     * keeps its first {@code keep} bytes: an error reply is shown as far as it came, and an error
     * body as long as the limit takes no more memory than {@code keep}.
     *
     * @throws TooLarge the body is longer than the limit
     */
    byte[] readWhatComes(int keep) throws TooLarge {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = read(buffer, 0, buffer.length)) >= 0; ) {
                kept.write(buffer, 0, Math.max(0, Math.min(n, keep - kept.size())));
            }
        } catch (TooLarge e) {
            throw e;
        } catch (IOException e) {
            // the reply ends where the connection failed
        }
        return kept.toByteArray();
    }

    /** A reply longer than the limit: no more of it was read. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        private final long limit;

        TooLarge(long limit) {
            super("reply larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}

package org.dumbno.eos.eapi;

import java.io.IOException;
import java.io.Reader;

/**
 * A reply body read as a stream that keeps its beginning for messages about a bad reply, and
 * tells a failure of the connection underneath apart from a body that is not valid JSON.
 */
final class ReplyBody extends Reader {
    /** Characters kept for messages; {@link RpcReply#abbreviate} shows at most 200 of them. */
    static final int HEAD = 16 * 1024;

    private final Reader source;
    private final StringBuilder head = new StringBuilder();
    private IOException failure;

    ReplyBody(Reader source) {
        this.source = source;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = source.read(buffer, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n > 0 && head.length() < HEAD) {
            head.append(buffer, offset, Math.min(n, HEAD - head.length()));
        }
        return n;
    }

    /** The failure of the source, if reading it failed; null otherwise. */
    IOException failure() {
        return failure;
    }

    /** The body's first {@link #HEAD} characters, reading on from the source as far as that. */
    String head() {
        char[] buffer = new char[1024];
        try {
            while (head.length() < HEAD && read(buffer, 0, buffer.length) >= 0) {
                // the read keeps what it read
            }
        } catch (IOException e) {
            // what was read so far is all there is to show
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}

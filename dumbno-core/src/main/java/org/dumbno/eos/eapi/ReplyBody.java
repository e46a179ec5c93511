package org.dumbno.eos.eapi;

import java.io.IOException;
import java.io.Reader;

/**
 * A reply body read as a stream that keeps its beginning for messages about a bad reply, and
 * tells a failure of the connection underneath apart from a body that is not valid JSON.
 *
 * <p>No JSON string in it may be longer than {@link #MAX_STRING} characters: a parser holds a string
 * whole, so one string as long as the reply limit would take several times that much memory, where
 * the rest of a reply streams. No reply of EOS comes near it (a line of an access list takes a few
 * hundred characters, the running configuration of an interface a few thousand).
 */
final class ReplyBody extends Reader {
    /** Characters kept for messages; {@link RpcReply#abbreviate} shows at most 200 of them. */
    static final int HEAD = 16 * 1024;
    /** The longest JSON string (name or value) a reply may hold, in characters. */
    static final int MAX_STRING = 1024 * 1024;

    private final Reader source;
    private final Runnable abort;
    private final StringBuilder head = new StringBuilder();
    private IOException failure;
    private boolean inString;
    private boolean escaped;
    private int stringLength;

    ReplyBody(Reader source) {
        this(source, () -> { });
    }

    /** @param abort ends the exchange when a string is too long, so the rest is not drained */
    ReplyBody(Reader source, Runnable abort) {
        this.source = source;
        this.abort = abort;
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
        if (n > 0) {
            scan(buffer, offset, n);
        }
        return n;
    }

    /**
     * Follows the JSON strings of what was read, failing at the first longer than
     * {@link #MAX_STRING}. Runs over every character of every reply, so it skips from quote to
     * quote (and backslash) rather than judging each character on its own.
     */
    private void scan(char[] buffer, int offset, int length) throws StringTooLong {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (!inString) {
                while (i < end && buffer[i] != '"') {
                    i++;
                }
                if (i < end) {
                    inString = true;
                    stringLength = 0;
                    i++;
                }
            } else if (escaped) {
                escaped = false;
                counted(1);
                i++;
            } else {
                int start = i;
                char c = 0;
                while (i < end && (c = buffer[i]) != '"' && c != '\\') {
                    i++;
                }
                counted(i - start);
                if (i < end) {
                    if (c == '"') {
                        inString = false;
                    } else {
                        escaped = true;
                    }
                    i++;
                }
            }
        }
    }

    private void counted(int characters) throws StringTooLong {
        stringLength += characters;
        if (stringLength > MAX_STRING) {
            StringTooLong tooLong = new StringTooLong(MAX_STRING);
            failure = tooLong;
            abort.run();
            throw tooLong;
        }
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

    /** A JSON string longer than the limit: no more of the reply was read. */
    static final class StringTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        StringTooLong(int limit) {
            super("a string longer than " + limit + " characters");
            this.limit = limit;
        }

        int limit() {
            return limit;
        }
    }
}

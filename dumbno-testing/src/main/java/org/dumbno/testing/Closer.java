package org.dumbno.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test opened, newest first, once the test is over, however it ended: register it
 * ({@code @RegisterExtension final Closer closer = new Closer();}) and pass what is opened through
 * {@link #add}. Every part is closed even when one fails; the first failure is thrown with the
 * later ones suppressed.
 */
public final class Closer implements AfterEachCallback {
    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** {@code closeable}, to be closed after the test. */
    public synchronized <T extends AutoCloseable> T add(T closeable) {
        open.push(closeable);
        return closeable;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        for (AutoCloseable closeable = next(); closeable != null; closeable = next()) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized AutoCloseable next() {
        return open.poll();
    }
}

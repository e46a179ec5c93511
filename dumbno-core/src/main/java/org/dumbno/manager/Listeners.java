package org.dumbno.manager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered listeners; a listener that throws, even an {@link Error}, is logged and does not
 * stop the others (an {@link OutOfMemoryError} ends the process, as in every loop).
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<ShuntListener> listeners;

    Listeners(List<ShuntListener> initial) {
        this.listeners = new CopyOnWriteArrayList<>(initial);
    }

    void add(ShuntListener listener) {
        listeners.add(listener);
    }

    void fire(Consumer<ShuntListener> event) {
        for (ShuntListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (Throwable t) {
                Loops.failed(LOG, "shunt listener " + listener.getClass().getName(), t);
            }
        }
    }
}

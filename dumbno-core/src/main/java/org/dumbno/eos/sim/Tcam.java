package org.dumbno.eos.sim;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hardware table ACL entries are programmed into. An entry that does not fit stays in the
 * configuration but is not programmed, so it matches nothing; as on EOS this is no CLI error, only a
 * syslog warning when the table fills. When space frees up, waiting entries are programmed in the
 * order they were configured. Guarded by the switch's lock.
 */
final class Tcam {
    private static final Logger LOG = LoggerFactory.getLogger(Tcam.class);

    private final String hostname;
    private int capacity = Integer.MAX_VALUE;
    private int used;
    private boolean full;
    /** Entries configured while the table was full, in the order they were configured. */
    private final Set<LiveEntry> waiting = new LinkedHashSet<>();

    Tcam(String hostname) {
        this.hostname = hostname;
    }

    int capacity() {
        return capacity;
    }

    int used() {
        return used;
    }

    /** Changes the size; entries already programmed stay, waiting ones fill new room. */
    void resize(int newCapacity) {
        if (newCapacity < 0) {
            throw new IllegalArgumentException("TCAM capacity (" + newCapacity + ") must be >= 0");
        }
        capacity = newCapacity;
        fillFromWaiting();
    }

    void add(LiveEntry entry) {
        if (used < capacity) {
            entry.programmed = true;
            used++;
            return;
        }
        waiting.add(entry);
        if (!full) {
            full = true;
            LOG.warn("{} %CAPACITY-1-UTILIZATION_HIGH: ACL TCAM table is full ({} of {} entries used);"
                    + " entries beyond it are not programmed", hostname, used, capacity);
        }
    }

    void remove(LiveEntry entry) {
        if (entry.programmed) {
            entry.programmed = false;
            used--;
            fillFromWaiting();
        } else {
            waiting.remove(entry);
        }
    }

    private void fillFromWaiting() {
        Iterator<LiveEntry> next = waiting.iterator();
        while (used < capacity && next.hasNext()) {
            next.next().programmed = true;
            next.remove();
            used++;
        }
        if (waiting.isEmpty() && used < capacity) {
            full = false;
        }
    }
}

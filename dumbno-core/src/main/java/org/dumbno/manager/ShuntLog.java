package org.dumbno.manager;

import java.time.Duration;
import org.dumbno.acl.AclKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The event lines of logger {@code dumbno}, worded as the original tool printed them. */
final class ShuntLog {
    static final Logger LOG = LoggerFactory.getLogger("dumbno");

    private ShuntLog() {
    }

    /** {@code op=ADD seq=501 rule="ip host 192.168.1.1 host 192.168.1.2"}. */
    static String add(long sequence, String rule) {
        return "op=ADD seq=" + sequence + " rule=\"" + rule + "\"";
    }

    /** {@code op=REMOVE acl=bulk_2 family=ip seq=729 rule="..." matches=359 ago=0:01:22}. */
    static String remove(AclKey acl, long sequence, String rule, long matches, Duration age) {
        return "op=REMOVE acl=" + acl.name() + " family=" + acl.family().keyword() + " seq=" + sequence
                + " rule=\"" + rule + "\" matches=" + matches + " ago=" + hms(age);
    }

    /** The line of {@link #remove} for a removal a request asked for, ending {@code reason=request}. */
    static String removeByRequest(AclKey acl, long sequence, String rule, long matches, Duration age) {
        return remove(acl, sequence, rule, matches, age) + " reason=request";
    }

    /** The line of {@link #remove} for a shunt removed to make room, ending {@code reason=evicted}. */
    static String removeEvicted(AclKey acl, long sequence, String rule, long matches, Duration age) {
        return remove(acl, sequence, rule, matches, age) + " reason=evicted";
    }

    /**
     * {@code switch=ADDRESS} as a line says where it is about, or {@code at=ADDRESS} when the line
     * already starts {@code switch=NAME} (the logging context names the switch).
     */
    static String where(String address) {
        return (MDC.get(EverySwitch.LOG_KEY) == null ? "switch=" : "at=") + address;
    }

    /** H:MM:SS, hours unbounded; negative durations read as zero. */
    static String hms(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}

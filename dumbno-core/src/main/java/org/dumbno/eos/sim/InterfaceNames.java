package org.dumbno.eos.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interface lists as EOS writes them: {@code Ethernet1-16}, {@code Ethernet1,Ethernet3-4}. */
final class InterfaceNames {
    private static final Pattern RANGE = Pattern.compile("([A-Za-z][A-Za-z-]*?)(\\d+)(?:-(\\d+))?");
    /** Ranges longer than this are refused: no switch has that many ports. */
    static final int MAX_RANGE = 4096;

    private InterfaceNames() {
    }

    /**
     * Expands comma-separated names and ranges, in order: {@code Ethernet1-3,Ethernet7} gives
     * Ethernet1, Ethernet2, Ethernet3, Ethernet7. A range's later items may omit the type
     * ({@code Ethernet1-3,7}).
     *
     * @throws IllegalArgumentException an item is not {@code TYPE N} or {@code TYPE N-M} with N &lt;= M
     */
    static List<String> expand(String spec) {
        List<String> names = new ArrayList<>();
        String type = null;
        for (String raw : spec.split("[,\\s]+")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (type != null && Character.isDigit(item.charAt(0))) {
                item = type + item;
            }
            Matcher range = RANGE.matcher(item);
            if (!range.matches()) {
                throw new IllegalArgumentException("interface (" + item + ") is not NAME or NAME FIRST-LAST");
            }
            type = range.group(1);
            int first = Integer.parseInt(range.group(2));
            int last = range.group(3) == null ? first : Integer.parseInt(range.group(3));
            if (last < first || last - first >= MAX_RANGE) {
                throw new IllegalArgumentException("interface range (" + item + ") must run upwards");
            }
            for (int number = first; number <= last; number++) {
                names.add(type + number);
            }
        }
        return List.copyOf(names);
    }
}

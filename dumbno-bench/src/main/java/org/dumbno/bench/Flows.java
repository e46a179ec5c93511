package org.dumbno.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Request;

/** Distinct TCP 5-tuples, numbered: flow {@code i} is its own rule on the switch. */
final class Flows {
    private Flows() {
    }

    static final String SERVER = "192.0.2.1";

    static Request request(int i) {
        return Request.of(source(i), SERVER, "tcp", sport(i), 443);
    }

    /** The packets of flow {@code i}, as they cross the switch. */
    static Flow flow(int i) {
        return Flow.of(Protocol.TCP, source(i), sport(i), SERVER, 443);
    }

    static String source(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    static int sport(int i) {
        return 1024 + i % 60000;
    }

    /** Request datagrams for flows {@code first} to {@code first + count - 1}, as sensors send them. */
    static List<byte[]> datagrams(int first, int count) {
        List<byte[]> datagrams = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            datagrams.add(request(i).toJson().getBytes(StandardCharsets.UTF_8));
        }
        return datagrams;
    }
}

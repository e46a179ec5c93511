package org.dumbno.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.config.ZeekSettings;
import org.dumbno.testing.ZeekPeer;
import org.dumbno.zeek.ZeekBridge;

/**
 * A burst of {@code Dumbno::request} events over one WebSocket connection, from the Zeek peer
 * dumbno's tests use, against the same rig as the UDP burst; the UDP burst of the same flows runs
 * first, in the same conditions, as the yardstick.
 */
final class ZeekRow {
    static final double TARGET_RATIO = 2.0;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);

    private ZeekRow() {
    }

    static Row burst(int count, Duration latency) throws IOException, InterruptedException {
        double udpSeconds = RequestRows.burstSeconds(count, latency);
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(i));
        }
        try (Rig rig = Rig.start(latency); ZeekPeer zeek = ZeekPeer.start();
                ZeekBridge bridge = ZeekBridge.start(ZeekSettings.of(URI.create(zeek.url())), rig.manager,
                        ZeekBridge.Options.defaults())) {
            long connectBy = System.nanoTime() + ANSWER_WAIT.toNanos();
            while (!(bridge.connected() && zeek.subscribed() == 1) && System.nanoTime() - connectBy < 0) {
                Thread.onSpinWait();
            }
            long start = System.nanoTime();
            messages.forEach(zeek::sendRaw);
            List<ZeekPeer.Published> replies = zeek.next(count, ANSWER_WAIT);
            double seconds = (System.nanoTime() - start) / 1e9;
            long oks = replies.stream().filter(r -> r.name().equals("Dumbno::reply")
                    && r.data(1).getAsString().equals("ok")).count();
            long installed = rig.installed();
            String figures = String.format("installed %d, ok %d of %d, last reply after %.3f s = %.2f x the UDP"
                    + " burst's %.3f s", installed, oks, count, seconds, seconds / udpSeconds, udpSeconds);
            boolean met = installed == count && oks == count && seconds <= TARGET_RATIO * udpSeconds;
            return new Row(String.format("zeek burst %,d @ %d ms", count, latency.toMillis()), figures,
                    "all ok, <= 2 x UDP burst", met);
        }
    }

    /** Flow {@code i} as {@link Flows#request(int)} has it, as Zeek publishes it. */
    private static String message(int i) {
        return ZeekPeer.dataMessage("zeek/dumbno/request", "Dumbno::request", ZeekPeer.Metadata.NONE,
                ZeekPeer.count(i), ZeekPeer.string("add"), ZeekPeer.string(Flows.source(i)),
                ZeekPeer.string(Flows.SERVER), ZeekPeer.string("tcp"), ZeekPeer.count(Flows.sport(i)),
                ZeekPeer.count(443));
    }
}

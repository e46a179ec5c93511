package org.dumbno.zeek;

import java.io.Closeable;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dumbno.config.ZeekSettings;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.TlsContexts;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dumbno as a client of Zeek's WebSocket API: takes {@code Dumbno::request} events (the UDP
 * protocol in Zeek types) and NetControl's Broker-plugin rules from Zeek, hands them to the engine
 * (so they pass the same checks as UDP requests: validity, {@code never_shunt}, capacity), and
 * publishes the answers and the removals back. Reconnects by itself whenever Zeek goes away.
 */
public final class ZeekBridge implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ZeekBridge.class);

    private final ZeekLink link;
    private final EventCounts received = new EventCounts(Events.RECEIVED, true);
    private final Publisher publisher;
    private final PlainRequests plain;
    private final NetControlRules netControl;
    private final ScheduledExecutorService ownScheduler;
    private final String description;

    private ZeekBridge(ZeekSettings settings, EverySwitch manager, Options options) {
        ScheduledExecutorService scheduler = options.scheduler;
        ownScheduler = scheduler == null
                ? Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dumbno-zeek")) : null;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(options.timing.handshake());
        settings.caFile().ifPresent(ca -> client.sslContext(TlsContexts.trusting(ca)));
        String topic = settings.topic();
        description = "zeek " + String.join(", ", settings.websockets().stream().map(Object::toString).toList())
                + " topic " + topic;
        List<String> subscriptions = List.of(topic + "/request", topic + "/netcontrol");
        link = new ZeekLink(settings.websockets(), subscriptions, client.build(),
                scheduler != null ? scheduler : ownScheduler, this::event, options.timing);
        publisher = new Publisher(topic, link::send);
        Watchers watchers = new Watchers();
        manager.addListener(watchers);
        plain = new PlainRequests(manager, publisher, watchers);
        netControl = new NetControlRules(manager, publisher, watchers, options.clock);
    }

    /**
     * Starts connecting to Zeek; returns at once. Events are served from the first connection on.
     */
    public static ZeekBridge start(ZeekSettings settings, ACLManager manager, Options options) {
        return start(settings, EverySwitch.of(Objects.requireNonNull(manager, "manager")), options);
    }

    /**
     * Starts connecting to Zeek for every switch of {@code manager}: each request and rule goes to
     * every switch, answered as {@link EverySwitch} answers it. Returns at once.
     */
    public static ZeekBridge start(ZeekSettings settings, EverySwitch manager, Options options) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(options, "options");
        ZeekBridge bridge = new ZeekBridge(settings, manager, options);
        bridge.link.start();
        return bridge;
    }

    private void event(Message.Event event) {
        received.count(event.name());
        switch (event.name()) {
            case Events.REQUEST:
                plain.request(event);
                break;
            case Events.ADD_RULE:
                netControl.add(event);
                break;
            case Events.REMOVE_RULE:
                netControl.remove(event);
                break;
            default:
                LOG.debug("zeek: {} on {} is not for dumbno, ignored", event.name(), event.topic());
        }
    }

    /** Whether dumbno is connected to Zeek and subscribed. */
    public boolean connected() {
        return link.connected();
    }

    /** The connection's state and the events so far. */
    public ZeekStats stats() {
        return new ZeekStats(connected(), received.snapshot(), publisher.sent().snapshot());
    }

    /** Closes the connection and stops reconnecting; idempotent. */
    @Override
    public void close() {
        link.close();
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** How the bridge runs; {@link #defaults()} for a resident server. */
    public static final class Options {
        private final Clock clock;
        private final ScheduledExecutorService scheduler;
        private final ZeekLink.Timing timing;

        private Options(Clock clock, ScheduledExecutorService scheduler, ZeekLink.Timing timing) {
            this.clock = clock;
            this.scheduler = scheduler;
            this.timing = timing;
        }

        /**
         * The system clock, a thread of its own, reconnecting after 1 s doubling up to 30 s, a ping
         * every 15 s.
         */
        public static Options defaults() {
            return new Options(Clock.systemUTC(), null, ZeekLink.Timing.DEFAULT);
        }

        /** The clock NetControl's {@code expire} counts from. */
        public Options clock(Clock value) {
            return new Options(Objects.requireNonNull(value, "clock"), scheduler, timing);
        }

        /** The executor for connecting and reconnecting; not shut down by the bridge. */
        public Options scheduler(ScheduledExecutorService value) {
            return new Options(clock, Objects.requireNonNull(value, "scheduler"), timing);
        }

        /** How often dumbno pings Zeek (15 s by default); a connection silent between two pings is given up. */
        public Options keepalive(Duration every) {
            ZeekLink.Timing t = timing;
            return new Options(clock, scheduler, new ZeekLink.Timing(t.backoffInitial(), t.backoffMax(),
                    t.handshake(), t.send(), t.outboxLimit(), t.messageLimit(), every));
        }

        /** The first and the longest wait before connecting again. */
        public Options backoff(Duration initial, Duration max) {
            ZeekLink.Timing t = timing;
            return new Options(clock, scheduler, new ZeekLink.Timing(initial, max, t.handshake(), t.send(),
                    t.outboxLimit(), t.messageLimit(), t.keepalive()));
        }
    }
}

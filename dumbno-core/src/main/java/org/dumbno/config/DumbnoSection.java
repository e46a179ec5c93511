package org.dumbno.config;

import inet.ipaddr.IPAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dumbno.manager.WhenFull;
import org.dumbno.rule.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code [dumbno]}. */
final class DumbnoSection {
    static final Set<String> KEYS = Set.of("listen", "purge_interval", "hard_timeout", "seq_min", "seq_max",
            "max_rules", "allow_clients", "never_shunt", "metrics_listen", "max_request_age", "queue_limit",
            "rate_limit", "rate_burst", "secret_file", "syslog", "repair_layout", "shutdown_timeout",
            "when_full");
    static final int DEFAULT_SYSLOG_PORT = 514;
    private static final Logger LOG = LoggerFactory.getLogger(DumbnoSection.class);

    private DumbnoSection() {
    }

    static DumbnoSettings read(SectionReader section) {
        DumbnoSettings.Builder builder = DumbnoSettings.builder()
                .purgeInterval(section.seconds("purge_interval", DumbnoSettings.DEFAULT_PURGE_INTERVAL))
                .hardTimeout(section.seconds("hard_timeout", Duration.ZERO))
                .seqMin(section.whole("seq_min", DumbnoSettings.DEFAULT_SEQ_MIN))
                .seqMax(section.whole("seq_max", DumbnoSettings.DEFAULT_SEQ_MAX))
                .maxRules(section.whole("max_rules", 0))
                .maxRequestAge(section.seconds("max_request_age", DumbnoSettings.DEFAULT_MAX_REQUEST_AGE))
                .queueLimit(section.whole("queue_limit", DumbnoSettings.DEFAULT_QUEUE_LIMIT))
                .rateLimit(section.whole("rate_limit", DumbnoSettings.DEFAULT_RATE_LIMIT))
                .shutdownTimeout(section.seconds("shutdown_timeout", DumbnoSettings.DEFAULT_SHUTDOWN_TIMEOUT))
                .allowClients(section.field("allow_clients").map(DumbnoSection::networks).orElse(List.of()))
                .neverShunt(section.field("never_shunt").map(DumbnoSection::networks).orElse(List.of()))
                .repairLayout(section.bool("repair_layout", true));
        section.field("listen").ifPresent(field -> builder.listen(listen(field)));
        section.field("rate_burst").ifPresent(field -> builder.rateBurst(SectionReader.whole(field)));
        section.field("metrics_listen").ifPresent(field -> builder.metricsListen(bindable(field)));
        section.field("syslog").ifPresent(field -> builder.syslog(syslog(field)));
        section.field("when_full").ifPresent(field -> builder.whenFull(whenFull(field)));
        section.path("secret_file").ifPresent(path -> builder.secretFile(secretFile(section, path)));
        return builder.build();
    }

    private static WhenFull whenFull(Field field) {
        switch (field.value().strip().toLowerCase(Locale.ROOT)) {
            case "refuse":
                return WhenFull.REFUSE;
            case "evict":
                return WhenFull.EVICT;
            default:
                throw field.fail("not refuse or evict");
        }
    }

    private static List<String> items(Field field) {
        List<String> items = new ArrayList<>();
        for (String item : field.value().split("[,\\s]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    private static List<InetSocketAddress> listen(Field field) {
        return items(field).stream().map(item -> bindable(Field.of(field.section(), field.key(), item))).toList();
    }

    private static InetSocketAddress bindable(Field field) {
        return HostPort.parse(field, field.value()).bindable(field);
    }

    private static List<IPAddress> networks(Field field) {
        List<IPAddress> networks = new ArrayList<>();
        for (String item : items(field)) {
            IPAddress address = Addresses.parse(item).orElseThrow(() -> Field.of(field.section(), field.key(), item)
                    .fail("not an IPv4 or IPv6 address or network"));
            IPAddress block = Addresses.block(address);
            Addresses.embeddedIPv4Kind(address).ifPresent(kind -> LOG.warn("[{}] {}: {} is an {} address; using {}",
                    field.section(), field.key(), item, kind, block));
            if (address.isPrefixed() && !address.isPrefixBlock()) {
                LOG.warn("[{}] {}: {} has host bits set; using {}", field.section(), field.key(), item, block);
            }
            networks.add(block);
        }
        return networks;
    }

    private static InetSocketAddress syslog(Field field) {
        HostPort hostPort = HostPort.parse(field, field.value());
        if (hostPort.port().filter(port -> port == 0).isPresent()) {
            throw field.fail("port must be 1-65535");
        }
        return hostPort.destination(DEFAULT_SYSLOG_PORT);
    }

    private static Path secretFile(SectionReader section, Path path) {
        Field field = section.field("secret_file").orElseThrow();
        if (!Files.isReadable(path)) {
            throw field.fail("no such readable file");
        }
        Passwords.warnIfShared(path, "the request signing key");
        return path;
    }
}

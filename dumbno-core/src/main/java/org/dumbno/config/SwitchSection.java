package org.dumbno.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@code [switch]} or a {@code [switch NAME]}. */
final class SwitchSection {
    static final Set<String> KEYS = Set.of("name", "backend", "scheme", "ip", "user", "password", "password_file",
            "verify_tls", "ca_file", "timeout");

    private SwitchSection() {
    }

    /** Reads one switch section; {@code warned} as {@link Passwords#resolve} takes it. */
    static SwitchSettings read(SectionReader section, Path configFile, Map<String, String> environment,
            Set<Path> warned) {
        SwitchSettings.Builder builder = SwitchSettings.builder()
                .backend(section.field("backend").map(SwitchSection::backend).orElse(Backend.ARISTA))
                .scheme(section.field("scheme").map(SwitchSection::scheme).orElse(SwitchSettings.DEFAULT_SCHEME))
                .user(section.string("user").orElse(""))
                .verifyTls(section.bool("verify_tls", true))
                .timeout(section.seconds("timeout", SwitchSettings.DEFAULT_TIMEOUT));
        section.field("ip").ifPresent(field -> {
            HostPort address = HostPort.parse(field, field.value());
            builder.host(address.host());
            address.port().ifPresent(builder::port);
        });
        section.field("ca_file").ifPresent(field -> builder.caFile(readable(field, section)));
        builder.password(Passwords.resolve(section, configFile, environment, warned));
        try {
            return builder.build();
        } catch (ConfigException e) {
            throw e.inSection(SwitchSettings.SECTION, section.name());
        }
    }

    private static Backend backend(Field field) {
        return Backend.parse(field.value()).orElseThrow(() -> field.fail("not arista, simulated or dummy"));
    }

    private static String scheme(Field field) {
        String scheme = field.value().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw field.fail("not https or http");
        }
        return scheme;
    }

    private static Path readable(Field field, SectionReader section) {
        Path path = section.path(field.key().toLowerCase(Locale.ROOT)).orElseThrow();
        if (!Files.isReadable(path)) {
            throw field.fail("no such readable file");
        }
        return path;
    }
}

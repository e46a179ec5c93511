package org.dumbno.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code [zeek]}; a file without the section has no Zeek connection. */
final class ZeekSection {
    static final Set<String> KEYS = Set.of("websocket", "topic", "ca_file");

    private ZeekSection() {
    }

    static Optional<ZeekSettings> read(SectionReader section, boolean present) {
        if (!present) {
            return Optional.empty();
        }
        List<URI> urls = section.field("websocket").map(ZeekSection::urls).orElse(List.of());
        Optional<Path> caFile = section.field("ca_file").map(field -> {
            Path path = section.path("ca_file").orElseThrow();
            if (!Files.isReadable(path)) {
                throw field.fail("no such readable file");
            }
            return path;
        });
        return Optional.of(new ZeekSettings(urls, section.string("topic").orElse(ZeekSettings.DEFAULT_TOPIC),
                caFile));
    }

    private static List<URI> urls(Field field) {
        List<URI> urls = new ArrayList<>();
        for (String part : field.value().split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                urls.add(new URI(part));
            } catch (URISyntaxException e) {
                throw field.fail("not a URL: " + part, e);
            }
        }
        return urls;
    }
}

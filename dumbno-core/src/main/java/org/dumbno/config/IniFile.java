package org.dumbno.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * An INI file read with commons-configuration, as raw sections of raw entries. Key names are taken
 * from the node tree as written, so {@code 192.0.2.50} and {@code 2001:db8::50} stay whole. Only
 * {@code =} separates key from value (an IPv6 key is full of colons); a line with {@code :} but no
 * {@code =}, which the original tool also read, is split at its first colon outside
 * {@code [two_tuple_hosts]}.
 */
final class IniFile {
    /** One {@code key = value} line, in file order. */
    record Entry(String key, String value) {
    }

    private final Map<String, List<Entry>> sections;

    private IniFile(Map<String, List<Entry>> sections) {
        this.sections = sections;
    }

    static IniFile read(Path file) {
        INIConfiguration ini = INIConfiguration.builder().setSectionInLineCommentsAllowed(true).build();
        ini.setSeparatorUsedInInput("=");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ini.read(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read: permission denied", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read: " + describe(e), e);
        } catch (ConfigurationException e) {
            throw new ConfigException("not an INI file: " + describe(e), e);
        }
        return new IniFile(sections(ini.getNodeModel().getNodeHandler().getRootNode()));
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Map<String, List<Entry>> sections(ImmutableNode root) {
        Map<String, List<Entry>> sections = new LinkedHashMap<>();
        for (ImmutableNode node : root.getChildren()) {
            if (node.getValue() != null) {
                throw outsideSection(node);
            }
            List<Entry> entries = sections.computeIfAbsent(node.getNodeName(), name -> new ArrayList<>());
            for (ImmutableNode child : node.getChildren()) {
                entries.add(entry(node.getNodeName(), child));
            }
        }
        return sections;
    }

    private static ConfigException outsideSection(ImmutableNode node) {
        String name = node.getNodeName();
        if (name.startsWith("[")) {
            return new ConfigException("not an INI file: " + name + " is not a section header (missing ])");
        }
        return new ConfigException("not an INI file: " + name + " comes before any [section] line");
    }

    private static Entry entry(String section, ImmutableNode node) {
        String key = node.getNodeName().trim();
        String value = String.valueOf(node.getValue()).trim();
        if (value.isEmpty()) {
            key = withoutComment(key);
            int colon = key.indexOf(':');
            if (colon > 0 && !section.equals(ConfigLoader.TWO_TUPLE_HOSTS)) {
                value = key.substring(colon + 1).trim();
                key = key.substring(0, colon).trim();
            }
        }
        if (key.isEmpty()) {
            throw new ConfigException("not an INI file: [" + section + "] has a line with no key");
        }
        return new Entry(key, value);
    }

    /** The text up to a {@code ;} or {@code #} that follows whitespace. */
    private static String withoutComment(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ';' || c == '#') && Character.isWhitespace(text.charAt(i - 1))) {
                return text.substring(0, i).trim();
            }
        }
        return text;
    }

    /** The section's entries in file order, if the file has it. */
    Optional<List<Entry>> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /** Every section name, in file order. */
    List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }
}

package org.dumbno.acl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.dumbno.rule.Family;

/**
 * One access list on the switch: a name from {@code [ports]} and a family. The same name exists
 * twice, as {@code ip access-list NAME} and as {@code ipv6 access-list NAME}.
 *
 * @param name the ACL's name
 * @param family IPv4 or IPv6
 */
public record AclKey(String name, Family family) {
    /** The ACL names EOS accepts, as a message says it: see {@link #isValidName}. */
    public static final String NAME_RULE = "a letter, then letters, digits, _ - . ; at most 100";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

    public AclKey {
        Objects.requireNonNull(family, "family");
        if (name == null || name.isBlank() || !name.strip().equals(name) || name.contains(" ")) {
            throw new IllegalArgumentException("ACL name (" + name + ") must be one word");
        }
    }

    /**
     * Whether EOS accepts {@code name} as an access list's name ({@value #NAME_RULE}): the
     * configuration checks it before anything reaches a switch, and the simulated switch refuses
     * any other as EOS does.
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Every name of {@code names} as an IPv4 list, then every name as an IPv6 list, each once, in
     * the order given: the managed lists of a switch whose {@code [ports]} map to these names.
     */
    public static List<AclKey> inBothFamilies(Collection<String> names) {
        List<AclKey> keys = new ArrayList<>();
        for (Family family : Family.values()) {
            new LinkedHashSet<>(names).forEach(name -> keys.add(new AclKey(name, family)));
        }
        return List.copyOf(keys);
    }

    /** The list as messages name it: {@code ip access-list NAME} or {@code ipv6 access-list NAME}. */
    public String describe() {
        return family.keyword() + " access-list " + name;
    }

    @Override
    public String toString() {
        return family.keyword() + " " + name;
    }
}

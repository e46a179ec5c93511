package org.dumbno.acl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.dumbno.rule.Family;

/**
 * One access list on the switch: a name from {@code [ports]} and a family. The same name exists
 * twice, as {@code ip access-list NAME} and as {@code ipv6 access-list NAME}.
 *
 * @param name the ACL's name
 * @param family IPv4 or IPv6
 */
public record AclKey(String name, Family family) {

    public AclKey {
        Objects.requireNonNull(family, "family");
        if (name == null || name.isBlank() || !name.strip().equals(name) || name.contains(" ")) {
            throw new IllegalArgumentException("ACL name (" + name + ") must be one word");
        }
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

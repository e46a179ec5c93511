package org.dumbno.eos;

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

    /** The configuration mode command that edits this list: {@code ip access-list NAME}. */
    public String modeCommand() {
        return family.keyword() + " access-list " + name;
    }

    /** The show command that reads this list: {@code show ip access-lists NAME}. */
    public String showCommand() {
        return "show " + family.keyword() + " access-lists " + name;
    }

    @Override
    public String toString() {
        return family.keyword() + " " + name;
    }
}

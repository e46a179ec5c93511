package org.dumbno.eos;

import org.dumbno.acl.AclKey;

/** The EOS CLI commands that edit and read one access list. */
final class AclCommands {

    private AclCommands() {
    }

    /** The configuration mode command that edits {@code acl}: {@code ip access-list NAME}. */
    static String mode(AclKey acl) {
        return acl.family().keyword() + " access-list " + acl.name();
    }

    /** The show command that reads {@code acl}: {@code show ip access-lists NAME}. */
    static String show(AclKey acl) {
        return "show " + acl.family().keyword() + " access-lists " + acl.name();
    }
}

package org.dumbno.acl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One read of the managed lists, in one call: their lines and what the same call showed of the
 * layout.
 *
 * @param acls every managed list's lines (empty for a list the switch does not have)
 * @param layout the layout as read
 */
public record SwitchRead(Map<AclKey, List<AclEntry>> acls, LayoutReport layout) {

    public SwitchRead {
        acls = Collections.unmodifiableMap(new LinkedHashMap<>(acls));
        Objects.requireNonNull(layout, "layout");
    }
}

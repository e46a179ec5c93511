package org.dumbno.acl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The switch of {@code backend = dummy}: see {@link AclSwitch#dummy(List)}. */
final class DummySwitch implements AclSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(DummySwitch.class);

    private final List<AclKey> acls;

    DummySwitch(List<AclKey> acls) {
        this.acls = List.copyOf(acls);
    }

    @Override
    public String describe() {
        return "dummy";
    }

    @Override
    public List<AclKey> acls() {
        return acls;
    }

    @Override
    public SwitchRead read() {
        Map<AclKey, List<AclEntry>> empty = new LinkedHashMap<>();
        acls.forEach(acl -> empty.put(acl, List.of()));
        return new SwitchRead(empty, LayoutReport.OK);
    }

    @Override
    public List<LayoutProblem> write(List<EntryWrite> writes) {
        writes.forEach(write -> LOG.info("dummy switch: {} would get {}", write.acl(), write.text()));
        return List.of();
    }

    @Override
    public void remove(List<EntryRef> entries) {
        entries.forEach(entry -> LOG.info("dummy switch: {} would lose {}", entry.acl(), entry.sequence()));
    }

    @Override
    public String toString() {
        return "DummySwitch" + acls;
    }
}

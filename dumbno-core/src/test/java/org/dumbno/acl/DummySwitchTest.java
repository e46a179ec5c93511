package org.dumbno.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code backend = dummy}: logs what it would write or remove, keeps nothing, has no layout to keep. */
class DummySwitchTest {
    private static final AclKey IP1 = new AclKey("bulk_1", Family.IP);
    private static final AclKey IP2 = new AclKey("bulk_2", Family.IP);
    private static final AclKey IPV6_1 = new AclKey("bulk_1", Family.IPV6);
    private static final Rule RULE = Request.of("10.0.0.1", "192.0.2.9", "tcp", null, 443).toRule();

    private final AclSwitch dummy = AclSwitch.dummy(AclKey.inBothFamilies(List.of("bulk_1", "bulk_2", "bulk_1")));

    @RegisterExtension
    final LogCapture log = LogCapture.of(DummySwitch.class);

    @Test
    void managesEveryNameInBothFamiliesOnce() {
        assertEquals("dummy", dummy.describe());
        assertEquals(List.of(IP1, IP2, IPV6_1, new AclKey("bulk_2", Family.IPV6)), dummy.acls());
        assertEquals(List.of(IPV6_1, new AclKey("bulk_2", Family.IPV6)), dummy.acls(Family.IPV6));
    }

    @Test
    void logsEachLineItWouldWriteAndRemoveAndKeepsNone() throws SwitchException {
        List<LayoutProblem> problems = dummy.write(List.of(new EntryWrite(IP1, 501, RULE),
                new EntryWrite(IP2, 501, RULE)));
        dummy.remove(List.of(new EntryRef(IP1, 501)));

        assertEquals(List.of(), problems);
        assertEquals(List.of("dummy switch: ip bulk_1 would get 501 deny " + RULE.text(),
                "dummy switch: ip bulk_2 would get 501 deny " + RULE.text(),
                "dummy switch: ip bulk_1 would lose 501"), log.messages());
        SwitchRead read = dummy.read();
        assertEquals(dummy.acls(), List.copyOf(read.acls().keySet()));
        assertTrue(read.acls().values().stream().allMatch(List::isEmpty), read.toString());
    }

    @Test
    void hasAWholeLayoutNothingToSetUpAndNoInterfaces() throws SwitchException {
        dummy.learnLayout();

        assertTrue(dummy.read().layout().ok());
        assertFalse(dummy.setup().changed());
        assertEquals(Map.of(), dummy.interfaceCounters());
        assertEquals(List.of(), log.messages(), "reading and setting up write nothing");
    }

    @Test
    void withoutListsItReadsNothing() throws SwitchException {
        AclSwitch none = AclSwitch.dummy(List.of());

        assertEquals(List.of(), none.acls());
        assertEquals(Map.of(), none.read().acls());
        none.close();
        none.close();
    }
}

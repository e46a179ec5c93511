package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.acl.SwitchUnavailableException;
import org.junit.jupiter.api.Test;

/** A switch without an eAPI transport tells {@code dumbno_switch_up} from its calls. */
class MeteredSwitchTest {
    private static final String UP = "dumbno_switch_up";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final DumbnoMetrics metrics = new DumbnoMetrics(registry);
    /** What the next call of {@link #failing} throws; null to answer. */
    private SwitchException next;

    private final AclSwitch failing = new AclSwitch() {
        @Override
        public String describe() {
            return "failing";
        }

        @Override
        public List<AclKey> acls() {
            return List.of();
        }

        @Override
        public SwitchRead read() throws SwitchException {
            if (next != null) {
                throw next;
            }
            return new SwitchRead(Map.of(), LayoutReport.OK);
        }

        @Override
        public List<LayoutProblem> write(List<EntryWrite> writes) throws SwitchException {
            throw new SwitchRefusedException("failing", "write refused: read-only", List.of("read-only"), null);
        }

        @Override
        public void remove(List<EntryRef> entries) {
        }
    };
    private final AclSwitch metered = metrics.wrap(failing);

    private double up() {
        return Exposition.of(registry).value(UP, "switch", "main");
    }

    @Test
    void theDummyIsUpOnceCalled() throws SwitchException {
        AclSwitch dummy = metrics.wrap(AclSwitch.dummy(List.of()));
        assertEquals(0, up(), "nothing called yet");

        dummy.read();

        assertEquals(1, up());
        assertEquals("dummy", dummy.describe());
    }

    @Test
    void anUnreachableSwitchIsDownAndOneThatAnswersIsUpAgain() throws SwitchException {
        next = new SwitchUnavailableException("failing", "connection refused", null);
        SwitchException e = assertThrows(SwitchException.class, metered::read);
        assertSame(next, e);
        assertEquals(0, up());

        next = null;
        metered.read();
        assertEquals(1, up());

        next = new AuthenticationException("failing", "credentials refused");
        assertThrows(AuthenticationException.class, metered::read);
        assertEquals(0, up(), "refused credentials count as down");
    }

    @Test
    void aRefusedChangeStillShowsTheSwitchUp() {
        assertThrows(SwitchRefusedException.class, () -> metered.write(List.of()));

        assertEquals(1, up());
    }

    @Test
    void removalsAndWritesInOneCallGoToTheSwitchAsOneCall() throws SwitchException {
        List<String> calls = new ArrayList<>();
        AclSwitch oneCall = new AclSwitch() {
            @Override
            public String describe() {
                return "one call";
            }

            @Override
            public List<AclKey> acls() {
                return List.of();
            }

            @Override
            public SwitchRead read() {
                return new SwitchRead(Map.of(), LayoutReport.OK);
            }

            @Override
            public List<LayoutProblem> write(List<EntryWrite> writes) {
                calls.add("write");
                return List.of();
            }

            @Override
            public List<LayoutProblem> write(List<EntryRef> removals, List<EntryWrite> writes) {
                calls.add("remove and write");
                return List.of();
            }

            @Override
            public void remove(List<EntryRef> entries) {
                calls.add("remove");
            }
        };

        metrics.wrap(oneCall).write(List.of(), List.of());

        assertEquals(List.of("remove and write"), calls);
        assertEquals(1, up());
    }
}

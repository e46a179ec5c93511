package org.dumbno.acl;

import java.io.Closeable;
import java.util.List;
import java.util.Map;
import org.dumbno.rule.Family;

/**
 * A switch as dumbno sees it: a set of managed access lists, each holding dumbno's {@code deny}
 * lines by sequence number, with counters that say whether a line still matches traffic, and a
 * layout (the lists exist, count per entry, hold their permits, are bound where they belong). This
 * is the one extension point for another kind of switch; the Arista implementation speaks eAPI
 * ({@code org.dumbno.eos.EosSwitch}), and {@link #dummy(List)} keeps nothing.
 *
 * <p><b>Threads.</b> Implementations are thread-safe: the engine makes one change at a time, but it
 * reads the lists beside its changes to confirm repeated requests, and the bandwidth poll, the
 * readiness check and the command line may call concurrently.
 *
 * <p><b>Failures.</b> A call that cannot do what it was asked throws a {@link SwitchException}:
 * {@link SwitchUnavailableException} when the switch could not be reached or answered nonsense (the
 * caller retries later, assuming nothing about what ran), {@link AuthenticationException} when it
 * refused the credentials, {@link SwitchRefusedException} when it was reached and refused the
 * change ({@link EntryWriteException} for one line of a {@link #write}, saying which lines stand).
 * Messages name the switch as {@link #describe()} does and never carry credentials.
 */
public interface AclSwitch extends Closeable {

    /** A name for the switch in messages and logs, e.g. its host and port; never credentials. */
    String describe();

    /**
     * The lists dumbno manages on this switch, each name in both families, IPv4 first; fixed for
     * the switch's life. Empty for a switch with nothing to manage: every shunt is then on none
     * of them.
     */
    List<AclKey> acls();

    /** The managed lists of one family, in the order of {@link #acls()}. */
    default List<AclKey> acls(Family family) {
        return acls().stream().filter(acl -> acl.family() == family).toList();
    }

    /**
     * Reads every managed list and what the same read shows of the layout. A list the switch does
     * not have reads as no lines, with a {@link LayoutProblem.Kind#MISSING} problem; a switch that
     * keeps no layout reports {@link LayoutReport#OK}. Lines outside dumbno's range are returned
     * as they are; the caller leaves them alone.
     */
    SwitchRead read() throws SwitchException;

    /**
     * Adds {@code SEQ deny RULE} lines. They are applied in the order given, and the switch stops at
     * the first it refuses: the lines before it stand, those after it are not applied, and an
     * {@link EntryWriteException} names the refused line and the ones that stand
     * ({@link EntryWriteException#isSequenceTaken()} when its number holds another line). A list
     * the write creates because it was gone is created with its layout where the switch keeps one.
     *
     * @return what the write saw wrong with the layout of the lists written to; empty when they
     *     are whole or the switch cannot tell from a write
     */
    List<LayoutProblem> write(List<EntryWrite> writes) throws SwitchException;

    /**
     * Removes lines by sequence number. Removing a line that is not there is not an error. A
     * failure may leave the removal partly done: the engine reads the lists again before it
     * believes a line is gone.
     */
    void remove(List<EntryRef> entries) throws SwitchException;

    /**
     * Removes {@code removals}, then adds {@code writes}, as {@link #remove} and {@link #write} do:
     * the lines a write makes room for ({@code when_full = evict}) leave before the lines that take
     * their place arrive. A switch that can should do both in one call, so that neither stands
     * without the other; by default these are two calls. A failure of the removal adds nothing.
     */
    default List<LayoutProblem> write(List<EntryRef> removals, List<EntryWrite> writes) throws SwitchException {
        if (!removals.isEmpty()) {
            remove(removals);
        }
        return write(writes);
    }

    /**
     * Makes the layout whole, changing only what is missing: the lists with their permits and
     * per-entry counters, their bindings, and the switch-wide settings dumbno needs. The engine
     * calls it to repair a layout a read found broken. By default nothing changes, for a switch
     * that keeps no layout (whose reads report {@link LayoutReport#OK}).
     *
     * @return what changed; empty when nothing had to
     */
    default SetupReport setup() throws SwitchException {
        return new SetupReport(List.of());
    }

    /**
     * Finds out the parts of the layout that a {@link #read()} of the lists cannot show (settings
     * kept outside the lists), unless setup or an earlier call already has, so that later reads
     * report them. The engine calls it once when it starts. Does nothing by default: a read
     * of a switch without such settings shows its whole layout.
     *
     * @throws SwitchRefusedException the switch would not say; reads then leave those parts out
     */
    default void learnLayout() throws SwitchException {
    }

    /**
     * The octet counters of every interface the switch reports, by interface name, for
     * {@code dumbno stats} and the bandwidth metrics. None by default.
     */
    default Map<String, InterfaceCounters> interfaceCounters() throws SwitchException {
        return Map.of();
    }

    /**
     * Releases connections and threads; idempotent. A manager does not close its switch. Holds
     * nothing by default.
     */
    @Override
    default void close() {
    }

    /**
     * A switch that keeps nothing ({@code backend = dummy}): it logs every line it would write or
     * remove at INFO and forgets it, reads its lists as empty and its layout as whole, and has no
     * interfaces. For trying dumbno out without a switch.
     *
     * @param acls the lists it pretends to manage; empty for none
     */
    static AclSwitch dummy(List<AclKey> acls) {
        return new DummySwitch(acls);
    }
}

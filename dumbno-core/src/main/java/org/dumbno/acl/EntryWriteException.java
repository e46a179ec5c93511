package org.dumbno.acl;

import java.util.List;

/**
 * The switch refused one line of an {@link AclSwitch#write} call. The lines before it stand, the
 * ones after it were not applied.
 */
public final class EntryWriteException extends SwitchRefusedException {
    private static final long serialVersionUID = 1L;

    private final transient EntryWrite failedWrite;
    private final transient List<EntryWrite> applied;
    private final boolean sequenceTaken;

    /**
     * @param switchName the switch as {@link AclSwitch#describe()} names it
     * @param failedWrite the refused line
     * @param applied the lines of the call that were applied before it and stand
     * @param reasons the switch's reasons for refusing it
     * @param sequenceTaken whether it was refused because its number holds another line
     * @param cause the switch's own error, if any
     */
    public EntryWriteException(String switchName, EntryWrite failedWrite, List<EntryWrite> applied,
            List<String> reasons, boolean sequenceTaken, Throwable cause) {
        super(switchName, "writing " + failedWrite.text() + " into " + failedWrite.acl() + " failed: "
                + String.join("; ", reasons), reasons, cause);
        this.failedWrite = failedWrite;
        this.applied = List.copyOf(applied);
        this.sequenceTaken = sequenceTaken;
    }

    /** The line the switch refused. */
    public EntryWrite failedWrite() {
        return failedWrite;
    }

    /** The lines that were applied before the refused one; they stand on the switch. */
    public List<EntryWrite> applied() {
        return applied == null ? List.of() : applied;
    }

    /** How many lines before the refused one were applied. */
    public int appliedCount() {
        return applied().size();
    }

    /** The switch's reasons, as it gave them, separated by {@code ; }. */
    public String reason() {
        return String.join("; ", reasons());
    }

    /**
     * Whether the line was refused because its sequence number already holds another line in that
     * list: another writer uses dumbno's range, or dumbno's picture of the list is stale. Reading
     * the list again and choosing another number is the cure.
     */
    public boolean isSequenceTaken() {
        return sequenceTaken;
    }
}

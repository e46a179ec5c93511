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

    private EntryWriteException(String switchName, EntryWrite failedWrite, List<EntryWrite> applied,
            List<String> reasons, boolean sequenceTaken, Throwable cause) {
        super(switchName, "writing " + failedWrite.text() + " into " + failedWrite.acl() + " failed: "
                + String.join("; ", reasons), reasons, cause);
        this.failedWrite = failedWrite;
        this.applied = List.copyOf(applied);
        this.sequenceTaken = sequenceTaken;
    }

    /**
     * The switch refused {@code failedWrite} because its sequence number holds another line of that
     * list ({@link #isSequenceTaken()}).
     *
     * @param switchName the switch as {@link AclSwitch#describe()} names it
     * @param applied the lines of the call that were applied before it and stand
     * @param reasons the switch's reasons, as it gave them
     * @param cause the switch's own error, if any
     */
    public static EntryWriteException sequenceTaken(String switchName, EntryWrite failedWrite,
            List<EntryWrite> applied, List<String> reasons, Throwable cause) {
        return new EntryWriteException(switchName, failedWrite, applied, reasons, true, cause);
    }

    /**
     * The switch refused {@code failedWrite} for another reason than its number: the line is
     * refused, its requests are answered with the reasons.
     *
     * @param switchName the switch as {@link AclSwitch#describe()} names it
     * @param applied the lines of the call that were applied before it and stand
     * @param reasons the switch's reasons, as it gave them
     * @param cause the switch's own error, if any
     */
    public static EntryWriteException refused(String switchName, EntryWrite failedWrite, List<EntryWrite> applied,
            List<String> reasons, Throwable cause) {
        return new EntryWriteException(switchName, failedWrite, applied, reasons, false, cause);
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

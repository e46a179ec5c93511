package org.dumbno.eos;

import java.util.List;

/**
 * The switch refused one line of an {@link EosSwitch#write} call. The lines before it stand, the
 * ones after it were not run.
 */
public final class EntryWriteException extends SwitchException {
    private static final long serialVersionUID = 1L;

    private final transient EntryWrite failedWrite;
    private final transient List<EntryWrite> applied;
    private final String reason;

    /**
     * @param failedWrite the refused line
     * @param applied the lines of the call that ran before it and stand
     * @param cause the switch's refusal
     */
    public EntryWriteException(EntryWrite failedWrite, List<EntryWrite> applied, CommandFailedException cause) {
        super(cause.switchName(), "writing " + failedWrite.command() + " into " + failedWrite.acl()
                + " failed: " + reasonOf(cause), cause);
        this.failedWrite = failedWrite;
        this.applied = List.copyOf(applied);
        this.reason = reasonOf(cause);
    }

    private static String reasonOf(CommandFailedException cause) {
        return cause.errors().isEmpty() ? "eAPI error " + cause.code() : String.join("; ", cause.errors());
    }

    /** The line the switch refused. */
    public EntryWrite failedWrite() {
        return failedWrite;
    }

    /** The lines that ran before the refused one; they stand on the switch. */
    public List<EntryWrite> applied() {
        return applied == null ? List.of() : applied;
    }

    /** How many lines before the refused one were applied. */
    public int appliedCount() {
        return applied().size();
    }

    /** The switch's reason, as it gave it. */
    public String reason() {
        return reason;
    }
}

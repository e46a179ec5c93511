package org.dumbno.eos;

import com.google.gson.JsonObject;
import java.util.List;
import org.dumbno.acl.SwitchRefusedException;

/**
 * The switch ran the commands up to one it refused (eAPI's JSON-RPC {@code error}). The commands
 * before {@link #failedIndex()} stay applied; those after it did not run.
 */
public final class CommandFailedException extends SwitchRefusedException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int failedIndex;
    private final String failedCommand;
    private final List<String> errors;
    private final transient List<JsonObject> results;

    /**
     * @param code eAPI's error code (1002 for an invalid command, for instance)
     * @param failedIndex zero-based index of the refused command in the call
     * @param failedCommand the refused command's text
     * @param errors the switch's reasons for refusing it
     * @param results the results of the commands before the failed one
     */
    public CommandFailedException(String switchName, int code, int failedIndex, String failedCommand,
            List<String> errors, List<JsonObject> results) {
        super(switchName, "command " + (failedIndex + 1) + " '" + failedCommand + "' failed (eAPI error "
                + code + "): " + (errors.isEmpty() ? "no reason given" : String.join("; ", errors)), errors, null);
        this.code = code;
        this.failedIndex = failedIndex;
        this.failedCommand = failedCommand;
        this.errors = List.copyOf(errors);
        this.results = List.copyOf(results);
    }

    /** eAPI's error code. */
    public int code() {
        return code;
    }

    /** Zero-based index of the refused command. */
    public int failedIndex() {
        return failedIndex;
    }

    /** The refused command. */
    public String failedCommand() {
        return failedCommand;
    }

    /** The switch's reasons, as it gave them; the same as {@link #reasons()}. */
    public List<String> errors() {
        return errors;
    }

    /** Results of the commands that ran before the failed one (they stay applied). */
    public List<JsonObject> results() {
        return results == null ? List.of() : results;
    }
}

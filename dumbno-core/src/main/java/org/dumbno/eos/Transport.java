package org.dumbno.eos;

import com.google.gson.JsonObject;
import java.io.Closeable;
import java.util.List;

/**
 * The one narrow way dumbno talks to a switch: run these EOS commands, in order, and give back one
 * result object per command. Commands run with eAPI's stop-on-error semantics: when one fails, the
 * ones before it stay applied, the ones after it do not run, and a {@link CommandFailedException}
 * carries the results up to and including the failed one.
 *
 * <p>Implementations are thread-safe. The eAPI transport speaks JSON-RPC over HTTP(S), the simulated
 * switch runs in-process, the dummy only logs.
 */
public interface Transport extends Closeable {

    /** The output format eAPI is asked for; every command of one call uses the same format. */
    enum Format {
        JSON("json"),
        TEXT("text");

        private final String wireName;

        Format(String wireName) {
            this.wireName = wireName;
        }

        /** The value of eAPI's {@code format} parameter. */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * Runs {@code commands} and returns one result per command ({@code {}} for configuration
     * commands, {@code {"output": "..."}} per command in {@link Format#TEXT}).
     *
     * @throws CommandFailedException the switch refused one of the commands
     * @throws AuthenticationException the switch refused our credentials
     * @throws SwitchUnavailableException the switch could not be reached or answered nonsense
     */
    List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException;

    /** Runs {@code commands} asking for JSON results. */
    default List<JsonObject> runCmds(List<String> commands) throws SwitchException {
        return runCmds(commands, Format.JSON);
    }

    /** A name for the switch in messages and logs (host and port; never credentials). */
    String describe();

    /** Releases connections and threads; idempotent. */
    @Override
    void close();
}

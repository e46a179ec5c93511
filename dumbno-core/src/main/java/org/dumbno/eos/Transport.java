package org.dumbno.eos;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;

/**
 * How {@link EosSwitch} talks to an Arista switch: run these EOS commands, in order, and give back
 * one result object per command. Commands run with eAPI's stop-on-error semantics: when one fails,
 * the ones before it stay applied, the ones after it do not run, and a
 * {@link CommandFailedException} carries the results up to and including the failed one.
 *
 * <p>Implementations are thread-safe. The eAPI transport speaks JSON-RPC over HTTP(S), the simulated
 * switch runs in-process. This is an EOS detail: a switch of another kind implements
 * {@link org.dumbno.acl.AclSwitch} instead.
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

    /**
     * Runs {@code commands} as {@link #runCmds(List, Format)} does and gives each result as its JSON
     * text in UTF-8, for a server that copies the results into its reply. A transport that can write
     * a large result without building its tree (the simulated switch) overrides this; the default
     * prints the objects {@link #runCmds(List, Format)} gives. Failures are those of that method.
     *
     * @return one JSON object's text per command
     */
    default List<byte[]> runCmdsAsJson(List<String> commands, Format format) throws SwitchException {
        List<JsonObject> results = runCmds(commands, format);
        List<byte[]> texts = new ArrayList<>(results.size());
        for (JsonObject result : results) {
            texts.add(result.toString().getBytes(StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** Runs {@code commands} asking for JSON results. */
    default List<JsonObject> runCmds(List<String> commands) throws SwitchException {
        return runCmds(commands, Format.JSON);
    }

    /**
     * Runs {@code commands} asking for JSON results, and turns each result into a value with
     * {@code decoder} as it arrives, so that a transport reading a reply off the wire need not
     * build the JSON tree of a large result. Failures are those of {@link #runCmds(List, Format)};
     * a {@link CommandFailedException} still carries the earlier results as JSON objects.
     *
     * <p>This default runs {@link #runCmds(List, Format)} and decodes the parsed objects; the
     * eAPI transport overrides it to decode the reply as a stream.
     *
     * @return one value per command (a decoder may give null)
     */
    default <T> List<T> runCmds(List<String> commands, ResultDecoder<T> decoder) throws SwitchException {
        List<JsonObject> results = runCmds(commands, Format.JSON);
        List<T> decoded = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            decoded.add(decoder.decode(i, results.get(i)));
        }
        return Collections.unmodifiableList(decoded);
    }

    /** A name for the switch in messages and logs (host and port; never credentials). */
    String describe();

    /**
     * Turns the JSON result of one command into a value, either from the reply's stream or from a
     * result already parsed; both forms must give equal values. A result of an unexpected shape
     * may be refused with an {@link IllegalStateException} or {@link IllegalArgumentException}.
     *
     * @param <T> the value of one result
     */
    interface ResultDecoder<T> {

        /**
         * The value of the result of command {@code index} (zero-based), read from {@code json},
         * which stands at the result's opening brace; reads exactly that object.
         */
        T decode(int index, JsonReader json) throws IOException;

        /** The value of the result of command {@code index}, already parsed. */
        T decode(int index, JsonObject result);
    }

    /** Releases connections and threads; idempotent. */
    @Override
    void close();
}

package org.dumbno.eos.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dumbno.eos.Transport.Format;
import org.dumbno.rule.Family;

/**
 * The show commands, valid in every mode. {@code show running-config} has no JSON model on EOS
 * (error 1003, retry as text); the others answer in either format, text rendered the way the CLI
 * prints it.
 */
final class Shows {
    private final SwitchState state;
    private final Format format;

    Shows(SwitchState state, Format format) {
        this.state = state;
        this.format = format;
    }

    Result show(Tokens tokens) throws CliError {
        tokens.expect("show");
        if (tokens.atEnd()) {
            throw CliError.incomplete();
        }
        if (tokens.nextIs("ip") || tokens.nextIs("ipv6")) {
            return accessLists(tokens);
        }
        return Result.of(small(tokens));
    }

    /** The shows whose results are a few lines. */
    private JsonObject small(Tokens tokens) throws CliError {
        if (tokens.accept("running-config")) {
            return runningConfig(tokens);
        }
        if (tokens.accept("interfaces")) {
            tokens.expect("counters");
            tokens.end();
            return format == Format.JSON ? Status.interfaceCounters(state) : text(Status.countersText(state));
        }
        if (tokens.accept("version")) {
            tokens.end();
            return format == Format.JSON ? Status.version(state) : text(Status.versionText(state));
        }
        if (tokens.accept("hostname")) {
            tokens.end();
            JsonObject json = new JsonObject();
            json.addProperty("hostname", state.hostname);
            json.addProperty("fqdn", state.hostname);
            return format == Format.JSON ? json : text("Hostname: " + state.hostname + "\nFQDN:     "
                    + state.hostname + "\n");
        }
        throw tokens.unexpected();
    }

    private Result accessLists(Tokens tokens) throws CliError {
        Family family = Session.family(tokens);
        tokens.expect("access-lists");
        if (tokens.accept("summary")) {
            tokens.end();
            return format == Format.JSON ? AccessListJson.summary(state.acls(family), state)
                    : Result.of(text(AccessListJson.summaryText(state.acls(family), state)));
        }
        String name = tokens.atEnd() ? null : tokens.take();
        tokens.end();
        Collection<AccessList> lists;
        if (name == null) {
            lists = state.acls(family);
        } else {
            AccessList one = state.acl(family, name);
            lists = one == null ? List.of() : List.of(one);
        }
        return format == Format.JSON ? AccessListJson.render(lists, state)
                : Result.of(text(AccessListJson.text(lists, state)));
    }

    private JsonObject runningConfig(Tokens tokens) throws CliError {
        if (tokens.accept("section")) {
            return section(tokens);
        }
        tokens.expect("interfaces");
        int at = tokens.position();
        List<Port> ports = new ArrayList<>();
        try {
            for (String name : InterfaceNames.expand(tokens.rest())) {
                Port port = state.port(name);
                if (port == null) {
                    throw tokens.invalidAt(at);
                }
                ports.add(port);
            }
        } catch (IllegalArgumentException e) {
            throw tokens.invalidAt(at);
        }
        if (ports.isEmpty()) {
            throw CliError.incomplete();
        }
        tokens.consumeAll();
        if (format == Format.JSON) {
            throw new CliError(CliError.UNCONVERTED_COMMAND, "unconverted command");
        }
        StringBuilder out = new StringBuilder();
        for (Port port : ports) {
            out.append("interface ").append(port.name).append('\n');
            port.ingressAcls.forEach((family, acl) -> out.append("   ").append(family.keyword())
                    .append(" access-group ").append(acl).append(" in\n"));
        }
        return text(out.toString());
    }

    /**
     * {@code show running-config section WORDS}: the global lines holding the words (the
     * simulated switch keeps only {@code hardware access-list update default-result permit} there).
     */
    private JsonObject section(Tokens tokens) throws CliError {
        if (tokens.atEnd()) {
            throw CliError.incomplete();
        }
        String words = tokens.rest();
        tokens.consumeAll();
        if (format == Format.JSON) {
            throw new CliError(CliError.UNCONVERTED_COMMAND, "unconverted command");
        }
        StringBuilder out = new StringBuilder();
        if (state.defaultResultPermit && Session.DEFAULT_RESULT.contains(words)) {
            out.append(Session.DEFAULT_RESULT).append('\n');
        }
        return text(out.toString());
    }

    static JsonObject text(String output) {
        JsonObject result = new JsonObject();
        result.addProperty("output", output);
        return result;
    }

    static JsonArray names(List<String> names) {
        JsonArray array = new JsonArray();
        for (String name : names) {
            JsonObject item = new JsonObject();
            item.addProperty("name", name);
            array.add(item);
        }
        return array;
    }
}

package org.dumbno.eos.sim;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclKey;
import org.dumbno.eos.Transport.Format;
import org.dumbno.rule.Family;

/**
 * One eAPI call's CLI session: it starts in unprivileged exec mode and walks the EOS modes
 * ({@code enable}, {@code configure}, access-list and interface modes) as its commands say. A
 * command a child mode does not know is tried in global configuration mode, as the EOS CLI does.
 */
final class Session {
    private enum Mode { EXEC, ENABLE, CONFIG, ACL, INTERFACE }

    /** The global setting that keeps traffic flowing while an ACL is changed. */
    static final String DEFAULT_RESULT = "hardware access-list update default-result permit";

    private final SwitchState state;
    private final Format format;
    private final int commands;
    private final Shows shows;
    private Mode mode = Mode.EXEC;
    private AclMode aclMode;
    private List<Port> interfaces = List.of();
    /** Rules read in this call, by family and text: a line written to several lists is read once. */
    private final Map<Family, Map<String, Line>> rules = new EnumMap<>(Family.class);
    /**
     * The numbered lines written into the last list of each family this call configured with any:
     * the same lines written into the next list are compared with them rather than read again.
     */
    private final Map<Family, List<AclMode.Written>> written = new EnumMap<>(Family.class);

    /** {@code commands}: how many the call holds, at most the rules it reads. */
    Session(SwitchState state, Format format, int commands) {
        this.commands = commands;
        this.state = state;
        this.format = format;
        this.shows = new Shows(state, format);
    }

    /** Runs one command: its result ({@code {}} for configuration), or the CLI's refusal. */
    Result run(String command) throws CliError {
        if (mode == Mode.ACL && aclMode.runWritten(command)) {
            return empty();
        }
        Tokens tokens = new Tokens(command);
        if (tokens.atEnd()) {
            return empty();
        }
        if (tokens.nextIs("show")) {
            return shows.show(tokens);
        }
        switch (mode) {
            case EXEC, ENABLE -> exec(tokens);
            case CONFIG -> config(tokens);
            case ACL, INTERFACE -> child(tokens);
        }
        return empty();
    }

    private void child(Tokens tokens) throws CliError {
        if (tokens.accept("exit")) {
            tokens.end();
            leaveTo(Mode.CONFIG);
        } else if (!(mode == Mode.ACL ? aclMode.run(tokens) : interfaceCommand(tokens))) {
            leaveTo(Mode.CONFIG);
            config(tokens);
        }
    }

    private Result empty() {
        if (format == Format.JSON) {
            return Result.EMPTY;
        }
        JsonObject result = new JsonObject();
        result.addProperty("output", "");
        return Result.of(result);
    }

    /** Ends the call: a group change still open takes effect. */
    void end() {
        leaveTo(mode);
    }

    private void leaveTo(Mode target) {
        if (aclMode != null) {
            aclMode.leave();
            if (!aclMode.written().isEmpty()) {
                written.put(aclMode.family(), aclMode.written());
            }
        }
        mode = target;
        aclMode = null;
        interfaces = List.of();
    }

    private void exec(Tokens tokens) throws CliError {
        if (tokens.accept("enable")) {
            tokens.end();
            mode = Mode.ENABLE;
        } else if (tokens.accept("disable")) {
            tokens.end();
            mode = Mode.EXEC;
        } else if (tokens.accept("exit")) {
            tokens.end();
        } else if (tokens.nextIs("configure")) {
            privileged(tokens);
            configure(tokens);
        } else if (tokens.nextIs("clear")) {
            privileged(tokens);
            clearCounters(tokens);
        } else {
            throw tokens.unexpected();
        }
    }

    private void privileged(Tokens tokens) throws CliError {
        if (mode == Mode.EXEC) {
            throw CliError.invalid("Invalid input (privileged mode required)");
        }
    }

    private void configure(Tokens tokens) throws CliError {
        tokens.expect("configure");
        tokens.accept("terminal");
        tokens.end();
        leaveTo(Mode.CONFIG);
    }

    /** {@code clear ip|ipv6 access-lists counters [NAME]}. */
    private void clearCounters(Tokens tokens) throws CliError {
        tokens.expect("clear");
        Family family = family(tokens);
        tokens.expect("access-lists");
        tokens.expect("counters");
        String name = tokens.atEnd() ? null : tokens.take();
        tokens.end();
        for (AccessList acl : state.acls(family)) {
            if (name == null || acl.name.equals(name)) {
                acl.entries().forEach(LiveEntry::clear);
            }
        }
    }

    private void config(Tokens tokens) throws CliError {
        if (tokens.nextIs("configure")) {
            configure(tokens);
        } else if (tokens.accept("exit") || tokens.accept("end")) {
            tokens.end();
            leaveTo(Mode.ENABLE);
        } else if (tokens.accept("interface")) {
            enterInterfaces(tokens);
        } else if (isHardware(tokens)) {
            defaultResult(tokens);
        } else if (tokens.accept("no")) {
            Family family = family(tokens);
            tokens.expect("access-list");
            String name = aclName(tokens);
            state.removeAcl(family, name);
            leaveTo(Mode.CONFIG);
        } else if (tokens.nextIs("ip") || tokens.nextIs("ipv6")) {
            Family family = family(tokens);
            tokens.expect("access-list");
            String name = aclName(tokens);
            leaveTo(Mode.ACL);
            aclMode = new AclMode(state, state.createAcl(family, name),
                    rules.computeIfAbsent(family, f -> new HashMap<>(commands * 4 / 3 + 1)),
                    written.getOrDefault(family, List.of()));
        } else {
            throw tokens.unexpected();
        }
    }

    private static boolean isHardware(Tokens tokens) {
        tokens.accept("no");
        boolean hardware = tokens.nextIs("hardware");
        tokens.rewind();
        return hardware;
    }

    /** {@code [no] hardware access-list update default-result permit}; refused by a platform without it. */
    private void defaultResult(Tokens tokens) throws CliError {
        boolean negate = tokens.accept("no");
        for (String word : DEFAULT_RESULT.split(" ")) {
            if (word.equals("default-result") && !state.defaultResultSupported) {
                throw tokens.unexpected();
            }
            tokens.expect(word);
        }
        tokens.end();
        leaveTo(Mode.CONFIG);
        state.defaultResultPermit = !negate;
    }

    private void enterInterfaces(Tokens tokens) throws CliError {
        int at = tokens.position();
        List<Port> chosen = new ArrayList<>();
        try {
            for (String name : InterfaceNames.expand(tokens.rest())) {
                Port port = state.port(name);
                if (port == null) {
                    throw tokens.invalidAt(at);
                }
                chosen.add(port);
            }
        } catch (IllegalArgumentException e) {
            throw tokens.invalidAt(at);
        }
        if (chosen.isEmpty()) {
            throw CliError.incomplete();
        }
        tokens.consumeAll();
        leaveTo(Mode.INTERFACE);
        interfaces = List.copyOf(chosen);
    }

    /** Interface mode: {@code [no] ip|ipv6 access-group NAME in}; false when the command is not one. */
    private boolean interfaceCommand(Tokens tokens) throws CliError {
        boolean negate = tokens.accept("no");
        if (!(tokens.nextIs("ip") || tokens.nextIs("ipv6"))) {
            return fallThrough(tokens);
        }
        Family family = family(tokens);
        if (!tokens.nextIs("access-group")) {
            return fallThrough(tokens);
        }
        tokens.take();
        String name = tokens.nextIs("in") && negate ? null : aclNameWord(tokens);
        tokens.expect("in");
        tokens.end();
        for (Port port : interfaces) {
            if (!negate) {
                port.ingressAcls.put(family, name);
            } else if (name == null || name.equals(port.ingressAcls.get(family))) {
                port.ingressAcls.remove(family);
            }
        }
        return true;
    }

    /** A command this mode does not know starts over in the parent mode. */
    private static boolean fallThrough(Tokens tokens) {
        tokens.rewind();
        return false;
    }

    static Family family(Tokens tokens) throws CliError {
        if (tokens.accept("ip")) {
            return Family.IP;
        }
        if (tokens.accept("ipv6")) {
            return Family.IPV6;
        }
        throw tokens.unexpected();
    }

    private static String aclName(Tokens tokens) throws CliError {
        String name = aclNameWord(tokens);
        tokens.end();
        return name;
    }

    private static String aclNameWord(Tokens tokens) throws CliError {
        int at = tokens.position();
        String name = tokens.take();
        if (!AclKey.isValidName(name)) {
            throw tokens.invalidAt(at);
        }
        return name;
    }
}

package org.dumbno.eos.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.Transport;

/** Command lists and readers shared by the simulated switch's tests, written as eAPI clients send them. */
final class Eos {
    private Eos() {
    }

    /** The setup SPEC.md describes for one ACL name on some ingress ports, both families. */
    static List<String> setup(String acl, String... ports) {
        List<String> cmds = new ArrayList<>(List.of("enable", "configure"));
        for (String family : List.of("ip", "ipv6")) {
            cmds.add(family + " access-list " + acl);
            cmds.add("counters per-entry");
            cmds.add("10 permit tcp any any fin");
            cmds.add("20 permit tcp any any syn");
            cmds.add("30 permit tcp any any rst");
            cmds.add("100001 permit " + family + " any any");
            cmds.add("exit");
        }
        for (String port : ports) {
            cmds.add("interface " + port);
            cmds.add("ip access-group " + acl + " in");
            cmds.add("ipv6 access-group " + acl + " in");
            cmds.add("exit");
        }
        return cmds;
    }

    /** {@code enable}, {@code configure}, {@code FAMILY access-list ACL}, then the lines. */
    static List<String> inAcl(String family, String acl, String... lines) {
        List<String> cmds = new ArrayList<>(List.of("enable", "configure", family + " access-list " + acl));
        cmds.addAll(List.of(lines));
        return cmds;
    }

    /** The {@code sequence} array of one ACL from {@code show FAMILY access-lists ACL}. */
    static JsonArray sequence(Transport sw, String family, String acl) throws SwitchException {
        JsonObject shown = sw.runCmds(List.of("show " + family + " access-lists " + acl)).get(0);
        JsonArray lists = shown.getAsJsonArray("aclList");
        if (lists.size() != 1) {
            throw new AssertionError("expected one ACL named " + acl + ", got " + shown);
        }
        return lists.get(0).getAsJsonObject().getAsJsonArray("sequence");
    }

    /** The entry with sequence number {@code seq}, or null. */
    static JsonObject entry(Transport sw, String family, String acl, long seq) throws SwitchException {
        for (var element : sequence(sw, family, acl)) {
            JsonObject entry = element.getAsJsonObject();
            if (entry.get("sequenceNumber").getAsLong() == seq) {
                return entry;
            }
        }
        return null;
    }

    /** The texts of an ACL's entries, as {@code SEQ TEXT}. */
    static List<String> lines(Transport sw, String family, String acl) throws SwitchException {
        List<String> lines = new ArrayList<>();
        for (var element : sequence(sw, family, acl)) {
            JsonObject entry = element.getAsJsonObject();
            lines.add(entry.get("sequenceNumber").getAsLong() + " " + entry.get("text").getAsString());
        }
        return lines;
    }
}

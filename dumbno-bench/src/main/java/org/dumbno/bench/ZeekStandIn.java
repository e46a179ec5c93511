package org.dumbno.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.testing.ZeekPeer;

/**
 * {@code ./bench zeek-peer}: a stand-in for Zeek, for trying dumbno's Zeek integration without
 * Zeek. It listens where Zeek's WebSocket API would ({@code ws://127.0.0.1:27759/v1/messages/json}
 * by default, as {@code Cluster::listen_websocket} in README's Zeek section), waits for dumbno to
 * subscribe, then publishes what Zeek's scripts would for each command read from standard input,
 * and prints every event dumbno publishes, one a line.
 */
public final class ZeekStandIn {
    private static final String USAGE = String.join("\n",
            "usage: ./bench zeek-peer [--port PORT] [--topic TOPIC]   (27759 and zeek/dumbno by default)",
            "commands, one a line on standard input:",
            "  shunt SRC DST PROTO SPORT DPORT      Dumbno::request add, as Dumbno::shunt(c) publishes it",
            "  release SRC DST PROTO SPORT DPORT    Dumbno::request remove, as Dumbno::release(c)",
            "  shunt_flow SRC:SPORT DST:DPORT PROTO EXPIRE",
            "                                       NetControl::broker_add_rule of the rule",
            "                                       NetControl::shunt_flow makes (EXPIRE e.g. 10min)",
            "  remove_rule ID                       NetControl::broker_remove_rule of rule ID",
            "  quit                                 (or end of input) wait for the replies, then stop");
    private static final Duration REPLY_WAIT = Duration.ofSeconds(10);

    private final ZeekPeer zeek;
    private final String topic;
    private final PrintStream out;
    private final Map<String, JsonObject> rules = new HashMap<>();
    private final AtomicInteger replies = new AtomicInteger();
    private int cookie;
    private int ruleId;
    private int expected;

    private ZeekStandIn(ZeekPeer zeek, String topic, PrintStream out) {
        this.zeek = zeek;
        this.topic = topic;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int port = 27759;
        String topic = "zeek/dumbno";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--topic") && i + 1 < args.length) {
                topic = args[++i];
            } else {
                System.err.println(USAGE);
                System.exit(2);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ZeekPeer zeek = ZeekPeer.start(port)) {
            out.println("zeek-peer: listening on " + zeek.url() + "; waiting for dumbno to subscribe");
            ZeekStandIn standIn = new ZeekStandIn(zeek, topic, out);
            standIn.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
    }

    private void run(BufferedReader in) throws Exception {
        while (zeek.subscribed() == 0) {
            Thread.sleep(50);
        }
        out.println("zeek-peer: dumbno subscribed to " + zeek.subscriptions().get(0));
        Thread printer = new Thread(this::printEvents, "zeek-peer-events");
        printer.setDaemon(true);
        printer.start();
        for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            try {
                command(words);
            } catch (RuntimeException e) {
                out.println("zeek-peer: " + e.getMessage() + "\n" + USAGE);
            }
        }
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        while (replies.get() < expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
    }

    private void command(String[] words) {
        switch (words[0]) {
            case "shunt", "release" -> {
                need(words, 6);
                cookie++;
                zeek.publish(topic + "/request", "Dumbno::request", ZeekPeer.Metadata.NONE, ZeekPeer.count(cookie),
                        ZeekPeer.string(words[0].equals("shunt") ? "add" : "remove"), ZeekPeer.string(words[1]),
                        ZeekPeer.string(words[2]), ZeekPeer.string(words[3]),
                        ZeekPeer.count(Long.parseLong(words[4])), ZeekPeer.count(Long.parseLong(words[5])));
                out.println("zeek-peer: published Dumbno::request(" + cookie + ", ...)");
            }
            case "shunt_flow" -> {
                need(words, 5);
                ruleId++;
                String[] src = words[1].split(":");
                String[] dst = words[2].split(":");
                String proto = words[3];
                JsonObject rule = ZeekPeer.shuntFlowRule(ZeekPeer.flowEntity(host(src[0]), src[1] + "/" + proto,
                        host(dst[0]), dst[1] + "/" + proto), ZeekPeer.value("timespan", words[4]),
                        Integer.toString(ruleId));
                rules.put(Integer.toString(ruleId), rule);
                zeek.publish(topic + "/netcontrol", "NetControl::broker_add_rule", ZeekPeer.Metadata.NONE,
                        ZeekPeer.count(0), rule);
                out.println("zeek-peer: published NetControl::broker_add_rule(0, rule " + ruleId + ")");
            }
            case "remove_rule" -> {
                need(words, 2);
                JsonObject rule = rules.get(words[1]);
                if (rule == null) {
                    throw new IllegalArgumentException("no rule " + words[1] + " was added");
                }
                zeek.publish(topic + "/netcontrol", "NetControl::broker_remove_rule", ZeekPeer.Metadata.NONE,
                        ZeekPeer.count(0), rule, ZeekPeer.string(""));
                out.println("zeek-peer: published NetControl::broker_remove_rule(0, rule " + words[1] + ", \"\")");
            }
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
        expected++;
    }

    private static String host(String address) {
        return address + (address.contains(":") ? "/128" : "/32");
    }

    private static void need(String[] words, int count) {
        if (words.length != count) {
            throw new IllegalArgumentException(words[0] + " takes " + (count - 1) + " arguments");
        }
    }

    private void printEvents() {
        while (true) {
            try {
                ZeekPeer.Published event = zeek.next(Duration.ofDays(1));
                if (event != null) {
                    out.println(render(event));
                    if (!event.name().equals("Dumbno::removed") && !event.name().endsWith("_timeout")) {
                        replies.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {@code NAME(arg, ...)} on TOPIC, a NetControl rule shown by its id. */
    private static String render(ZeekPeer.Published event) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < event.args().size(); i++) {
            boolean rule = event.name().startsWith("NetControl::") && i == 1;
            args.add(rule ? "rule " + event.arg(1).getAsJsonArray("data").get(8)
                    .getAsJsonObject().get("data").getAsString() : render(event.arg(i)));
        }
        return event.name() + "(" + String.join(", ", args) + ") on " + event.topic();
    }

    private static String render(JsonObject value) {
        JsonElement data = value.get("data");
        if (data.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            data.getAsJsonArray().forEach(element -> parts.add(render(element.getAsJsonObject())));
            return "[" + String.join(", ", parts) + "]";
        }
        return value.get("@data-type").getAsString().equals("string") ? data.toString() : data.getAsString();
    }
}

package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code [switch NAME]}, {@code [ports NAME]}, {@code [egress_ports NAME]}: more switches than the first. */
class SeveralSwitchesTest {
    private static final String FIRST = """
            [switch]
            ip = 192.0.2.1
            user = dumbno
            password = secret
            [ports]
            Ethernet1 = bulk_1
            Ethernet2 = bulk_1
            [egress_ports]
            Ethernet11 = tool1
            """;
    private static final String EDGE2 = """
            [switch edge2]
            ip = 192.0.2.2:8443
            user = other
            password = secret2
            [ports edge2]
            Ethernet7 = bulk_7
            [egress_ports edge2]
            Ethernet17 = tool7
            """;

    @RegisterExtension
    final ConfigFiles files = new ConfigFiles();

    private String failure(String text) {
        return files.failure(text).substring(files.prefix().length());
    }

    @Test
    void aFileOfOneSwitchHasOneSwitchNamedMain() {
        DumbnoConfig config = files.load(FIRST);

        assertEquals(1, config.switches().size());
        SwitchConfig only = config.firstSwitch();
        assertEquals("main", only.name());
        assertEquals(config.switchSettings(), only.settings());
        assertEquals(Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_1"), only.ports());
        assertEquals(Map.of("Ethernet11", "tool1"), only.egressPorts());
        assertEquals(config.simulated(), only.simulated());
    }

    @Test
    void namedSectionsAddSwitchesInFileOrderWithTheirOwnSettingsAndPorts() {
        DumbnoConfig config = files.load(FIRST + EDGE2 + """
                [ports edge3]
                Ethernet3 = bulk_3
                [switch edge3]
                backend = dummy
                """);

        assertEquals(List.of("main", "edge2", "edge3"), config.switches().stream().map(SwitchConfig::name).toList());
        SwitchConfig edge2 = config.switches().get(1);
        assertEquals("192.0.2.2", edge2.settings().host());
        assertEquals(8443, edge2.settings().port());
        assertEquals("other", edge2.settings().user());
        assertEquals("secret2", edge2.settings().password().reveal());
        assertEquals(Map.of("Ethernet7", "bulk_7"), edge2.ports());
        assertEquals(Map.of("Ethernet17", "tool7"), edge2.egressPorts());
        assertEquals(Backend.DUMMY, config.switches().get(2).backend());
        assertEquals(Map.of("Ethernet3", "bulk_3"), config.switches().get(2).ports());
        assertEquals("192.0.2.1", config.switchSettings().host());
        assertEquals(Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_1"), config.ports());
    }

    @Test
    void theFirstSwitchMayBeNamed() {
        DumbnoConfig config = files.load(FIRST.replace("[switch]\n", "[switch]\nname = edge1\n") + EDGE2);

        assertEquals(List.of("edge1", "edge2"), config.switches().stream().map(SwitchConfig::name).toList());
    }

    @Test
    void aPartWithoutItsSwitchIsAnError() {
        assertEquals("[ports edge2]: there is no [switch edge2] for it",
                failure(FIRST + "[ports edge2]\nEthernet7 = bulk_7\n"));
        assertEquals("[egress_ports edge2]: there is no [switch edge2] for it",
                failure(FIRST + "[egress_ports edge2]\nEthernet7 = tool\n"));
    }

    @Test
    void aSwitchWithoutItsPortsIsAnError() {
        assertEquals("[ports edge2]: no ingress interfaces; backend = arista needs at least one line like"
                + " Ethernet1 = bulk_1", failure(FIRST + EDGE2.replace("[ports edge2]\nEthernet7 = bulk_7\n", "")));
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        assertEquals("[switch Edge2]: the name Edge2 is taken by [switch edge2]",
                failure(FIRST + EDGE2 + EDGE2.replace("edge2", "Edge2")));
        assertEquals("[switch main]: the name main is taken by [switch]",
                failure(FIRST + EDGE2.replace("edge2", "main")));
    }

    @Test
    void aNameMustBeAName() {
        assertEquals("[switch 2edge]: \"2edge\" is not a switch name (a letter, then letters, digits, _ - . ;"
                + " at most 64)", failure(FIRST + EDGE2.replace("edge2", "2edge")));
        assertEquals("[switch] name = a b: not a switch name (a letter, then letters, digits, _ - . ; at most 64)",
                failure(FIRST.replace("[switch]\n", "[switch]\nname = a b\n")));
        assertEquals("[switch edge2] name = x: a switch of its own section is named in its header",
                failure(FIRST + EDGE2.replace("[switch edge2]\n", "[switch edge2]\nname = x\n")));
    }

    @Test
    void errorsNameTheSectionAndKeyOfTheSwitch() {
        assertEquals("[switch edge2] timeout = 0: must be more than 0 seconds",
                failure(FIRST + EDGE2.replace("user = other\n", "user = other\ntimeout = 0\n")));
        assertEquals("[switch edge2] ip = : missing, and backend = arista needs it",
                failure(FIRST + EDGE2.replace("ip = 192.0.2.2:8443\n", "")));
        assertEquals("[ports edge2] Eth ernet7 = bulk_7: not an interface name EOS accepts (like Ethernet1,"
                + " Ethernet1/1 or Port-Channel10)", failure(FIRST + EDGE2.replace("Ethernet7 =", "Eth ernet7 =")));
    }

    @Test
    void simulatedSwitchesAreServedOnePortApartUnlessTheirOwnSectionSaysWhere() {
        String simulated = """
                [switch]
                backend = simulated
                [ports]
                Ethernet1 = bulk_1
                [simulated]
                eapi_listen = 127.0.0.1:8090
                latency_ms = 5
                [switch b]
                backend = simulated
                [ports b]
                Ethernet2 = bulk_2
                [switch c]
                backend = simulated
                [ports c]
                Ethernet3 = bulk_3
                [simulated c]
                eapi_listen = 127.0.0.1:9999
                """;
        DumbnoConfig config = files.load(simulated);

        assertEquals(List.of(8090, 8091, 9999), config.switches().stream()
                .map(s -> s.simulated().eapiListen().getPort()).toList());
        assertEquals(Duration.ofMillis(5), config.switches().get(2).simulated().latency());
        assertEquals("[simulated c] eapi_listen = /127.0.0.1:8091: the address [simulated b] serves its simulated"
                + " switch on", failure(simulated.replace("9999", "8091")));
        assertEquals("[simulated c]: there is no [switch c] for it",
                failure(simulated.replace("[switch c]\nbackend = simulated\n[ports c]", "[x]")));
        assertEquals(new InetSocketAddress("127.0.0.1", 8090), config.simulated().eapiListen());
    }
}

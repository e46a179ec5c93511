package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DumbnoConfigBuilderTest {
    @Test
    void defaultsAreADummySwitchWithEveryDefault() {
        DumbnoConfig config = DumbnoConfig.builder().build();

        assertEquals(Backend.DUMMY, config.backend());
        assertTrue(config.ports().isEmpty());
        assertEquals(DumbnoSettings.defaults(), config.dumbno());
        assertEquals(SimulatedSettings.defaults(), config.simulated());
    }

    @Test
    void addsSwitchesAfterTheFirstAndChecksThemAsAFileWouldBe() {
        SwitchSettings dummy = SwitchSettings.builder().backend(Backend.DUMMY).build();
        SwitchConfig edge2 = new SwitchConfig("edge2", dummy, Map.of("Ethernet7", "bulk_7"), Map.of(),
                SimulatedSettings.defaults());

        DumbnoConfig config = DumbnoConfig.builder().name("edge1").addSwitch(edge2).build();

        assertEquals(List.of("edge1", "edge2"), config.switches().stream().map(SwitchConfig::name).toList());
        assertEquals("[switch EDGE2]: the name EDGE2 is taken by [switch edge2]", assertThrows(ConfigException.class,
                () -> DumbnoConfig.builder().addSwitch(edge2).addSwitch(new SwitchConfig("EDGE2", dummy, Map.of(),
                        Map.of(), SimulatedSettings.defaults())).build()).getMessage());
        assertEquals("[ports edge3] Eth 7 = bulk_7: not an interface name EOS accepts (like Ethernet1, Ethernet1/1"
                + " or Port-Channel10)", assertThrows(ConfigException.class, () -> DumbnoConfig.builder()
                        .addSwitch(new SwitchConfig("edge3", dummy, Map.of("Eth 7", "bulk_7"), Map.of(),
                                SimulatedSettings.defaults())).build()).getMessage());
        assertThrows(ConfigException.class, () -> new SwitchConfig("7edge", dummy, Map.of(), Map.of(),
                SimulatedSettings.defaults()));
    }

    @Test
    void buildsWhatAFileWouldSay() {
        DumbnoConfig config = DumbnoConfig.builder()
                .switchSettings(SwitchSettings.builder().backend(Backend.SIMULATED).build())
                .port("Ethernet1", "bulk_1").port("Ethernet2", "bulk_2")
                .egressPort("Ethernet11", "tool1")
                .twoTupleHost(new IPAddressString("2001:db8::50").getAddress())
                .dumbno(DumbnoSettings.builder()
                        .listen(List.of(new InetSocketAddress("127.0.0.1", 0)))
                        .purgeInterval(Duration.ofSeconds(5))
                        .neverShunt(List.of(new IPAddressString("192.0.2.53").getAddress()))
                        .build())
                .build();

        assertEquals(Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"), config.ports());
        assertEquals(List.of("bulk_1", "bulk_2"), List.copyOf(config.aclNames()));
        assertEquals("192.0.2.53/32", config.dumbno().neverShunt().get(0).toString());
        assertTrue(config.isTwoTupleHost(new IPAddressString("2001:db8::50").getAddress()));
    }

    @Test
    void builtConfigurationsAreCheckedLikeLoadedOnes() {
        DumbnoConfig.Builder builder = DumbnoConfig.builder().port("Ethernet1", "1bad");

        ConfigException e = assertThrows(ConfigException.class, builder::build);
        assertTrue(e.getMessage().startsWith("[ports] Ethernet1 = 1bad: not an ACL name"), e.getMessage());
    }

    @Test
    void sequenceRangeIsCheckedInCode() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DumbnoSettings.builder().seqMin(900).seqMax(800).build());
        assertEquals("[dumbno] seq_min = 900: must be less than seq_max (800)", e.getMessage());
    }

    @Test
    void aristaBuiltInCodeNeedsItsPassword() {
        SwitchSettings.Builder builder = SwitchSettings.builder().host("192.0.2.1").user("dumbno");

        ConfigException e = assertThrows(ConfigException.class, builder::build);
        assertTrue(e.getMessage().startsWith("[switch] password = ****: missing"), e.getMessage());
    }

    @Test
    void twoTupleHostMustNotBeANetwork() {
        DumbnoConfig.Builder builder = DumbnoConfig.builder()
                .twoTupleHost(new IPAddressString("10.0.0.0/8").getAddress());

        ConfigException e = assertThrows(ConfigException.class, builder::build);
        assertEquals("[two_tuple_hosts] 10.0.0.0/8 = : not a single address", e.getMessage());
    }

    @Test
    void listsGivenToTheBuilderAreCopied() {
        java.util.ArrayList<InetSocketAddress> listen = new java.util.ArrayList<>(
                List.of(new InetSocketAddress("127.0.0.1", 9000)));
        DumbnoSettings settings = DumbnoSettings.builder().listen(listen).build();
        listen.clear();

        assertEquals(1, settings.listen().size());
        assertThrows(UnsupportedOperationException.class, () -> settings.listen().clear());
    }
}

package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** [ports], [egress_ports] and [two_tuple_hosts]. */
class TablesTest {
    @RegisterExtension
    final ConfigFiles files = new ConfigFiles();

    @Test
    void portsKeepFileOrderAndAclNamesAreDistinctInThatOrder() {
        DumbnoConfig config = files.load(ConfigFiles.DUMMY
                + "[ports]\nEthernet9 = zeta\nEthernet2 = alpha\nEthernet5 = zeta\nEthernet1 = beta\n");

        assertEquals(List.of("Ethernet9", "Ethernet2", "Ethernet5", "Ethernet1"), List.copyOf(config.ports().keySet()));
        assertEquals(List.of("zeta", "alpha", "beta"), List.copyOf(config.aclNames()));
    }

    @Test
    void tablesAreUnmodifiable() {
        DumbnoConfig config = files.load(ConfigFiles.ARISTA);

        assertThrows(UnsupportedOperationException.class, () -> config.ports().put("Ethernet2", "x"));
        assertThrows(UnsupportedOperationException.class, () -> config.egressPorts().clear());
        assertThrows(UnsupportedOperationException.class, () -> config.twoTupleHosts().clear());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ethernet1", "Ethernet1/1", "Ethernet3/1/2", "Port-Channel10", "Et1", "Ethernet1.100"})
    void interfaceNamesEosAccepts(String iface) {
        assertEquals(Map.of(iface, "bulk_1"), files.load(ConfigFiles.DUMMY + "[ports]\n" + iface + " = bulk_1\n").ports());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Ethernet", "Ethernet1;shutdown", "Ethernet1/", "Eth_1", "Ethernet 1"})
    void interfaceNamesEosRefuses(String iface) {
        assertEquals(files.prefix() + "[ports] " + iface + " = bulk_1: not an interface name EOS accepts "
                + "(like Ethernet1, Ethernet1/1 or Port-Channel10)",
                files.failure(ConfigFiles.DUMMY + "[ports]\n" + iface + " = bulk_1\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk_1", "B", "shunt.v4-1", "a23456789012345678901234567890123456789012345678901234567890"
            + "1234567890123456789012345678901234567890"})
    void aclNamesEosAccepts(String acl) {
        assertEquals(List.of(acl), List.copyOf(
                files.load(ConfigFiles.DUMMY + "[ports]\nEthernet1 = " + acl + "\n").aclNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1bulk", "_bulk", "bulk/1", "bulk!", "bulk;x", "a234567890123456789012345678901234567890"
            + "12345678901234567890123456789012345678901234567890123456789012"})
    void aclNamesEosRefuses(String acl) {
        assertEquals(files.prefix() + "[ports] Ethernet1 = " + acl + ": not an ACL name EOS accepts "
                + "(a letter, then letters, digits, _ - . ; at most 100)",
                files.failure(ConfigFiles.DUMMY + "[ports]\nEthernet1 = " + acl + "\n"));
    }

    @Test
    void egressLabelsAreFreeTextButInterfacesAreChecked() {
        DumbnoConfig config = files.load(ConfigFiles.DUMMY + "[egress_ports]\nEthernet11 = tool 1 (zeek)\n");
        assertEquals(Map.of("Ethernet11", "tool 1 (zeek)"), config.egressPorts());

        assertTrue(files.failure(ConfigFiles.DUMMY + "[egress_ports]\n11 = tool\n")
                .startsWith(files.prefix() + "[egress_ports] 11 = tool: not an interface name"));
    }

    @Test
    void interfaceListedTwiceIsRefused() {
        assertEquals(files.prefix() + "[ports] Ethernet1 = bulk_2: interface listed twice",
                files.failure(ConfigFiles.DUMMY + "[ports]\nEthernet1 = bulk_1\nEthernet1 = bulk_2\n"));
    }

    @Test
    void aristaAndSimulatedNeedPorts() {
        assertEquals(files.prefix() + "[ports]: no ingress interfaces; backend = simulated needs at least one "
                + "line like Ethernet1 = bulk_1", files.failure("[switch]\nbackend = simulated\n"));
        assertTrue(files.failure("[switch]\nip = 192.0.2.1\nuser = u\npassword = p\n[ports]\n")
                .endsWith("backend = arista needs at least one line like Ethernet1 = bulk_1"));
    }

    @Test
    void dummyRunsWithoutPorts() {
        assertTrue(files.load(ConfigFiles.DUMMY).ports().isEmpty());
    }

    @Test
    void twoTupleHostsOfBothFamiliesStayWholeAndIpv4MappedOnesBecomeIpv4() {
        DumbnoConfig config = files.load(ConfigFiles.DUMMY + """
                [two_tuple_hosts]
                192.0.2.50 =
                2001:db8::50 =
                2001:DB8:0:0:0:0:0:51
                ::ffff:192.0.2.52 =
                10.0.0.1 ; a comment
                """);

        assertEquals(List.of("192.0.2.50", "2001:db8::50", "2001:db8::51", "192.0.2.52", "10.0.0.1"),
                config.twoTupleHosts().stream().map(a -> a.toCanonicalString()).toList());
        assertTrue(config.isTwoTupleHost(new IPAddressString("2001:db8:0::50").getAddress()));
        assertTrue(config.isTwoTupleHost(new IPAddressString("192.0.2.52").getAddress()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.0/24", "host.example.org", "192.0.2", "2001:db8::/64", "300.0.0.1"})
    void twoTupleHostMustBeOneAddress(String host) {
        assertEquals(files.prefix() + "[two_tuple_hosts] " + host + " = : not an IPv4 or IPv6 address",
                files.failure(ConfigFiles.DUMMY + "[two_tuple_hosts]\n" + host + " =\n"));
    }
}

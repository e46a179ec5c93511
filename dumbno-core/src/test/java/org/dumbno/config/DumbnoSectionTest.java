package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.dumbno.manager.WhenFull;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DumbnoSectionTest {
    @RegisterExtension
    final ConfigFiles files = new ConfigFiles();

    private DumbnoSettings load(String lines) {
        return files.load(ConfigFiles.DUMMY + "[dumbno]\n" + lines).dumbno();
    }

    private String failure(String lines) {
        return files.failure(ConfigFiles.DUMMY + "[dumbno]\n" + lines);
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(Object::toString).toList();
    }

    @Test
    void everyKeyHasItsDefault() {
        DumbnoSettings settings = load("");

        assertEquals(List.of(new InetSocketAddress("0.0.0.0", 9000)), settings.listen());
        assertEquals(Duration.ofSeconds(30), settings.purgeInterval());
        assertEquals(Duration.ZERO, settings.hardTimeout());
        assertFalse(settings.hasHardTimeout());
        assertEquals(500, settings.seqMin());
        assertEquals(100_000, settings.seqMax());
        assertEquals(0, settings.maxRules());
        assertEquals(List.of(), settings.allowClients());
        assertEquals(List.of(), settings.neverShunt());
        assertTrue(settings.metricsListen().isEmpty());
        assertEquals(Duration.ofSeconds(300), settings.maxRequestAge());
        assertEquals(100_000, settings.queueLimit());
        assertEquals(0, settings.rateLimit(), "off, as in the Python tool");
        assertEquals(1, settings.rateBurst(), "unused while the rate is off");
        assertTrue(settings.secretFile().isEmpty());
        assertTrue(settings.syslog().isEmpty());
        assertEquals(WhenFull.REFUSE, settings.whenFull());
    }

    @Test
    void everyKeyIsRead() {
        files.write("hmac.key", "key\n");
        DumbnoSettings settings = load("""
                listen = 127.0.0.1:9001, [::1]:9002
                purge_interval = 15
                hard_timeout = 3600
                seq_min = 1000
                seq_max = 2000
                max_rules = 500
                allow_clients = 10.0.0.0/8 2001:db8::/32
                never_shunt = 192.0.2.53, 2001:db8::53
                metrics_listen = [::1]:9100
                max_request_age = 60
                queue_limit = 10
                rate_limit = 5
                rate_burst = 7
                secret_file = hmac.key
                syslog = 192.0.2.5:1514
                when_full = evict
                """);

        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9001), new InetSocketAddress("::1", 9002)),
                settings.listen());
        assertEquals(Duration.ofSeconds(15), settings.purgeInterval());
        assertEquals(Duration.ofHours(1), settings.hardTimeout());
        assertTrue(settings.hasHardTimeout());
        assertEquals(1000, settings.seqMin());
        assertEquals(2000, settings.seqMax());
        assertEquals(500, settings.maxRules());
        assertEquals(List.of("10.0.0.0/8", "2001:db8::/32"), strings(settings.allowClients()));
        assertEquals(List.of("192.0.2.53/32", "2001:db8::53/128"), strings(settings.neverShunt()));
        assertEquals(new InetSocketAddress("::1", 9100), settings.metricsListen().orElseThrow());
        assertEquals(Duration.ofMinutes(1), settings.maxRequestAge());
        assertEquals(10, settings.queueLimit());
        assertEquals(5, settings.rateLimit());
        assertEquals(7, settings.rateBurst());
        assertEquals(files.dir().resolve("hmac.key").toAbsolutePath(), settings.secretFile().orElseThrow());
        assertEquals(new InetSocketAddress("192.0.2.5", 1514), settings.syslog().orElseThrow());
        assertEquals(WhenFull.EVICT, settings.whenFull());
    }

    @Test
    void burstFollowsTheRateUnlessSet() {
        assertEquals(30, load("rate_limit = 3\n").rateBurst());
    }

    @Test
    void localhostListensOnIpv4Loopback() {
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9000)), load("listen = localhost:9000\n").listen());
    }

    @Test
    void listenAddressesAreBuiltWithoutResolving() {
        InetSocketAddress address = load("listen = 127.0.0.1:9000\n").listen().get(0);

        assertFalse(address.isUnresolved());
        assertEquals("127.0.0.1", address.getHostString());
    }

    @Test
    void syslogPortDefaultsTo514AndAHostNameStaysUnresolved() {
        InetSocketAddress syslog = load("syslog = loghost.example.org\n").syslog().orElseThrow();

        assertTrue(syslog.isUnresolved());
        assertEquals("loghost.example.org", syslog.getHostString());
        assertEquals(514, syslog.getPort());
    }

    @Test
    void networkWithHostBitsBecomesItsBlock() {
        assertEquals(List.of("10.0.0.0/8"), strings(load("never_shunt = 10.1.2.3/8\n").neverShunt()));
    }

    @Test
    void allowClientsAndNeverShuntMatchAddressesOfBothFamilies() {
        DumbnoSettings settings = load("allow_clients = 10.0.0.0/8, ::1\nnever_shunt = 2001:db8::/64\n");

        assertTrue(settings.allowsClient(new IPAddressString("10.9.8.7").getAddress()));
        assertTrue(settings.allowsClient(new IPAddressString("::1").getAddress()));
        assertFalse(settings.allowsClient(new IPAddressString("192.0.2.1").getAddress()));
        assertTrue(settings.neverShunts(new IPAddressString("2001:db8::99").getAddress()));
        assertFalse(settings.neverShunts(new IPAddressString("2001:db9::1").getAddress()));
    }

    @Test
    void ipv4MappedAndCompatibleNetworksBecomeIpv4WithAWarning() {
        LogCapture logged = LogCapture.of(DumbnoSection.class);
        DumbnoSettings settings;
        try (logged) {
            settings = load("allow_clients = ::ffff:127.0.0.1, ::ffff:10.0.0.0/104, ::1\n"
                    + "never_shunt = ::ffff:192.0.2.53, ::192.0.2.54/128\n");
        }

        assertEquals(List.of("127.0.0.1/32", "10.0.0.0/8", "::1/128"), strings(settings.allowClients()));
        assertEquals(List.of("192.0.2.53/32", "192.0.2.54/32"), strings(settings.neverShunt()));
        assertTrue(settings.allowsClient(new IPAddressString("127.0.0.1").getAddress()));
        assertTrue(settings.neverShunts(new IPAddressString("192.0.2.53").getAddress()));
        assertEquals(List.of(
                "WARN [dumbno] allow_clients: ::ffff:127.0.0.1 is an IPv4-mapped address; using 127.0.0.1/32",
                "WARN [dumbno] allow_clients: ::ffff:10.0.0.0/104 is an IPv4-mapped address; using 10.0.0.0/8",
                "WARN [dumbno] never_shunt: ::ffff:192.0.2.53 is an IPv4-mapped address; using 192.0.2.53/32",
                "WARN [dumbno] never_shunt: ::192.0.2.54/128 is an IPv4-compatible address; using 192.0.2.54/32"),
                logged.lines());
    }

    @Test
    void emptyAllowClientsAllowsAnyone() {
        assertTrue(load("allow_clients =\n").allowsClient(new IPAddressString("203.0.113.7").getAddress()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "seq_min = abc           | [dumbno] seq_min = abc: not a whole number",
        "seq_max = 1.5           | [dumbno] seq_max = 1.5: not a whole number",
        "max_rules = 99999999999 | [dumbno] max_rules = 99999999999: too large",
        "queue_limit = 0         | [dumbno] queue_limit = 0: must be at least 1",
        "rate_burst = 0          | [dumbno] rate_burst = 0: must be at least 1",
        "rate_limit = -1         | [dumbno] rate_limit = -1: must not be negative",
        "max_rules = -5          | [dumbno] max_rules = -5: must not be negative",
        "purge_interval = 0      | [dumbno] purge_interval = 0: must be more than 0 seconds",
        "purge_interval = x      | [dumbno] purge_interval = x: not a number of seconds",
        "hard_timeout = -1       | [dumbno] hard_timeout = -1: must not be negative",
        "max_request_age = -2    | [dumbno] max_request_age = -2: must not be negative",
        "seq_min = 600 & seq_max = 600 | [dumbno] seq_min = 600: must be less than seq_max (600)",
        "seq_min = 700 & seq_max = 600 | [dumbno] seq_min = 700: must be less than seq_max (600)",
        "seq_min = 600 & seq_max = 601 | [dumbno] seq_min = 600: no odd sequence number lies between it and seq_max (601)",
        "seq_min = 601 & seq_max = 603 | [dumbno] seq_min = 601: no odd sequence number lies between it and seq_max (603)",
        "seq_min = 20            | [dumbno] seq_min = 20: must be at least 30 (entries 10-30 are the TCP flag permits)",
        "seq_max = 200000        | [dumbno] seq_max = 200000: must be at most 100001 (the final permit entry)",
        "when_full = drop        | [dumbno] when_full = drop: not refuse or evict",
    })
    void badNumbersAreNamed(String lines, String expected) {
        assertEquals(files.prefix() + expected, failure(lines.replace(" & ", "\n") + "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "600 | 602 | 601",
        "601 | 604 | 603",
        "30  | 32  | 31",
    })
    void smallestRangesWithAnOddNumberInsideAreAccepted(int seqMin, int seqMax, int odd) {
        DumbnoSettings settings = load("seq_min = " + seqMin + "\nseq_max = " + seqMax + "\n");

        assertEquals(odd, SequenceRange.firstOdd(settings.seqMin()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "listen = 127.0.0.1              | [dumbno] listen = 127.0.0.1: no port (write host:port, IPv6 as [::1]:9000)",
        "listen = example.org:9000       | [dumbno] listen = example.org:9000: not an address to listen on (IPv4, [IPv6] or localhost, with :port)",
        "listen = 127.0.0.1:9000, ::1:9000 | [dumbno] listen = ::1:9000: no port (write host:port, IPv6 as [::1]:9000)",
        "listen = 127.0.0.1:x            | [dumbno] listen = 127.0.0.1:x: not a port number",
        "metrics_listen = 10.0.0.300:80  | [dumbno] metrics_listen = 10.0.0.300:80: not an IPv4 address",
        "syslog = 192.0.2.5:0            | [dumbno] syslog = 192.0.2.5:0: port must be 1-65535",
        "allow_clients = 10.0.0.0/8, nope | [dumbno] allow_clients = nope: not an IPv4 or IPv6 address or network",
        "never_shunt = 10.0.0.0/33       | [dumbno] never_shunt = 10.0.0.0/33: not an IPv4 or IPv6 address or network",
        "never_shunt = fe80::1%eth0      | [dumbno] never_shunt = fe80::1%eth0: not an IPv4 or IPv6 address or network",
        "secret_file = absent.key        | [dumbno] secret_file = absent.key: no such readable file",
    })
    void badAddressesAreNamed(String line, String expected) {
        assertEquals(files.prefix() + expected, failure(line + "\n"));
    }

    @Test
    void emptyValuesKeepTheirDefaults() {
        assertEquals(DumbnoSettings.defaults(), load("listen =\nseq_min =\nmetrics_listen =\n"));
    }

    @Test
    void builderDefaultsMatchAnEmptySection() {
        assertEquals(DumbnoSettings.builder().build(), load(""));
    }
}

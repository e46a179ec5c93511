package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SwitchSectionTest {
    @RegisterExtension
    final ConfigFiles files = new ConfigFiles();

    private SwitchSettings load(String switchLines) {
        return files.load("[switch]\nuser = dumbno\npassword = secret\n" + switchLines
                + "[ports]\nEthernet1 = bulk_1\n").switchSettings();
    }

    private String failure(String switchLines) {
        return files.failure("[switch]\nuser = dumbno\npassword = secret\n" + switchLines
                + "[ports]\nEthernet1 = bulk_1\n");
    }

    @Test
    void defaultsAreAristaOverVerifiedHttpsWithTenSecondCalls() {
        SwitchSettings sw = load("ip = 192.0.2.1\n");

        assertEquals(Backend.ARISTA, sw.backend());
        assertEquals("https", sw.scheme());
        assertEquals(443, sw.port());
        assertTrue(sw.verifyTls());
        assertTrue(sw.caFile().isEmpty());
        assertEquals(Duration.ofSeconds(10), sw.timeout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.2.1              | https | 192.0.2.1    | 443 | 192.0.2.1:443",
        "192.0.2.1              | http  | 192.0.2.1    | 80  | 192.0.2.1:80",
        "192.0.2.1:8443         | https | 192.0.2.1    | 8443| 192.0.2.1:8443",
        "switch1.example.org    | https | switch1.example.org | 443 | switch1.example.org:443",
        "switch1:8080           | http  | switch1      | 8080| switch1:8080",
        "[2001:db8::1]:443      | https | 2001:db8::1  | 443 | [2001:db8::1]:443",
        "[2001:DB8::1]          | http  | 2001:db8::1  | 80  | [2001:db8::1]:80",
        "2001:db8::1            | https | 2001:db8::1  | 443 | [2001:db8::1]:443",
    })
    void ipIsHostOrHostAndPort(String ip, String scheme, String host, int port, String authority) {
        SwitchSettings sw = load("ip = " + ip + "\nscheme = " + scheme + "\n");

        assertEquals(host, sw.host());
        assertEquals(port, sw.port());
        assertEquals(authority, sw.authority());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.2.1:http      | not a port number",
        "192.0.2.1:70000     | not a port number",
        "192.0.2.1:0         | port must be 1-65535",
        "300.1.2.3           | not an IPv4 address",
        "[2001:db8::1        | missing ] after the IPv6 address",
        "[192.0.2.1]:443     | not an IPv6 address in brackets",
        "bad_host!           | not a host name or address",
    })
    void badIpIsNamed(String ip, String reason) {
        String message = failure("ip = " + ip + "\n");

        assertTrue(message.startsWith(files.prefix() + "[switch] ip = "), message);
        assertTrue(message.endsWith(": " + reason), message);
    }

    @Test
    void backendAndSchemeAreCaseInsensitive() {
        SwitchSettings sw = load("ip = 192.0.2.1\nbackend = ARISTA\nscheme = HTTP\n");

        assertEquals(Backend.ARISTA, sw.backend());
        assertEquals("http", sw.scheme());
    }

    @Test
    void unknownBackendIsNamed() {
        assertEquals(files.prefix() + "[switch] backend = cisco: not arista, simulated or dummy",
                failure("ip = 192.0.2.1\nbackend = cisco\n"));
    }

    @Test
    void unknownSchemeIsNamed() {
        assertEquals(files.prefix() + "[switch] scheme = ftp: not https or http",
                failure("ip = 192.0.2.1\nscheme = ftp\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "no", "off", "0", "FALSE"})
    void verifyTlsCanBeTurnedOff(String value) {
        assertFalse(load("ip = 192.0.2.1\nverify_tls = " + value + "\n").verifyTls());
    }

    @Test
    void verifyTlsMustBeABoolean() {
        assertEquals(files.prefix() + "[switch] verify_tls = maybe: not true or false",
                failure("ip = 192.0.2.1\nverify_tls = maybe\n"));
    }

    @Test
    void timeoutIsInSecondsAndMayBeFractional() {
        assertEquals(Duration.ofMillis(2500), load("ip = 192.0.2.1\ntimeout = 2.5\n").timeout());
    }

    @Test
    void zeroTimeoutIsRefused() {
        assertEquals(files.prefix() + "[switch] timeout = 0: must be more than 0 seconds",
                failure("ip = 192.0.2.1\ntimeout = 0\n"));
    }

    @Test
    void nonNumericTimeoutIsRefused() {
        assertEquals(files.prefix() + "[switch] timeout = soon: not a number of seconds",
                failure("ip = 192.0.2.1\ntimeout = soon\n"));
    }

    @Test
    void caFileIsResolvedNextToTheConfigFile() {
        files.write("switch-ca.pem", "-----BEGIN CERTIFICATE-----\n");

        SwitchSettings sw = load("ip = 192.0.2.1\nca_file = switch-ca.pem\n");

        assertEquals(files.dir().resolve("switch-ca.pem").toAbsolutePath(), sw.caFile().orElseThrow());
    }

    @Test
    void missingCaFileIsRefused() {
        assertEquals(files.prefix() + "[switch] ca_file = nowhere.pem: no such readable file",
                failure("ip = 192.0.2.1\nca_file = nowhere.pem\n"));
    }

    @Test
    void aristaNeedsAnIp() {
        assertEquals(files.prefix() + "[switch] ip = : missing, and backend = arista needs it", failure(""));
    }

    @Test
    void aristaNeedsAUser() {
        assertEquals(files.prefix() + "[switch] user = : missing, and backend = arista needs it",
                files.failure("[switch]\nip = 192.0.2.1\npassword = x\n[ports]\nEthernet1 = bulk_1\n"));
    }

    @Test
    void otherBackendsNeedNoSwitchAddress() {
        DumbnoConfig config = files.load("[switch]\nbackend = simulated\n[ports]\nEthernet1 = bulk_1\n");

        assertEquals(Backend.SIMULATED, config.backend());
        assertEquals("", config.switchSettings().host());
    }

    @Test
    void keysMatchInAnyCaseAsTheOriginalParserLowercasedThem() {
        SwitchSettings sw = files.load("[switch]\nIP = 192.0.2.1\nUser = dumbno\nPassword = secret\n"
                + "[ports]\nEthernet1 = bulk_1\n").switchSettings();

        assertEquals("192.0.2.1", sw.host());
        assertEquals("dumbno", sw.user());
    }

    @Test
    void builderDefaultsThePortByScheme() {
        SwitchSettings sw = SwitchSettings.builder().host("192.0.2.1").user("u").password(Secret.of("p"))
                .scheme("http").build();

        assertEquals(80, sw.port());
        assertEquals("http://192.0.2.1:80/command-api", sw.commandApi().toString());
    }
}

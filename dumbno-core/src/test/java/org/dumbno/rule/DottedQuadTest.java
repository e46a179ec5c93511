package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dotted-quad fast path reads exactly what the general parser reads, and nothing else. */
class DottedQuadTest {
    static Stream<String> quads() {
        Random random = new Random(20_261_125L);
        Stream<String> edges = Stream.of("0.0.0.0", "255.255.255.255", "10.0.0.1", "192.0.2.9", "1.22.133.4");
        Stream<String> generated = IntStream.range(0, 2000).mapToObj(i -> random.nextInt(256) + "."
                + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
        return Stream.concat(edges, generated);
    }

    @ParameterizedTest
    @MethodSource("quads")
    void readsWhatTheGeneralParserReads(String text) {
        IPAddress general = new IPAddressString(text).getAddress().withoutPrefixLength();
        IPAddress fast = Addresses.dottedQuad(text);
        assertEquals(general, fast);
        assertEquals(general.hashCode(), fast.hashCode());
        assertEquals(text, Addresses.text(fast));
        assertEquals(general, Addresses.host("src", text));
    }

    /** A rule's host read in place, as bits, is the rule the general parser's address makes. */
    @ParameterizedTest
    @MethodSource("quads")
    void aRuleReadsItsHostsInPlace(String text) {
        IPAddress general = new IPAddressString(text).getAddress().withoutPrefixLength();
        Rule expected = new Rule(Family.IP, Protocol.TCP, Endpoint.host(general, 40_000),
                Endpoint.host(general, 443), java.util.EnumSet.noneOf(TcpFlag.class));
        Rule read = Rule.parse(Family.IP, "tcp  host " + text + " eq 40000 host " + text + " eq https");
        assertEquals(expected, read);
        assertEquals(expected.hashCode(), read.hashCode());
        assertEquals(expected.canonicalText(), read.canonicalText());
        assertEquals(text, Addresses.text(read.src().prefix()));
        long bits = Addresses.dottedQuadBits("host " + text + " eq", 5, 5 + text.length());
        assertEquals(general.toIPv4().getLower().longValue(), bits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.1.1.1", "1.1.1.01", "256.1.1.1", "1..1.1", "1.1.1.a", "1111.1.1.1", "0x1.1.1.1"})
    void aRuleWithSuchAHostIsRefused(String text) {
        assertThrows(InvalidRequestException.class, () -> Rule.parse(Family.IP, "ip host " + text + " any"));
        assertThrows(InvalidRequestException.class, () -> Rule.parse(Family.IP, "ip any host " + text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.1.1.1", "1.1.1.01", "256.1.1.1", "1.1.1", "1.1.1.1.1", "1..1.1", ".1.1.1",
        "1.1.1.", "1.1.1.1/32", "1.1.1.a", "0x1.1.1.1", " 1.1.1.1", "1.1.1.1 ", "1111.1.1.1", "::1", ""})
    void leavesEverythingElseToTheGeneralParser(String text) {
        assertNull(Addresses.dottedQuad(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.1.1.1", "256.1.1.1", "1.1.1", "1..1.1", "1.1.1.1/32", "0x1.1.1.1"})
    void whatItLeavesIsStillRefused(String text) {
        assertThrows(InvalidRequestException.class, () -> Addresses.host("src", text));
    }
}

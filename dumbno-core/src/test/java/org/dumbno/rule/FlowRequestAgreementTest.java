package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddressString;
import java.util.Random;
import java.util.StringJoiner;
import org.dumbno.client.FlowRequest;
import org.junit.jupiter.api.Test;

/**
 * The client module writes addresses without the IP library the server reads them with; both must
 * spell every address alike, or a signed request from the client would not verify.
 */
class FlowRequestAgreementTest {

    @Test
    void clientAndServerSpellIpv6Alike() {
        Random random = new Random(14);
        for (int i = 0; i < 5_000; i++) {
            StringJoiner text = new StringJoiner(":");
            for (int group = 0; group < 8; group++) {
                int value = random.nextInt(3) == 0 ? random.nextInt(0x10000) : random.nextInt(2) * random.nextInt(16);
                text.add(Integer.toHexString(value));
            }
            String written = text.toString();
            if (written.equals("0:0:0:0:0:0:0:0") || written.startsWith("0:0:0:0:0:0:") || written.startsWith("0:0:0:0:0:ffff:")) {
                continue;
            }
            String server = new IPAddressString(written).getAddress().toCanonicalString();
            assertEquals(server, FlowRequest.of(written, null, null, null, null).src(), written);
            assertEquals(server, Request.of(written, null, null, null, null).toFlowRequest().src(), written);
        }
    }

    @Test
    void clientAndServerWriteTheSameDatagram() {
        Request request = Request.of("2001:db8::5", "2001:db8:0:0:1::9", "udp", 7, 9);
        assertEquals(request.toJson(), FlowRequest.of("2001:DB8::5", "2001:db8::1:0:0:9", "17", 7, 9).toJson());
        Request esp = Request.of("10.1.2.3", null, "esp", null, null);
        assertEquals(esp.toJson(), FlowRequest.of("10.1.2.3", null, "50", null, null).toJson());
        assertEquals(request, Request.parse(request.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(esp, Request.parse(esp.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}

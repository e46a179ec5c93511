package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.ScriptedTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The eAPI client over HTTPS against a server with the self-signed test certificate. */
@Timeout(30)
class EapiTlsIT {

    private EapiServer server;

    @BeforeEach
    void start() throws Exception {
        server = EapiServer.start(ScriptedTransport.echo(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                "admin", "pw", TestTls.serverContext());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EapiTransport.Builder client() {
        return EapiTransport.builder().host("127.0.0.1").port(server.address().getPort()).user("admin").password("pw");
    }

    @Test
    void unknownCertificateIsRefusedWithTheRemedies() {
        try (EapiTransport eapi = client().build()) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version")));

            assertTrue(e.getMessage().contains("certificate was not trusted"), e.getMessage());
            assertTrue(e.getMessage().contains("ca_file"), e.getMessage());
            assertTrue(e.getMessage().contains("verify_tls = false"), e.getMessage());
        }
    }

    @Test
    void caFileMakesTheCertificateTrusted() throws Exception {
        try (EapiTransport eapi = client().caFile(TestTls.certificatePem()).build()) {
            assertEquals(1, eapi.runCmds(List.of("show version")).size());
            assertEquals("https://127.0.0.1:" + server.address().getPort(), eapi.describe());
        }
    }

    @Test
    void verificationOffAcceptsTheCertificate() throws Exception {
        try (EapiTransport eapi = client().verifyTls(false).build()) {
            assertEquals(1, eapi.runCmds(List.of("show version")).size());
        }
    }

    @Test
    void certificateForAnotherNameIsRefusedEvenWithItsCa() throws Exception {
        try (EapiTransport eapi = client().host("localhost").caFile(TestTls.certificatePem()).build()) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version")));

            assertTrue(e.getMessage().contains("certificate was not trusted"), e.getMessage());
        }
    }

    @Test
    void caFileWithoutCertificatesIsRejectedAtBuild(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client().caFile(empty).build());

        assertTrue(e.getMessage().startsWith("ca_file (" + empty + ")"), e.getMessage());
    }
}

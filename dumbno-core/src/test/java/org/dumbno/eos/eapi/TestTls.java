package org.dumbno.eos.eapi;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The self-signed test certificate for 127.0.0.1 (see src/test/resources/eapi/README.md). */
public final class TestTls {

    private static final char[] PASSWORD = "dumbno-test".toCharArray();

    private TestTls() {
    }

    public static SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/eapi/server.p12")) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    public static Path certificatePem() throws URISyntaxException {
        return Path.of(TestTls.class.getResource("/eapi/server.pem").toURI());
    }
}

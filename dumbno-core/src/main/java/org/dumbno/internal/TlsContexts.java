package org.dumbno.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The SSL contexts dumbno's clients use (eAPI, Zeek): the JDK's trust, plus a CA file, or no trust checks at all. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** Trusts the JDK's default authorities and every certificate in the PEM file {@code caFile}. */
    public static SSLContext trusting(Path caFile) {
        try {
            List<X509Certificate> anchors = new ArrayList<>(defaultAuthorities());
            List<X509Certificate> fromFile = readPem(caFile);
            if (fromFile.isEmpty()) {
                throw new IllegalArgumentException("ca_file (" + caFile + ") holds no PEM certificate");
            }
            anchors.addAll(fromFile);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("ca_file (" + caFile + ") cannot be read: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ca_file (" + caFile + ") is not usable: " + e.getMessage(), e);
        }
    }

    /** Accepts any certificate: only for {@code verify_tls = false}. */
    public static SSLContext trustingAnything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static List<X509Certificate> defaultAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> authorities = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                authorities.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return authorities;
    }

    private static List<X509Certificate> readPem(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = factory.generateCertificates(in);
            List<X509Certificate> x509 = new ArrayList<>();
            for (Certificate certificate : certificates) {
                if (certificate instanceof X509Certificate c) {
                    x509.add(c);
                }
            }
            return x509;
        }
    }

    /** The trust manager of {@code verify_tls = false}. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // verification deliberately switched off by the operator
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // verification deliberately switched off by the operator
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package org.dumbno.eos.eapi;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.util.Timeout;
import org.dumbno.internal.TlsContexts;

/** The one pooled, keep-alive HTTP client an {@link EapiTransport} owns. */
final class PooledClients {

    /** Connections kept per switch: the engine's calls are few and mostly sequential. */
    private static final int MAX_CONNECTIONS = 4;

    private PooledClients() {
    }

    /**
     * A client with {@code timeout} for connecting, for each read and for a free pooled connection.
     * Its connections carry no user state (one transport speaks for one user), so no call looks
     * for a user token to lease one.
     *
     * @param tls the SSL context, or null for the JDK's default trust
     * @param verifyHostname false to accept a certificate issued for any name
     */
    static CloseableHttpClient of(Duration timeout, SSLContext tls, boolean verifyHostname) {
        Timeout limit = Timeout.of(timeout);
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(limit)
                .setSocketTimeout(limit)
                .build();
        RequestConfig request = RequestConfig.custom()
                .setConnectionRequestTimeout(limit)
                .setResponseTimeout(limit)
                .build();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connection)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setMaxConnTotal(MAX_CONNECTIONS);
        if (tls != null || !verifyHostname) {
            ClientTlsStrategyBuilder strategy = ClientTlsStrategyBuilder.create()
                    .setSslContext(tls == null ? TlsContexts.trustingAnything() : tls);
            if (!verifyHostname) {
                strategy.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            pool.setTlsSocketStrategy(strategy.buildClassic());
        }
        PoolingHttpClientConnectionManager manager = pool.build();
        return HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(request)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }
}

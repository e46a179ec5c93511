package org.dumbno.eos.eapi;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.dumbno.eos.Transport;
import org.dumbno.internal.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Transport} as Arista eAPI: {@code POST /command-api} with JSON-RPC {@code runCmds},
 * optional HTTP Basic auth, over HTTP or HTTPS. With the simulated switch behind it, it stands in for
 * a real switch. A backend's {@link org.dumbno.acl.SwitchUnavailableException} becomes HTTP 500.
 */
public final class EapiServer implements Closeable {

    /** Requests served at once; more wait in the queue. */
    static final int THREADS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(EapiServer.class);

    /**
     * The JDK server writes a reply's headers and body in two segments; with Nagle's algorithm on,
     * the body then waits for the client's delayed ACK (about 40 ms per call on loopback). The JDK
     * reads this switch once, when its first server starts, so it is set before that unless the
     * operator chose otherwise.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EapiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code listen} and starts serving.
     *
     * @param backend runs the commands
     * @param listen address and port; port 0 picks a free one (see {@link #address()})
     * @param user the one accepted user
     * @param password the user's password, or null to accept every request without credentials
     * @param tls the server's key and certificate, or null to serve plain HTTP
     * @throws IOException the address cannot be bound
     */
    public static EapiServer start(Transport backend, InetSocketAddress listen, String user, String password,
            SSLContext tls) throws IOException {
        Objects.requireNonNull(backend, "backend");
        HttpServer server = tls == null ? HttpServer.create(listen, 0) : https(listen, tls);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("eapi-server"));
        server.setExecutor(executor);
        server.createContext("/", new CommandApiHandler(backend, BasicAuth.of(user, password)));
        server.start();
        EapiServer started = new EapiServer(server, executor);
        LOG.info("eAPI for {} listening on {}://{}{}", backend.describe(), tls == null ? "http" : "https",
                started.authority(), EapiTransport.PATH);
        return started;
    }

    private static HttpsServer https(InetSocketAddress listen, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(listen, 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private String authority() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Stops listening, drops open connections and stops the worker threads; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("eAPI server threads still busy after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

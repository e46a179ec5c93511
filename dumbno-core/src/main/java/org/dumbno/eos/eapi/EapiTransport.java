package org.dumbno.eos.eapi;

import com.google.gson.JsonObject;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.ByteArrayBuffer;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.Transport;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to an Arista switch over eAPI: JSON-RPC {@code runCmds} calls, {@code POST /command-api}
 * over HTTP or HTTPS, HTTP Basic auth sent with every request, one pooled keep-alive client per
 * transport. Replies are read as they stream in; {@link #runCmds(List, ResultDecoder)} decodes
 * results without building their JSON tree. Thread-safe. Built with {@link #builder()}.
 */
public final class EapiTransport implements Transport {

    static final String PATH = "/command-api";
    static final ContentType JSON_RPC = ContentType.create("application/json-rpc", StandardCharsets.UTF_8);

    private static final Logger LOG = LoggerFactory.getLogger(EapiTransport.class);

    private final HttpHost target;
    private final String name;
    private final String user;
    private final String authorization;
    private final Duration timeout;
    private final long maxReply;
    private final CloseableHttpClient client;
    private final AtomicLong ids = new AtomicLong();
    /** Cancels a call still running after {@code timeout}, however slowly its bytes trickle in. */
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("eapi-deadline"));

    private EapiTransport(Builder b) {
        this.target = new HttpHost(b.scheme, b.host, b.port);
        this.name = b.scheme + "://" + bracketed(b.host) + ":" + b.port;
        this.user = b.user;
        this.authorization = b.user == null ? null : basic(b.user, b.password);
        this.timeout = b.timeout;
        this.maxReply = b.maxReply;
        this.client = PooledClients.of(b.timeout, tlsContext(b), b.verifyTls);
        if (!b.verifyTls && "https".equals(b.scheme)) {
            LOG.warn("TLS verification is off for {} (verify_tls = false): anyone on the path can "
                    + "impersonate the switch", name);
        }
    }

    /** A builder for an eAPI transport. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        return call(commands, format, RpcReply.TREE);
    }

    /** Decodes each result as the reply streams in, building no JSON tree for it. */
    @Override
    public <T> List<T> runCmds(List<String> commands, ResultDecoder<T> decoder) throws SwitchException {
        return call(commands, Format.JSON, Objects.requireNonNull(decoder, "decoder"));
    }

    private <T> List<T> call(List<String> commands, Format format, ResultDecoder<T> decoder)
            throws SwitchException {
        List<String> cmds = List.copyOf(commands);
        String id = "dumbno-" + ids.incrementAndGet();
        HttpPost post = new HttpPost(PATH);
        ByteArrayBuffer body = RpcReply.request(id, cmds, format);
        post.setEntity(new ByteArrayEntity(body.array(), 0, body.length(), JSON_RPC));
        if (authorization != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return client.execute(target, post, response -> reply(response, post, id, cmds, decoder));
        } catch (SwitchException e) {
            if (expired.get()) {
                throw tooSlow(e);
            }
            throw e;
        } catch (BoundedContent.TooLarge e) {
            throw tooLarge(e);
        } catch (ReplyBody.StringTooLong e) {
            throw new SwitchUnavailableException(name, "reply holds a string longer than " + e.limit()
                    + " characters, the most one eAPI reply may have; the call was abandoned", e);
        } catch (IOException e) {
            throw expired.get() ? tooSlow(e) : unavailable(e);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The whole call, reply included, took longer than {@code timeout}: it was cancelled. */
    private SwitchUnavailableException tooSlow(IOException e) {
        return new SwitchUnavailableException(name, "no answer within " + timeout.toMillis() + " ms", e);
    }

    /** The reply had more than {@code max_reply} bytes: the call was abandoned. */
    private SwitchUnavailableException tooLarge(BoundedContent.TooLarge e) {
        return new SwitchUnavailableException(name, "reply larger than " + e.limit()
                + " bytes, the most one eAPI reply may have; the call was abandoned", e);
    }

    /**
     * Reads a 200 reply's body as a stream; any other status with its body, as a failure. Either
     * body may have at most {@code maxReply} bytes, counted as they are read.
     */
    private <T> List<T> reply(ClassicHttpResponse response, HttpPost post, String id, List<String> cmds,
            ResultDecoder<T> decoder) throws IOException {
        Runnable abort = post::cancel;
        if (response.getCode() != 200) {
            throw failure(HttpReply.of(response, maxReply, abort));
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return RpcReply.read(name, id, cmds, new ReplyBody(Reader.nullReader()), decoder);
        }
        ContentType type = ContentType.parseLenient(entity.getContentType());
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.getCharset(StandardCharsets.UTF_8);
        BoundedContent content = new BoundedContent(entity.getContent(), maxReply, abort);
        try (ReplyBody body = new ReplyBody(new InputStreamReader(content, charset), abort)) {
            return RpcReply.read(name, id, cmds, body, decoder);
        }
    }

    private SwitchException failure(HttpReply reply) {
        if (reply.status() == 401) {
            return new AuthenticationException(name, "bad username or password for user " + user);
        }
        return new SwitchUnavailableException(name, "HTTP " + reply.status() + " " + reply.reason()
                + (reply.body().isBlank() ? "" : ": " + RpcReply.abbreviate(reply.body())), null);
    }

    private SwitchUnavailableException unavailable(IOException e) {
        if (e instanceof ConnectException) {
            return new SwitchUnavailableException(name, "connection refused", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new SwitchUnavailableException(name, "no answer within " + timeout.toMillis() + " ms", e);
        }
        if (e instanceof SSLException ssl) {
            return tlsFailure(ssl);
        }
        return new SwitchUnavailableException(name, "cannot talk to the switch: " + e, e);
    }

    private SwitchUnavailableException tlsFailure(SSLException e) {
        if (e instanceof SSLPeerUnverifiedException || causedBy(e, CertificateException.class)) {
            return new SwitchUnavailableException(name, "the switch's TLS certificate was not trusted ("
                    + e.getMessage() + "); set ca_file to the CA certificate (PEM) that signed it, or "
                    + "verify_tls = false to skip verification", e);
        }
        return new SwitchUnavailableException(name, "TLS handshake failed: " + e.getMessage(), e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "EapiTransport[" + name + "]";
    }

    private static SSLContext tlsContext(Builder b) {
        if (b.sslContext != null) {
            return b.sslContext;
        }
        if (!b.verifyTls) {
            return TlsContexts.trustingAnything();
        }
        return b.caFile == null ? null : TlsContexts.trusting(b.caFile);
    }

    private static String basic(String user, char[] password) {
        CharBuffer chars = CharBuffer.allocate(user.length() + 1 + password.length);
        chars.put(user).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return "Basic " + Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(chars.array(), '\0');
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    private static String bracketed(String host) {
        return new IPAddressString(host).isIPv6() ? "[" + host + "]" : host;
    }

    /** Configuration of an {@link EapiTransport}; {@code host} is required, the rest has defaults. */
    public static final class Builder {
        /** Seconds an eAPI call may take, connection included, unless told otherwise. */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
        /**
         * Bytes one reply may have unless told otherwise: 64 MiB, room for a read of the whole
         * default sequence range in one access list per family.
         */
        public static final long DEFAULT_MAX_REPLY = 64L * 1024 * 1024;

        private String scheme = "https";
        private String host;
        private int port;
        private String user;
        private char[] password = new char[0];
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxReply = DEFAULT_MAX_REPLY;
        private boolean verifyTls = true;
        private Path caFile;
        private SSLContext sslContext;

        private Builder() {
        }

        /** {@code https} (the default) or {@code http}. */
        public Builder scheme(String value) {
            if (!"https".equals(value) && !"http".equals(value)) {
                throw new IllegalArgumentException("scheme (" + value + ") must be https or http");
            }
            this.scheme = value;
            return this;
        }

        /** The switch's host name or IP address (brackets around IPv6 are dropped). */
        public Builder host(String value) {
            Objects.requireNonNull(value, "host");
            String bare = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
            if (bare.isBlank()) {
                throw new IllegalArgumentException("host (" + value + ") must not be empty");
            }
            this.host = bare;
            return this;
        }

        /** The eAPI port; 0 (the default) means 443 for https and 80 for http. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port (" + value + ") must be 1-65535");
            }
            this.port = value;
            return this;
        }

        /** The eAPI user; without one no credentials are sent (the switch's local eAPI). */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** The user's password; the builder keeps a copy, the caller may clear its array. */
        public Builder password(char[] value) {
            this.password = value.clone();
            return this;
        }

        /** The user's password. */
        public Builder password(String value) {
            return password(value.toCharArray());
        }

        /** Connect timeout, and the longest wait for a reply. */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout (" + value + ") must be positive");
            }
            this.timeout = value;
            return this;
        }

        /**
         * Bytes one reply (a result or an error) may have, counted as they are read; a longer
         * reply is abandoned and the call fails.
         */
        public Builder maxReply(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxReply (" + bytes + ") must be at least 1 byte");
            }
            this.maxReply = bytes;
            return this;
        }

        /** {@code false} accepts any certificate for any host name; true by default. */
        public Builder verifyTls(boolean value) {
            this.verifyTls = value;
            return this;
        }

        /** A PEM file whose certificates are trusted in addition to the JDK's authorities. */
        public Builder caFile(Path value) {
            this.caFile = value;
            return this;
        }

        /** An SSL context to use instead of the one built from the trust settings (tests). */
        public Builder sslContext(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        /**
         * Builds the transport; it owns a connection pool until closed.
         *
         * @throws IllegalArgumentException the host is missing or the CA file is unusable
         */
        public EapiTransport build() {
            if (host == null) {
                throw new IllegalArgumentException("host must be set");
            }
            if (port == 0) {
                port = "https".equals(scheme) ? 443 : 80;
            }
            return new EapiTransport(this);
        }
    }
}

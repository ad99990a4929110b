package dev.drover.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A local HTTP endpoint that speaks an AWS protocol for tests: every request is recorded (method, path,
 * headers, body), checked to be SigV4-signed, and answered by the test's handler. The handler sees the
 * request and returns the status, content type and body the real service would.
 */
public final class FakeAws implements AutoCloseable {
    /** Credentials the SDK signs with in tests; the fake checks the signature is there, not its value. */
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTTESTTEST", "test-secret"));

    /** A request as it arrived. {@code target} is the {@code X-Amz-Target} header (JSON 1.1), or null. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String target() {
            return header("X-Amz-Target");
        }

        public boolean signed() {
            String auth = header("Authorization");
            return auth != null && auth.startsWith("AWS4-HMAC-SHA256 Credential=") && auth.contains("Signature=")
                    && header("X-Amz-Date") != null;
        }
    }

    /** An answer: status, content type and body. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {
        public static Reply json(String body) {
            return new Reply(200, "application/json", body, Map.of());
        }

        public static Reply amzJson(String body) {
            return new Reply(200, "application/x-amz-json-1.1", body, Map.of());
        }

        public static Reply xml(String body) {
            return new Reply(200, "text/xml;charset=UTF-8", body, Map.of());
        }

        /** A throttling error in the REST-JSON / JSON 1.1 shape (the SDK retries it with backoff). */
        public static Reply throttled(String contentType) {
            return new Reply(429, contentType, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}",
                    Map.of("x-amzn-ErrorType", "ThrottlingException"));
        }

        public static Reply error(int status, String contentType, String type, String message) {
            return new Reply(status, contentType, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}",
                    Map.of("x-amzn-ErrorType", type));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> handler = r -> Reply.error(400, "application/json", "UnknownOperation",
            "no handler for " + r.method() + " " + r.path());

    public FakeAws() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeAws handler(Function<Request, Reply> handler) {
        this.handler = handler;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Requests that were not SigV4-signed; a test asserts this is empty. */
    public List<Request> unsigned() {
        return requests.stream().filter(r -> !r.signed()).collect(Collectors.toList());
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Reply reply;
        try {
            reply = handler.apply(request);
        } catch (RuntimeException e) {
            reply = Reply.error(500, "application/json", "InternalFailure", String.valueOf(e.getMessage()));
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.drover.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watcher against an instance-metadata stand-in on loopback. */
class SpotWatcherTest {
    private static final String NOTICE = "{\"action\": \"terminate\", \"time\": \"2030-01-01T12:02:00Z\"}";
    private HttpServer metadata;
    private final AtomicInteger asked = new AtomicInteger();
    private volatile boolean requireToken;
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metadata.createContext("/latest/api/token", exchange -> {
            boolean put = exchange.getRequestMethod().equals("PUT")
                    && exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds") != null;
            respond(exchange, put ? 200 : 400, put ? "tok-1" : "");
        });
        metadata.createContext("/latest/meta-data/spot/instance-action", exchange -> {
            if (requireToken && !"tok-1".equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
                respond(exchange, 401, "");
            } else if (asked.incrementAndGet() < 2) {
                respond(exchange, 404, "Not Found");
            } else {
                respond(exchange, 200, NOTICE);
            }
        });
        metadata.start();
    }

    @AfterEach
    void stop() {
        metadata.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private SpotWatcher watcher(int port) {
        StringWriter printed = new StringWriter();
        return new SpotWatcher(URI.create("http://127.0.0.1:" + port + "/latest/meta-data/spot/instance-action"),
                new Console(new PrintWriter(printed), new PrintWriter(printed)), notices::add);
    }

    @Test
    void a404IsNoNoticeAndA200IsTheNoticeHandedOnOnce() {
        SpotWatcher watcher = watcher(metadata.getAddress().getPort());

        watcher.check();
        assertThat(notices).isEmpty();
        watcher.check();
        watcher.check();
        assertThat(notices).containsExactly(NOTICE);
    }

    @Test
    void speaksImdsV2WhenTheEndpointWantsAToken() {
        requireToken = true;
        SpotWatcher watcher = watcher(metadata.getAddress().getPort());

        watcher.check();
        watcher.check();
        assertThat(notices).containsExactly(NOTICE);
    }

    @Test
    void anUnreachableEndpointIsNoNotice() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SpotWatcher watcher = watcher(closedPort);

        watcher.check();
        watcher.check();
        assertThat(notices).isEmpty();
    }
}

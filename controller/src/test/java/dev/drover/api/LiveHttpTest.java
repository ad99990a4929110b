package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/live} over real HTTP: changes arrive as named server-sent events, and a reconnect replays what it missed. */
@MicronautTest
@Property(name = "drover.dashboard.live-interval", value = "200ms")
@Property(name = "drover.dashboard.session-ttl", value = "3s")
class LiveHttpTest {
    @Inject
    EmbeddedServer server;

    @Inject
    AccessTokens tokens;

    @Inject
    Services services;

    @Inject
    TierStateStore tiers;

    private static final String END = "<the server ended the stream>";
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Stream<String>> open = new ArrayList<>();
    private Http http;
    private String viewer;
    private String deployer;
    private Service service;

    @BeforeEach
    void setUp() {
        http = new Http(URI.create(server.getURL() + "/"));
        String suffix = Long.toString(System.nanoTime(), 36);
        viewer = tokens.issue("live-viewer-" + suffix, Role.VIEWER, "test").secret().value();
        deployer = tokens.issue("live-deployer-" + suffix, Role.DEPLOYER, "test").secret().value();
        service = services.add(new ServiceSettings("live-" + suffix, "file:///none", "main", null, null));
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
    }

    /** The stream's lines, read on their own thread. */
    private BlockingQueue<String> connect(String... headers) throws Exception {
        return connectAs("Authorization", "Bearer " + viewer, headers);
    }

    private BlockingQueue<String> connectAs(String credential, String value, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/live"))
                .header("Accept", "text/event-stream").header(credential, value);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        open.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
                lines.add(END);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Lines up to and including the first that contains {@code wanted}. */
    private static List<String> until(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(wanted)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no line with '" + wanted + "' within 15 s; saw " + seen);
    }

    @Test
    void aLockAndATierChangeArriveAsNamedEventsWithoutAsking() throws Exception {
        BlockingQueue<String> lines = connect();
        until(lines, "event: hello");

        assertThat(http.post("api/v1/services/" + service.name() + "/lock", deployer, "{\"reason\":\"drill\"}").status())
                .isEqualTo(200);
        List<String> seen = new ArrayList<>(until(lines, "\"kind\":\"locked\""));
        assertThat(seen).anySatisfy(l -> assertThat(l).isEqualTo("event: rollout"));
        assertThat(seen).anySatisfy(l -> assertThat(l).matches("id: \\d+"));
        assertThat(seen.get(seen.size() - 1)).contains("\"service\":\"" + service.name() + "\"").contains("drill");
        if (seen.stream().noneMatch(l -> l.equals("event: audit"))) { // the audit entry may be seen in the same look or the next
            until(lines, "event: audit");
        }

        tiers.deployAll(service.id(), List.of("main"), 1, Instant.now());
        List<String> tierChange = until(lines, "\"topic\":\"tiers\"");
        assertThat(tierChange.get(tierChange.size() - 1)).contains("\"service\":\"" + service.name() + "\"");
    }

    @Test
    void aReconnectWithTheLastEventIdGetsTheRolloutEventsItMissed() throws Exception {
        assertThat(http.post("api/v1/services/" + service.name() + "/lock", deployer, "{\"reason\":\"missed\"}").status())
                .isEqualTo(200);
        BlockingQueue<String> lines = connect("Last-Event-ID", "0");
        List<String> replayed = until(lines, ": missed\"");
        assertThat(replayed.get(0)).isEqualTo("event: hello");
        assertThat(replayed.get(replayed.size() - 1)).contains("\"kind\":\"locked\"")
                .contains("\"service\":\"" + service.name() + "\"");
    }

    @Test
    void aSessionsStreamEndsWithTheSessionAndCannotBeReopened() throws Exception {
        Http.Reply signIn = http.send("POST", "api/v1/session", "{\"token\":\"" + viewer + "\"}");
        String setCookie = signIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        BlockingQueue<String> lines = connectAs("Cookie", cookie);
        until(lines, "event: hello");
        until(lines, END); // within the session's 3 s, not the stream's hour
        assertThat(http.send("GET", "api/v1/live", null, "Accept", "text/event-stream", "Cookie", cookie).status())
                .isEqualTo(401);
    }

    @Test
    void withoutATokenOrCookieTheStreamIsRefused() {
        assertThat(http.send("GET", "api/v1/live", null, "Accept", "text/event-stream").status()).isEqualTo(401);
    }
}

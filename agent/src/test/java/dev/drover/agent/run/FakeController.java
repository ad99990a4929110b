package dev.drover.agent.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drover.agent.link.Json;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Heartbeat;
import dev.drover.agent.protocol.HeartbeatAnswer;
import dev.drover.agent.protocol.Registered;
import dev.drover.agent.protocol.ResultAck;
import dev.drover.agent.protocol.Work;
import dev.drover.agent.protocol.WorkRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A controller's agent endpoints on loopback, as the protocol says, with knobs and a record of what came in. */
public final class FakeController implements AutoCloseable {
    public volatile int registerStatus = 201;
    public volatile int heartbeatStatus = 200;
    public volatile int resultStatus = 200;
    public volatile Registered terms = new Registered("agent-test-1", 30, 1, 1);
    public volatile HeartbeatAnswer answer = new HeartbeatAnswer(false, List.of());
    public final BlockingQueue<Assignment> work = new LinkedBlockingQueue<>();
    public final List<String> registrations = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    public final List<WorkRequest> workRequests = new CopyOnWriteArrayList<>();
    public final List<AttemptResult> results = new CopyOnWriteArrayList<>();
    private final Set<Long> recorded = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = Json.mapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public FakeController() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/api/v1/agents/register", exchange -> {
            registrations.add(body(exchange));
            reply(exchange, registerStatus, registerStatus < 300 ? terms : new Problem("no"));
        });
        server.createContext("/api/v1/agents/heartbeat", exchange -> {
            heartbeats.add(json.readValue(body(exchange), Heartbeat.class));
            reply(exchange, heartbeatStatus, answer);
        });
        server.createContext("/api/v1/agents/work", exchange -> {
            workRequests.add(json.readValue(body(exchange), WorkRequest.class));
            List<Assignment> given = new ArrayList<>();
            try {
                Assignment first = work.poll(terms.pollSeconds(), TimeUnit.SECONDS);
                if (first != null) {
                    given.add(first);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, new Work(given));
        });
        server.createContext("/api/v1/agents/results", exchange -> {
            AttemptResult result = json.readValue(body(exchange), AttemptResult.class);
            results.add(result);
            int status = resultStatus;
            reply(exchange, status, status < 300
                    ? new ResultAck(result.attemptId(), recorded.add(result.attemptId()) ? "recorded" : "duplicate")
                    : new Problem("status " + status));
        });
        server.start();
    }

    record Problem(String title) {
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String body(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

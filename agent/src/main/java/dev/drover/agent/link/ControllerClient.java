package dev.drover.agent.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.agent.protocol.Heartbeat;
import dev.drover.agent.protocol.HeartbeatAnswer;
import dev.drover.agent.protocol.Registered;
import dev.drover.agent.protocol.Registration;
import dev.drover.agent.protocol.ResultAck;
import dev.drover.agent.protocol.Work;
import dev.drover.agent.protocol.WorkRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The agent's HTTP link to its controller ({@code /api/v1/agents/...}, bearer agent token). The agent opens
 * every connection; it has no inbound port. Non-2xx answers come back as a {@link Reply} with the status;
 * an unreachable controller is an {@link IOException}.
 */
public final class ControllerClient {
    public static final String REGISTER_PATH = "api/v1/agents/register";
    static final String HEARTBEAT_PATH = "api/v1/agents/heartbeat";
    static final String WORK_PATH = "api/v1/agents/work";
    static final String RESULTS_PATH = "api/v1/agents/results";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final String token;
    private final ObjectMapper json = Json.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ControllerClient(URI server, String token) {
        this.server = server.toString().endsWith("/") ? server : URI.create(server + "/");
        this.token = token;
    }

    public URI server() {
        return server;
    }

    public Reply<Registered> register(Registration registration) throws IOException, InterruptedException {
        return send(REGISTER_PATH, json.writeValueAsString(registration), REQUEST_TIMEOUT, Registered.class);
    }

    public Reply<HeartbeatAnswer> heartbeat(Heartbeat heartbeat, Duration timeout) throws IOException, InterruptedException {
        return send(HEARTBEAT_PATH, json.writeValueAsString(heartbeat), timeout, HeartbeatAnswer.class);
    }

    /** Asks for work; the controller holds the request up to {@code poll} when it has none. */
    public CompletableFuture<Reply<Work>> work(WorkRequest request, Duration poll) {
        try {
            HttpRequest http = request(WORK_PATH, json.writeValueAsString(request), poll.plus(REQUEST_TIMEOUT));
            CompletableFuture<Reply<Work>> answer = new CompletableFuture<>();
            this.http.sendAsync(http, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause != null) {
                    answer.completeExceptionally(cause instanceof ConnectException ? unreachable() : cause);
                    return;
                }
                try {
                    answer.complete(reply(response, Work.class));
                } catch (UncheckedIOException e) {
                    answer.completeExceptionally(e.getCause());
                }
            });
            return answer;
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Posts one attempt's result, already serialised (as it lies in the spool). */
    public Reply<ResultAck> result(String resultJson) throws IOException, InterruptedException {
        return send(RESULTS_PATH, resultJson, REQUEST_TIMEOUT, ResultAck.class);
    }

    private <T> Reply<T> send(String path, String body, Duration timeout, Class<T> type) throws IOException, InterruptedException {
        try {
            return reply(http.send(request(path, body, timeout), HttpResponse.BodyHandlers.ofString()), type);
        } catch (ConnectException e) {
            throw unreachable();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ConnectException unreachable() {
        return new ConnectException("cannot reach the controller at " + server + ": is it running, and is --server right?");
    }

    private HttpRequest request(String path, String body, Duration timeout) {
        return HttpRequest.newBuilder(server.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private <T> Reply<T> reply(HttpResponse<String> response, Class<T> type) {
        int status = response.statusCode();
        if (status < 200 || status >= 300 || response.body() == null || response.body().isBlank()) {
            return new Reply<>(status, null, response.body()); // an empty 2xx (e.g. 204) parses to no body
        }
        try {
            return new Reply<>(status, json.readValue(response.body(), type), response.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(new IOException("the controller's answer on " + response.uri()
                    + " is not the expected " + type.getSimpleName() + ": " + e.getOriginalMessage(), e));
        }
    }
}

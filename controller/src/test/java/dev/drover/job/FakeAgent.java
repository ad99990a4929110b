package dev.drover.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Speaks the agent protocol by hand over real HTTP, so the controller's side is tested on its own. Like a real
 * agent it reports times by its own clock, which need not agree with the controller's.
 */
public final class FakeAgent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;
    private final Clock clock;

    public FakeAgent(URI base, String token) {
        this(base, token, Clock.systemUTC());
    }

    /** An agent whose clock is {@code clock} (e.g. one skewed by days against the controller's). */
    public FakeAgent(URI base, String token, Clock clock) {
        this.base = base;
        this.token = token;
        this.clock = clock;
    }

    public record Reply(int status, JsonNode body) {
    }

    public Reply post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/agents/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply register(String labelsJson, int slots, int gpus) {
        StringBuilder gpuList = new StringBuilder();
        for (int i = 0; i < gpus; i++) {
            gpuList.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"model\":\"Test GPU\",\"memoryMiB\":1024}");
        }
        return post("register", "{\"slots\":" + slots + ",\"labels\":" + labelsJson + ",\"gpus\":[" + gpuList
                + "],\"host\":{\"cpus\":4,\"memoryBytes\":8589934592},\"version\":\"test\"}");
    }

    public JsonNode work(int freeSlots) {
        return post("work", "{\"freeSlots\":" + freeSlots + "}").body().path("assignments");
    }

    public Reply heartbeat() {
        return post("heartbeat", "{\"running\":[]}");
    }

    /** A 30-minute run that ended now, by this agent's clock. */
    public Reply result(long attemptId, String outcome, Integer exitCode, long memory) {
        Instant ended = clock.instant();
        return result(attemptId, outcome, exitCode, memory, ended.minus(Duration.ofMinutes(30)), ended);
    }

    public Reply result(long attemptId, String outcome, Integer exitCode, long memory, Instant startedAt,
                        Instant endedAt) {
        return post("results", "{\"attemptId\":" + attemptId + ",\"outcome\":\"" + outcome + "\",\"exitCode\":" + exitCode
                + ",\"startedAt\":\"" + startedAt + "\",\"endedAt\":\"" + endedAt + "\",\"cpuAvg\":0.5,"
                + "\"cpuPeak\":1.0,\"memoryPeakBytes\":" + memory + ",\"detail\":null,\"log\":\"line one\\nline two\\n\"}");
    }
}

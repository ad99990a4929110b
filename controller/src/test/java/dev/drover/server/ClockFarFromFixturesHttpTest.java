package dev.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
import dev.drover.job.FakeAgent;
import dev.drover.job.Job;
import dev.drover.job.JobStore;
import dev.drover.job.JobSubmission;
import dev.drover.job.NewJob;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A guard against tests (and code) that compare a fixed instant with the clock: the controller's clock is set
 * years away from the fixtures' instants, and an agent whose clock is stuck at such an instant reports a run.
 * The summary's "last 24 h", the cost report's days and retention all count by the controller's clock.
 */
@MicronautTest
@Property(name = "drover.test.settable-clock", value = "true")
@Property(name = "drover.targets.cpu.labels.capacity", value = "on-demand")
@Property(name = "drover.jobs.retention", value = "30d")
class ClockFarFromFixturesHttpTest {
    /** The instant fixtures use; an agent's clock stuck there is years off the controller's. */
    private static final Instant FIXTURE = Instant.parse("2026-11-21T10:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    Clock clock;

    @Inject
    AccessTokens tokens;

    @Inject
    Services services;

    @Inject
    CommitStore commits;

    @Inject
    RevisionStore revisions;

    @Inject
    TierStateStore tiers;

    @Inject
    JobSubmission submission;

    @Inject
    JobStore jobs;

    @Inject
    JobLoops loops;

    @AfterEach
    void backToTheWallClock() {
        ((SettableClock) clock).reset();
    }

    @Test
    void summaryCostAndRetentionCountByTheControllersClockWhateverTheAgentsSays() {
        for (Duration away : List.of(Duration.ofDays(400), Duration.ofDays(-400))) {
            ((SettableClock) clock).setTo(Instant.now().plus(away));
            String name = away.isNegative() ? "far-behind" : "far-ahead";
            Service service = deployedService(name);
            String viewer = tokens.issue(name + "-viewer", Role.VIEWER, "test").secret().value();
            FakeAgent agent = new FakeAgent(URI.create(server.getURL() + "/"),
                    tokens.issue(name + "-agent", Role.AGENT, "test").secret().value(),
                    Clock.fixed(FIXTURE, ZoneOffset.UTC));
            assertThat(agent.register("{\"capacity\":\"on-demand\"}", 2, 0).status()).isEqualTo(200);
            Job job = submission.submit(service, List.of(new NewJob(Map.of(), false, null))).get(0);
            JsonNode given = agent.work(1);
            assertThat(given).hasSize(1);
            assertThat(agent.result(given.get(0).path("attemptId").asLong(), "succeeded", 0, 1L << 20).status())
                    .isEqualTo(200);

            String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
            JsonNode summary = get(viewer, "api/v1/services/" + service.name() + "/jobs/summary?hours=24");
            assertThat(summary.path("attempts").asInt()).as("clock moved %s", away).isEqualTo(1);
            assertThat(summary.path("costByDay").fieldNames()).toIterable().containsExactly(today);
            JsonNode cost = get(viewer, "api/v1/services/" + service.name() + "/cost?days=1");
            assertThat(cost.path("rows")).hasSize(1);
            assertThat(cost.path("rows").get(0).path("day").asText()).isEqualTo(today);
            assertThat(get(viewer, "api/v1/jobs/" + job.id()).path("attemptList").get(0).path("durationMillis").asLong())
                    .as("the duration is the agent's own measure").isEqualTo(Duration.ofMinutes(30).toMillis());

            ((SettableClock) clock).setTo(clock.instant().plus(Duration.ofDays(29)));
            loops.expire();
            assertThat(jobs.find(job.id())).as("finished 29 days ago by the controller's clock: kept").isPresent();
            ((SettableClock) clock).setTo(clock.instant().plus(Duration.ofDays(2)));
            loops.expire();
            assertThat(jobs.find(job.id())).as("finished 31 days ago by the controller's clock: deleted").isEmpty();
        }
    }

    private Service deployedService(String name) {
        Service service = services.add(new ServiceSettings(name, "file:///nowhere", "main", null, null));
        commits.record(service.id(), new SeenCommit("a".repeat(40), List.of(), "Ada", "a@x", "m", clock.instant()),
                CommitStatus.GREEN, null, clock.instant());
        long commitId = commits.find(service.id(), "a".repeat(40)).orElseThrow().id();
        RevisionSpec spec = new RevisionSpec(List.of("sh"), Map.of(), Map.of(), 1, 1L << 30, 64L << 20, 600, 0, 0,
                "per-job", false, List.of(new RevisionSpec.Tier("main", "cpu", 1, 0)));
        revisions.create(service.id(), commitId, "sha256:" + "b".repeat(64), spec, clock.instant());
        tiers.deployAll(service.id(), List.of("main"), 1, clock.instant());
        return service;
    }

    private JsonNode get(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(path + " answered " + reply.body()).isEqualTo(200);
            return JSON.readTree(reply.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.drover.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.api.Http;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller's side of jobs over real HTTP, with agents played by hand: routing, dispatch, ingest, leases, retries. */
@MicronautTest
@Property(name = "drover.agents.lease", value = "2s")
@Property(name = "drover.agents.lost-margin", value = "1s")
@Property(name = "drover.agents.poll", value = "1s")
@Property(name = "drover.jobs.routing-seed", value = "42")
@Property(name = "drover.targets.cpu.labels.capacity", value = "on-demand")
@Property(name = "drover.targets.gpu.gpus", value = "1")
@Property(name = "drover.targets.gpu.price-per-hour", value = "2.0")
@Property(name = "drover.targets.gpu.labels.gpu", value = "yes")
class JobsHttpTest {
    @Inject
    EmbeddedServer server;

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

    private Service service;
    private FakeAgent cpuAgent;

    @BeforeEach
    void setUp() {
        String name = "jobs-" + UUID.randomUUID().toString().substring(0, 6);
        service = services.add(new ServiceSettings(name, "file:///nowhere", "main", null, null));
        commits.record(service.id(), new SeenCommit("a".repeat(40), List.of(), "Ada", "a@x", "m", Instant.now()),
                CommitStatus.GREEN, null, Instant.now());
        long commitId = commits.find(service.id(), "a".repeat(40)).orElseThrow().id();
        RevisionSpec spec = new RevisionSpec(List.of("sh", "/app/work.sh"), Map.of("MODE", "fast"), Map.of(), 1, 1L << 30,
                64L << 20, 600, 2, 0, "per-job", false, List.of(new RevisionSpec.Tier("canary", "cpu", 10, 0),
                        new RevisionSpec.Tier("main", "cpu", 90, 0)));
        revisions.create(service.id(), commitId, "sha256:" + "b".repeat(64), spec, Instant.now());
        cpuAgent = agent("{\"capacity\":\"on-demand\"}", 0);
    }

    /** Jobs left by one test must not reach the next one's agents: every test ends with none waiting or running. */
    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        for (Job job : jobs.queued(10_000)) {
            jobs.finish(job.id(), JobStatus.CANCELLED, "test over", Instant.now());
        }
        for (Job job : jobs.list(service.id(), 1000)) {
            if (!job.status().finished()) {
                jobs.finish(job.id(), JobStatus.CANCELLED, "test over", Instant.now());
            }
        }
    }

    private FakeAgent agent(String labels, int gpus) {
        String token = tokens.issue("agent-" + UUID.randomUUID().toString().substring(0, 8), Role.AGENT, "test").secret().value();
        FakeAgent agent = new FakeAgent(URI.create(server.getURL() + "/"), token);
        assertThat(agent.register(labels, 8, gpus).status()).isEqualTo(200);
        return agent;
    }

    private void deploy() {
        tiers.deployAll(service.id(), List.of("canary", "main"), 1, Instant.now());
    }

    private List<Job> submit(int count, boolean gpu) {
        return submission.submit(service, java.util.Collections.nCopies(count, new NewJob(Map.of("N", "1"), gpu, null)));
    }

    @Test
    void beforeAnyDeployJobsWaitWithTheReasonAndAreRoutedByWeightAfter() {
        List<Job> waiting = submit(1, false);
        assertThat(waiting.get(0).tier()).isNull();
        assertThat(waiting.get(0).reason()).contains("drover deploy SERVICE --revision N");
        assertThat(cpuAgent.work(4)).isEmpty();

        deploy();
        List<Job> routed = submit(300, false);
        Map<String, Integer> perTier = new HashMap<>();
        routed.forEach(j -> perTier.merge(j.tier(), 1, Integer::sum));
        assertThat(perTier.get("canary")).isBetween(15, 45);
        assertThat(perTier.get("main")).isBetween(255, 285);

        JsonNode given = cpuAgent.work(3);
        assertThat(given).hasSize(3);
        JsonNode first = given.get(0);
        assertThat(first.path("jobId").asText()).isEqualTo(waiting.get(0).id());
        assertThat(first.path("arm").asText()).isEqualTo("stable");
        assertThat(first.path("image").asText()).isEqualTo("sha256:" + "b".repeat(64));
        assertThat(first.path("env").path("DROVER_JOB_ID").asText()).isEqualTo(waiting.get(0).id());
        assertThat(first.path("env").path("DROVER_REVISION").asText()).isEqualTo("1");
        assertThat(first.path("env").path("MODE").asText()).isEqualTo("fast");
        assertThat(first.path("env").path("N").asText()).isEqualTo("1");
        assertThat(first.path("limits").path("memoryBytes").asLong()).isEqualTo(1L << 30);
        assertThat(first.path("limits").path("network").asBoolean()).isFalse();
    }

    /**
     * A token bound to a target: its agent runs that target's jobs only, whatever labels it reports. Binding is
     * for agent tokens, to a target the controller knows, and the API says so otherwise.
     */
    @Test
    void anAgentTokenBoundToATargetTakesThatTargetsJobsOnlyWhateverItsLabelsClaim() {
        deploy();
        String gpuBound = tokens.issue("bound-" + UUID.randomUUID().toString().substring(0, 8), Role.AGENT, "test", "gpu")
                .secret().value();
        FakeAgent claimsCpu = new FakeAgent(URI.create(server.getURL() + "/"), gpuBound);
        assertThat(claimsCpu.register("{\"capacity\":\"on-demand\"}", 8, 1).status()).isEqualTo(200);
        String cpuBound = tokens.issue("bound-" + UUID.randomUUID().toString().substring(0, 8), Role.AGENT, "test", "cpu")
                .secret().value();
        FakeAgent noLabels = new FakeAgent(URI.create(server.getURL() + "/"), cpuBound);
        assertThat(noLabels.register("{}", 8, 0).status()).isEqualTo(200);
        submit(3, false);

        assertThat(claimsCpu.work(4)).as("bound to gpu: cpu jobs are not its own, whatever it claims").isEmpty();
        assertThat(noLabels.work(4)).as("bound to cpu: its jobs, with no labels").hasSize(3);

        String admin = tokens.issue("admin-" + UUID.randomUUID().toString().substring(0, 8), Role.ADMIN, "test").secret().value();
        Http http = new Http(URI.create(server.getURL() + "/"));
        Http.Reply unknown = http.post("/api/v1/tokens", admin, "{\"name\": \"x1\", \"role\": \"agent\", \"target\": \"tpu\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asText()).contains("target: no agent-run target of that name")
                .contains("cpu").contains("gpu");
        Http.Reply notAgent = http.post("/api/v1/tokens", admin, "{\"name\": \"x2\", \"role\": \"viewer\", \"target\": \"cpu\"}");
        assertThat(notAgent.status()).isEqualTo(400);
        assertThat(notAgent.json().path("detail").asText()).contains("only agent tokens are bound to a target");
        Http.Reply created = http.post("/api/v1/tokens", admin, "{\"name\": \"x3\", \"role\": \"agent\", \"target\": \"cpu\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("token").path("target").asText()).isEqualTo("cpu");
    }

    /** An agent that asks for more than it registered gets its registered slots, less what it already runs. */
    @Test
    void anAgentNeverHoldsMoreAttemptsThanItsRegisteredSlots() {
        deploy();
        submit(20, false);

        assertThat(cpuAgent.work(100)).as("8 slots registered").hasSize(8);
        assertThat(cpuAgent.work(5)).as("all 8 are running").isEmpty();
    }

    @Test
    void aGpuJobWithNoGpuTierStaysQueuedWithItsReason() {
        deploy();
        Job job = submit(1, true).get(0);
        assertThat(job.tier()).isNull();
        assertThat(job.reason()).contains("needs a GPU and no tier has GPUs");
        assertThat(agent("{\"gpu\":\"yes\"}", 1).work(1)).isEmpty();
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void aResultIsIngestedOnceOnlyFromItsAgentWithCost() {
        deploy();
        Job job = submit(1, false).get(0);
        long attempt = cpuAgent.work(1).get(0).path("attemptId").asLong();

        FakeAgent other = agent("{\"capacity\":\"on-demand\"}", 0);
        assertThat(other.result(attempt, "succeeded", 0, 1L << 28).status()).isEqualTo(409);
        assertThat(cpuAgent.result(attempt, "succeeded", 0, 1L << 28).body().path("disposition").asText()).isEqualTo("recorded");
        assertThat(cpuAgent.result(attempt, "succeeded", 0, 1L << 28).body().path("disposition").asText()).isEqualTo("duplicate");
        assertThat(cpuAgent.result(999_999, "succeeded", 0, 1).status()).isEqualTo(404);

        Job done = jobs.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        Attempt recorded = jobs.attempts(job.id()).get(0);
        assertThat(recorded.memoryPeak()).isEqualTo(1L << 28);
        assertThat(recorded.durationMillis()).isEqualTo(30 * 60 * 1000L);
        // 30 min x 0.10 per hour (target cpu) x the dominant share: 1 vCPU of 4, 1 GiB of 8 -> 0.25.
        assertThat(recorded.cost()).isCloseTo(0.0125, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(jobs.log(recorded.id())).isEqualTo("line one\nline two\n");
    }

    @Test
    void infraFailuresRetryOnTheSameTierAndArmAndCodeFailuresDoNot() {
        deploy();
        Job job = submit(1, false).get(0);
        JsonNode first = cpuAgent.work(1).get(0);
        cpuAgent.result(first.path("attemptId").asLong(), "spot-interruption", null, 1);
        JsonNode second = cpuAgent.work(1).get(0);
        assertThat(second.path("jobId").asText()).isEqualTo(job.id());
        assertThat(second.path("attempt").asInt()).isEqualTo(2);
        assertThat(second.path("tier").asText()).isEqualTo(first.path("tier").asText());
        assertThat(second.path("arm").asText()).isEqualTo(first.path("arm").asText());
        cpuAgent.result(second.path("attemptId").asLong(), "code", 3, 1);

        Job failed = jobs.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.reason()).contains("attempt 2 ended code");
        assertThat(failed.infraFailures()).isEqualTo(1);
    }

    @Test
    void aSilentAgentsAttemptIsLostAfterItsLeaseAndRunsElsewhereAndItsLateResultChangesNothing() {
        deploy();
        Job job = submit(1, false).get(0);
        long lostAttempt = cpuAgent.work(1).get(0).path("attemptId").asLong();
        FakeAgent rescuer = agent("{\"capacity\":\"on-demand\"}", 0);

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            rescuer.heartbeat();
            return !rescuer.work(1).isEmpty() || jobs.find(job.id()).orElseThrow().attempts() > 1;
        });

        assertThat(jobs.attempts(job.id()).get(0).outcome()).isEqualTo(dev.drover.agent.protocol.Outcome.AGENT_LOST);
        assertThat(cpuAgent.result(lostAttempt, "succeeded", 0, 1).body().path("disposition").asText()).isEqualTo("late");
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void secretsAreResolvedForTheStartOnlyAndAMissingOneHoldsTheJobWithItsReason() throws Exception {
        commits.record(service.id(), new SeenCommit("d".repeat(40), List.of(), "Ada", "a@x", "m", Instant.now()),
                CommitStatus.GREEN, null, Instant.now());
        RevisionSpec withSecret = new RevisionSpec(List.of("sh"), Map.of(), Map.of("API_KEY", "jobs/api-key"), 1, 1L << 20,
                1L << 20, 60, 0, 0, "optional", false, List.of(new RevisionSpec.Tier("main", "cpu", 1, 0)));
        revisions.create(service.id(), commits.find(service.id(), "d".repeat(40)).orElseThrow().id(),
                "sha256:" + "e".repeat(64), withSecret, Instant.now());
        tiers.deployAll(service.id(), List.of("main"), 2, Instant.now());
        Job job = submit(1, false).get(0);

        assertThat(cpuAgent.work(1)).isEmpty();
        assertThat(jobs.find(job.id()).orElseThrow().reason()).contains("secret 'jobs/api-key' (for API_KEY) is missing");

        java.nio.file.Path secrets = java.nio.file.Path.of(server.getApplicationContext()
                .getProperty("drover.home", String.class).orElseThrow(), "secrets", "jobs");
        java.nio.file.Files.createDirectories(secrets);
        java.nio.file.Files.writeString(secrets.resolve("api-key"), "s3cr3t\n");
        JsonNode given = cpuAgent.work(1).get(0);
        assertThat(given.path("env").path("API_KEY").asText()).isEqualTo("s3cr3t");
        assertThat(jobs.find(job.id()).orElseThrow().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void cancellingAQueuedJobIsImmediateAndARunningOneReachesItsAgent() {
        deploy();
        Job queued = submit(1, false).get(0);
        assertThat(submission.cancel(queued).status()).isEqualTo(JobStatus.CANCELLED);

        Job running = submit(1, false).get(0);
        long attempt = cpuAgent.work(1).get(0).path("attemptId").asLong();
        submission.cancel(jobs.find(running.id()).orElseThrow());
        assertThat(cpuAgent.heartbeat().body().path("cancel").get(0).asLong()).isEqualTo(attempt);
        cpuAgent.result(attempt, "cancelled", null, 1);
        assertThat(jobs.find(running.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    }
}

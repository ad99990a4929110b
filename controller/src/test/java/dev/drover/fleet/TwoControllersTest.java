package dev.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.TestPorts;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.build.TestDocker;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.SeenCommit;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.revision.RevisionSpec;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.JooqJobStore;
import dev.drover.store.jooq.JooqRevisionStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.JooqTierStateStore;
import dev.drover.store.jooq.JooqTokenStore;
import dev.drover.store.jooq.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controller processes on one PostgreSQL: one leads (runs the loops), both serve the API and agents; the
 * leader SIGKILLed in the middle of a burst is replaced within its lease and every job runs exactly once; a
 * third process with a leader-id already in use is refused at start, saying why.
 */
class TwoControllersTest {
    private static final String SERVICE = "pair";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ControllerProcess> controllers = new ArrayList<>();
    private TestDatabases.Opened db;
    private AgentProcess agent;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.kill();
            agent.removeContainers();
        }
        for (ControllerProcess c : controllers) {
            c.kill();
        }
        if (db != null) {
            db.close();
        }
    }

    private ControllerProcess controller(String leaderId) {
        ControllerProcess c = new ControllerProcess(TestPorts.free(), ControllerProcess.onPostgres(db, Map.ofEntries(
                Map.entry("drover.home", dir.resolve("home-" + leaderId + "-" + controllers.size()).toString()),
                Map.entry("drover.git.poll-interval", "0s"),
                Map.entry("drover.builds.enabled", "false"),
                Map.entry("drover.leader.lease", "10s"),
                Map.entry("drover.leader.renew", "1s"),
                Map.entry("drover.agents.lease", "6s"),
                Map.entry("drover.agents.heartbeat", "1s"),
                Map.entry("drover.agents.poll", "2s"),
                Map.entry("drover.agents.lost-margin", "3s"),
                Map.entry("drover.targets.cpu.price-per-hour", "1.0"),
                Map.entry("drover.rollouts.leader-id", leaderId))),
                dir.resolve("logs").resolve(leaderId + "-" + controllers.size() + ".log"));
        controllers.add(c);
        return c;
    }

    private JsonNode leader(ControllerProcess c) throws IOException, InterruptedException {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(c.url() + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(health.body()).path("details").path("leader").path("details");
    }

    private boolean leads(ControllerProcess c) {
        try {
            return leader(c).path("leads").asBoolean();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void oneLeadsTheOtherTakesOverWhenItIsKilledMidBurstAndADuplicateIdIsRefused() throws Exception {
        db = TestDatabases.open(TestDatabases.Backend.POSTGRES);
        DSLContext dsl = db.database().dsl();
        Service service = new JooqServiceStore(dsl).create(new ServiceSettings(SERVICE, "file:///none", "main", null, null),
                ServiceOrigin.API, Instant.now());
        String sha = String.format("%040x", 1);
        new JooqCommitStore(dsl).record(service.id(), new SeenCommit(sha, List.of(), "Ada", "a@x", "v1", Instant.now()),
                CommitStatus.GREEN, null, Instant.now());
        long commitId = new JooqCommitStore(dsl).find(service.id(), sha).orElseThrow().id();
        RevisionSpec spec = new RevisionSpec(List.of("sh", "/app/work.sh"), Map.of("DURATION", "1"), Map.of(), 0.5,
                256L << 20, 64L << 20, 600, 2, 0, "optional", false, List.of(new RevisionSpec.Tier("main", "cpu", 100, 0)));
        new JooqRevisionStore(dsl).create(service.id(), commitId, Cluster.demoImage(TestDocker.client()), spec, Instant.now());
        new JooqTierStateStore(dsl).deployAll(service.id(), List.of("main"), 1, Instant.now());
        AccessTokens tokens = new AccessTokens(new JooqTokenStore(dsl), Clock.systemUTC());
        String deployer = tokens.issue("pair-deployer", Role.DEPLOYER, "test").secret().value();
        String agentToken = tokens.issue("pair-worker", Role.AGENT, "test").secret().value();

        ControllerProcess first = controller("ctl-a").start();
        await().atMost(Duration.ofSeconds(30)).until(() -> leads(first));
        ControllerProcess second = controller("ctl-b").start();
        assertThat(leads(second)).isFalse();
        assertThat(leader(second).path("leader").asText()).isEqualTo("ctl-a");

        // The agent and the submissions go to the follower: every replica serves agents and the API.
        agent = new AgentProcess("pair-worker", agentToken, second.url(), dir.resolve("agents/pair-worker"), List.of())
                .start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(second.url() + "/api/v1/services/"
                            + SERVICE + "/jobs")).header("Authorization", "Bearer " + deployer)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jobs\": [" + String.join(",", java.util.Collections.nCopies(10,
                                    "{\"params\": {\"DURATION\": \"2\"}}")) + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
            JSON.readTree(answer.body()).path("jobs").forEach(j -> ids.add(j.path("id").asText()));
        }
        JooqJobStore jobs = new JooqJobStore(dsl);
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().anyMatch(id -> !jobs.attempts(id).isEmpty()));

        first.kill();
        await("the follower takes the lead within the lease").atMost(Duration.ofSeconds(30))
                .until(() -> leads(second));

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids.stream().allMatch(id -> jobs.find(id).orElseThrow().status().finished()));
        for (String id : ids) {
            Job job = jobs.find(id).orElseThrow();
            assertThat(job.status()).as(agent.log()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(jobs.attempts(id)).extracting(Attempt::outcome).as("ran once").hasSize(1);
        }

        ControllerProcess duplicate = controller("ctl-b");
        assertThatThrownBy(duplicate::start).hasMessageContaining("another controller is running with leader-id 'ctl-b'")
                .hasMessageContaining("give each controller its own drover.rollouts.leader-id");
        assertThat(leads(second)).as("the refused one changed nothing").isTrue();
    }
}

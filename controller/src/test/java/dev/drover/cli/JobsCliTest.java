package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
import dev.drover.job.FakeAgentAccess;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.RolloutEngine;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy, submit, jobs (and --summary), logs JOB, cancel, agents and agent drain through the CLI. */
class JobsCliTest {
    private static EmbeddedServer server;
    private static String deployer;
    private static String admin;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, "test");
        AccessTokens tokens = server.getApplicationContext().getBean(AccessTokens.class);
        deployer = tokens.issue("cli-deployer", Role.DEPLOYER, "test").secret().value();
        admin = tokens.issue("cli-admin-jobs", Role.ADMIN, "test").secret().value();
        Service service = server.getApplicationContext().getBean(Services.class)
                .add(new ServiceSettings("worker", "file:///none", "main", null, null));
        CommitStore commits = server.getApplicationContext().getBean(CommitStore.class);
        commits.record(service.id(), new SeenCommit("f".repeat(40), List.of(), "Ada", "a@x", "m", Instant.now()),
                CommitStatus.GREEN, null, Instant.now());
        server.getApplicationContext().getBean(RevisionStore.class).create(service.id(),
                commits.find(service.id(), "f".repeat(40)).orElseThrow().id(), "sha256:" + "1".repeat(64),
                new RevisionSpec(List.of("sh"), Map.of(), Map.of(), 1, 1L << 30, 1L << 20, 60, 0, 0, "optional", false,
                        List.of(new RevisionSpec.Tier("main", "cpu", 1, 0))), Instant.now());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliRun drover(String token, String... args) {
        return CliRun.against(server.getURL().toString(), token, args);
    }

    @Test
    void theJobLifecycleThroughTheCli() {
        assertThat(drover(deployer, "submit", "worker", "--param", "SIZE=3").out()).contains("queued: no revision is deployed");
        assertThat(drover(deployer, "deploy", "worker", "--revision", "1", "--reason", "first").out())
                .startsWith("rollout ").contains("of revision 1: queued");
        server.getApplicationContext().getBean(RolloutEngine.class).reconcile(); // the first revision's rollout starts

        String agentToken = server.getApplicationContext().getBean(AccessTokens.class)
                .issue("cli-agent", Role.AGENT, "test").secret().value();
        // The agent's clock is three days slow: its attempt still finished in the controller's last 24 h.
        FakeAgentAccess agent = new FakeAgentAccess(URI.create(server.getURL() + "/"), agentToken,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(-3)));
        agent.register();
        JsonNode given = agent.work(2);
        assertThat(given).hasSize(1);
        String job = given.get(0).path("jobId").asText();
        assertThat(given.get(0).path("env").path("SIZE").asText()).isEqualTo("3");
        agent.result(given.get(0).path("attemptId").asLong(), "succeeded", 0);

        assertThat(drover(deployer, "jobs", "worker").out()).contains(job).contains("succeeded").contains("main");
        assertThat(drover(deployer, "logs", job).out()).isEqualTo("line one\nline two\n");
        assertThat(drover(deployer, "jobs", "worker", "--summary").out()).contains("succeeded 1").contains("Cost:")
                .contains("Attempts finished in the last 24h: 1");

        String second = drover(deployer, "submit", "worker", "--count", "2").out().lines().findFirst().orElseThrow().split(" ")[0];
        assertThat(drover(deployer, "cancel", second).out()).contains(second + ": cancelled");

        CliRun agents = drover(deployer, "agents");
        assertThat(agents.out()).startsWith("ID").contains("cli-agent").contains("ok");
        String id = agents.out().lines().filter(l -> l.contains("cli-agent")).findFirst().orElseThrow().split(" ")[0];
        assertThat(drover(deployer, "agent", "drain", id).code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(drover(admin, "agent", "drain", id).out()).contains("is draining");
        assertThat(drover(deployer, "agents").out()).contains("draining");
        assertThat(agent.work(1)).isEmpty();
    }
}

package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.commit.CommitStore;
import dev.drover.job.FakeAgentAccess;
import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.RolloutCommands;
import dev.drover.rollout.RolloutEngine;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operator command against a running controller: what it prints, that {@code --output json} parses,
 * and its exit codes for success, bad usage and refusals. (RolloutCliTest, JobsCliTest and
 * CliAgainstControllerTest follow the same commands through their stories.)
 */
class OperatorCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedServer server;
    private static String deployer;
    private static String oncall;
    private static String viewer;
    private static String admin;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, "test");
        AccessTokens tokens = server.getApplicationContext().getBean(AccessTokens.class);
        deployer = tokens.issue("ops-deployer", Role.DEPLOYER, "test").secret().value();
        oncall = tokens.issue("ops-oncall", Role.DEPLOYER, "test").secret().value();
        viewer = tokens.issue("ops-viewer", Role.VIEWER, "test").secret().value();
        admin = tokens.issue("ops-admin", Role.ADMIN, "test").secret().value();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A service with revisions 1 and 2 (one tier, main, in one default stage), revision 1 stable on main. */
    private static Service service(String name) {
        Service service = server.getApplicationContext().getBean(Services.class)
                .add(new ServiceSettings(name, "file:///none", "main", null, null));
        for (String sha : List.of("a", "b")) {
            GreenRevisions.create(server.getApplicationContext().getBean(CommitStore.class),
                    server.getApplicationContext().getBean(RevisionStore.class), service.id(), sha.repeat(40),
                    "sha256:" + "1".repeat(64), new RevisionSpec(List.of("sh"), Map.of(), Map.of(), 1, 1L << 30, 1L << 20,
                            60, 0, 0, "optional", false, List.of(new RevisionSpec.Tier("main", "cpu", 1, 0))), Instant.now());
        }
        server.getApplicationContext().getBean(TierStateStore.class).deployAll(service.id(), List.of("main"), 1,
                Instant.now());
        return service;
    }

    private static FakeAgentAccess agent(String name) {
        String token = server.getApplicationContext().getBean(AccessTokens.class).issue(name, Role.AGENT, "test")
                .secret().value();
        FakeAgentAccess agent = new FakeAgentAccess(URI.create(server.getURL() + "/"), token);
        agent.register();
        return agent;
    }

    private static void reconcile() {
        server.getApplicationContext().getBean(RolloutEngine.class).reconcile();
    }

    private static CliRun drover(String token, String... args) {
        return CliRun.against(server.getURL().toString(), token, args);
    }

    private static JsonNode json(CliRun run) {
        assertThat(run.code()).as(run.err()).isZero();
        try {
            return JSON.readTree(run.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + run.out(), e);
        }
    }

    @Test
    void statusOfAServiceShowsTheLockTiersTheStagesProgressAndEachTiersVerdict() {
        service("canary");
        assertThat(drover(deployer, "deploy", "canary", "--revision", "2").out()).contains("of revision 2: queued");
        reconcile(); // stage 1 of 1: revision 2 on main, taking half of its jobs
        assertThat(json(drover(deployer, "submit", "canary", "--count", "9", "-o", "json")).path("jobs")).hasSize(9);
        FakeAgentAccess agent = agent("ops-agent-canary");
        int finished = 0;
        for (int round = 0; round < 4; round++) {
            for (JsonNode work : agent.work(2)) {
                agent.result(work.path("attemptId").asLong(), "succeeded", 0);
                finished++;
            }
        }
        assertThat(agent.work(1)).hasSize(1); // one left running
        reconcile(); // judged: pending, too few jobs

        CliRun status = drover(viewer, "status", "canary");

        assertThat(status.code()).as(status.err()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Service  canary");
        assertThat(lines.get(1)).isEqualTo("Lock     unlocked");
        assertThat(status.out()).contains("TIER  STABLE  CANDIDATE  SPLIT\nmain  1       2          50%\n")
                .containsPattern("rollout \\d+ of revision 2: running, stage 1 of 1 \\(stage 1 of 1: waiting for 20")
                .containsPattern("stage 1/1 on main \\(50% of jobs\\): bake \\d+s of 10m; deadline in (6h|5h59m)")
                .containsPattern("  main: jobs candidate \\d+/20( \\(1 running\\))?, baseline \\d+/20( \\(1 running\\))?")
                .contains("Verdicts (stage 1)\n")
                .containsPattern("  main: pending: waiting for 20 pairs of judged jobs on main: \\d+ so far \\(judged jobs:"
                        + " candidate \\d+, baseline \\d+\\)")
                .doesNotContain("THRESHOLD");

        JsonNode answer = json(drover(viewer, "status", "canary", "-o", "json"));
        JsonNode progress = answer.path("stage").path("progress").path(0);
        assertThat(progress.path("candidate").path("judged").asInt() + progress.path("baseline").path("judged").asInt())
                .isEqualTo(finished);
        assertThat(progress.path("candidate").path("running").asInt() + progress.path("baseline").path("running").asInt())
                .isEqualTo(1);
        assertThat(answer.path("verdicts").path(0).path("gates").path(0).path("gate").asText()).isEqualTo("failureRate");

        CliRun verbose = drover(viewer, "status", "canary", "--verbose");
        assertThat(verbose.out()).containsPattern("    GATE +STATE +CANDIDATE +BASELINE +ESTIMATE +STATISTIC +THRESHOLD +SENTENCE")
                .containsPattern("    failureRate +pending +\\d+/\\d+ +\\d+/\\d+ +\\S+ +\\S+ +30(\\.0)? +waiting for 20")
                .contains("    infraFailureRate");
    }

    @Test
    void watchFollowsARolloutUntilItEndsAndItsExitCodeSaysHow() {
        service("watched");
        drover(deployer, "deploy", "watched", "--revision", "2");
        reconcile();

        CliRun watched = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            CompletableFuture<CliRun> watch = CompletableFuture.supplyAsync(
                    () -> drover(viewer, "status", "watched", "--watch", "--interval", "100ms"));
            Thread.sleep(500);
            assertThat(watch).isNotDone();
            CliRun promoted = drover(deployer, "promote", "watched", "--full", "--reason", "verified by hand");
            assertThat(promoted.out()).containsPattern("rollout \\d+ of revision 2: running, stage 1 of 1");
            reconcile(); // the stage passes: revision 2 is stable
            return watch.get();
        });

        assertThat(watched.code()).as(watched.err()).isZero();
        assertThat(watched.out()).containsPattern("rollout \\d+ of revision 2: running, stage 1 of 1")
                .contains("stage 1/1 on main (50% of jobs): bake 10m; deadline 6h")
                .containsPattern("\\[\\d\\d:\\d\\d:\\d\\d\\] main  2 +- +-")
                .containsPattern("\\[\\d\\d:\\d\\d:\\d\\d\\] rollout \\d+ of revision 2: succeeded")
                .contains("Verdicts (stage 1, promoted)")
                .doesNotContain("\033[");
        assertThat(watched.out().lines().filter(l -> l.startsWith("Service"))).hasSize(1);

        service("stopped");
        drover(deployer, "deploy", "stopped", "--revision", "2");
        reconcile();
        JsonNode aborted = json(drover(deployer, "abort", "stopped", "--reason", "wrong commit", "-o", "json"));
        assertThat(aborted.path(0).path("state").asText()).isEqualTo("aborted");
        CliRun after = drover(viewer, "status", "stopped", "--watch", "--interval", "100ms");
        assertThat(after.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(after.out()).containsPattern("rollout \\d+ of revision 2: aborted");
        String jsonLines = drover(viewer, "status", "stopped", "--watch", "-o", "json").out();
        assertThat(jsonLines.lines()).hasSize(1);
        assertThat(jsonLines).startsWith("{\"service\":\"stopped\"");
    }

    @Test
    void everyCommandPrintsJsonThatParses() {
        service("scripted");
        assertThat(json(drover(viewer, "status", "-o", "json")).path("health").asText()).isEqualTo("UP");
        assertThat(json(drover(viewer, "status", "scripted", "-o", "json")).path("tiers").path(0).path("stable").asInt())
                .isEqualTo(1);
        assertThat(json(drover(oncall, "lock", "scripted", "--reason", "r", "-o", "json")).path("locked").asBoolean()).isTrue();
        assertThat(json(drover(oncall, "unlock", "scripted", "-o", "json")).path("locked").asBoolean()).isFalse();
        assertThat(json(drover(deployer, "deploy", "scripted", "-o", "json")).path("state").asText()).isEqualTo("queued");
        reconcile();
        assertThat(json(drover(deployer, "promote", "scripted", "-o", "json")).path("revision").asInt()).isEqualTo(2);
        reconcile();
        assertThat(json(drover(viewer, "status", "scripted", "-o", "json")).path("rollout").path("state").asText())
                .isEqualTo("succeeded");
        JsonNode lock = json(drover(deployer, "rollback", "scripted", "--reason", "r", "-o", "json"));
        assertThat(lock.path("lockedBy").asText()).isEqualTo("ops-deployer");

        String job = json(drover(deployer, "submit", "scripted", "-o", "json")).path("jobs").path(0).path("id").asText();
        FakeAgentAccess agent = agent("ops-agent-json");
        for (JsonNode work : agent.work(2)) {
            agent.result(work.path("attemptId").asLong(), "succeeded", 0);
        }
        assertThat(json(drover(viewer, "jobs", "scripted", "-o", "json")).path(0).path("id").asText()).isEqualTo(job);
        assertThat(json(drover(viewer, "jobs", "scripted", "--summary", "-o", "json")).has("attempts")).isTrue();
        assertThat(json(drover(viewer, "logs", job, "-o", "json")).path("log").asText()).isEqualTo("line one\nline two\n");
        String queued = json(drover(deployer, "submit", "scripted", "-o", "json")).path("jobs").path(0).path("id").asText();
        assertThat(json(drover(deployer, "cancel", queued, "-o", "json")).path("status").asText()).isEqualTo("cancelled");
        assertThat(json(drover(viewer, "audit", "--limit", "3", "-o", "json"))).hasSize(3);
        JsonNode agents = json(drover(viewer, "agents", "-o", "json"));
        String id = agents.findValues("id").get(0).asText();
        assertThat(json(drover(admin, "agent", "drain", id, "-o", "json")).path("draining").asBoolean()).isTrue();
    }

    @Test
    void badUsageExitsWith2AndSaysWhatIsWrong() {
        List<List<String>> cases = List.of(
                List.of("status", "--bogus"), List.of("status", "--watch"), List.of("status", "x", "--interval", "1ms"),
                List.of("status", "-o", "yaml"), List.of("deploy"), List.of("deploy", "x", "--revision", "two"),
                List.of("deploy", "x", "--revision", "1", "--commit", "abc"), List.of("promote"),
                List.of("promote", "x", "--bogus"), List.of("abort", "x"), List.of("rollback", "x"), List.of("lock", "x"),
                List.of("unlock"), List.of("submit"), List.of("submit", "x", "--count", "0"), List.of("cancel"),
                List.of("jobs"), List.of("logs"), List.of("logs", "build"), List.of("audit", "--limit", "many"),
                List.of("plan", "--bogus"), List.of("agents", "--bogus"), List.of("agent", "drain"));
        for (List<String> args : cases) {
            CliRun run = drover(deployer, args.toArray(String[]::new));
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(String.join(" ", args)).isNotBlank();
        }
        assertThat(drover(deployer, "abort", "x").err()).contains("Missing required option: '--reason=<reason>'");
        assertThat(drover(deployer, "status", "--watch").err()).contains("need a service");
        assertThat(drover(deployer, "status", "x", "--interval", "1ms").err()).contains("at least 100ms");
    }

    /**
     * Text others wrote (a lock's reason stored before the API refused control characters) cannot drive the
     * operator's terminal: escape sequences and carriage returns are printed as {@code ?}; JSON keeps them, escaped.
     */
    @Test
    void controlCharactersInStoredTextNeverReachTheTerminal() {
        Service service = service("escaped");
        server.getApplicationContext().getBean(RolloutCommands.class).lock(service.id(), "ops-oncall",
                "calm\u001b]0;pwned\u0007\rreal reason\u001b[2J");

        CliRun status = drover(viewer, "status", "escaped");

        assertThat(status.out()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007")
                .contains("calm?]0;pwned??real reason?[2J");
        assertThat(json(drover(viewer, "status", "escaped", "-o", "json")).path("lock").path("reason").asText())
                .isEqualTo("calm\u001b]0;pwned\u0007\rreal reason\u001b[2J");
    }

    @Test
    void aPersonsLockRefusesADeployWithWhoAndWhyAndStatusShowsIt() {
        service("held");
        drover(oncall, "lock", "held", "--reason", "incident 7");

        CliRun refused = drover(deployer, "deploy", "held", "--revision", "2", "-o", "json");

        assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("ops-oncall").contains("incident 7").contains("--force");
        assertThat(drover(viewer, "status", "held").out())
                .containsPattern("Lock     locked by ops-oncall \\(person\\) since \\S+: incident 7");
    }

    @Test
    void aViewerIsRefusedEveryChangeWithExit3() {
        service("guarded");
        List<List<String>> changes = List.of(List.of("deploy", "guarded"), List.of("promote", "guarded"),
                List.of("abort", "guarded", "--reason", "r"), List.of("rollback", "guarded", "--reason", "r"),
                List.of("lock", "guarded", "--reason", "r"), List.of("unlock", "guarded"), List.of("submit", "guarded"),
                List.of("cancel", "j-0000000000000000"), List.of("agent", "drain", "a1"));
        for (List<String> args : changes) {
            CliRun run = drover(viewer, args.toArray(String[]::new));
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).as(String.join(" ", args)).contains("Role too low (403)").contains("ops-viewer");
        }
    }
}

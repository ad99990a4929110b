package dev.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.TestPorts;
import dev.drover.build.TestDocker;
import dev.drover.cli.CliRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's story as {@code ./drover up} tells it, with the demo's own timings: deploy/demo's setup
 * (base image, worker repository), a controller with deploy/demo/controller.yml on the embedded
 * database, a local agent on the Docker engine, and {@code drover demo}. The first commit bootstraps
 * onto every tier, the second is promoted through both canaries and c1-c3, the third is rolled back
 * automatically from the canaries and leaves the service locked.
 */
class DemoStoryTest {
    private static final Path DEMO = Path.of("..", "deploy", "demo").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIERS = List.of("canary-gpu", "canary-spot", "c1", "c2", "c3");

    @TempDir
    Path dir;

    private ControllerProcess controller;
    private AgentProcess agent;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.kill();
            agent.removeContainers();
        }
        if (controller != null) {
            controller.kill();
        }
    }

    @Test
    void theDemoBootstrapsPromotesAGoodCommitAndRollsBackABadOneLeavingTheServiceLocked() throws Exception {
        TestDocker.client(); // the engine must answer
        Path state = dir.resolve("state");
        Process setup = new ProcessBuilder(DEMO.resolve("setup.sh").toString(), state.toString())
                .redirectErrorStream(true).start();
        String setupOutput = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(setup.waitFor()).as(setupOutput).isZero();

        Path tokenFile = dir.resolve("admin-token");
        controller = new ControllerProcess(TestPorts.free(), Map.of("drover.home", dir.resolve("home").toString(),
                "drover.access.admin-token-file", tokenFile.toString()), dir.resolve("controller.log"))
                .withArgs("--config", DEMO.resolve("controller.yml").toString()).start();
        token = Files.readString(tokenFile).strip();
        CliRun created = CliRun.against(controller.url(), token, "token", "create", "--name", "demo-agent", "--role",
                "agent", "--reason", "demo test");
        assertThat(created.code()).as(created.err()).isZero();
        String agentToken = created.out().lines().filter(l -> l.startsWith("drv_")).findFirst().orElseThrow();
        agent = new AgentProcess("demo-agent", agentToken, controller.url(), dir.resolve("agent"),
                List.of("--network", "host")).start();

        CliRun demo = CliRun.against(controller.url(), token, "demo", "--state", state.toString(),
                "--exit-after-story", "--step-timeout", "8m");

        String story = demo.out() + demo.err();
        assertThat(demo.code()).as(story + "\n--- controller log ---\n" + tail(controller.log())).isZero();
        assertThat(story).contains("==> demo 1/3", "==> demo 2/3", "==> demo 3/3", "by Ada Lovelace", "by Bob Hacker",
                "revision 2 is stable on every tier", "rolled-back", "That was the demo's story.");
        assertThat(story).as("drover status lists the tiers in the ladder's order")
                .containsPattern("(?s)\\ncanary-gpu +2 .*\\ncanary-spot +2 .*\\nc1 +2 .*\\nc2 +2 .*\\nc3 +2 ");

        JsonNode tiers = get("tiers");
        Map<String, JsonNode> byName = new HashMap<>();
        tiers.forEach(t -> byName.put(t.path("tier").asText(), t));
        assertThat(byName).containsOnlyKeys(TIERS);
        byName.forEach((tier, t) -> {
            assertThat(t.path("stable").asInt()).as(tier).isEqualTo(2);
            assertThat(t.path("candidate").isNull()).as(tier).isTrue();
            assertThat(t.path("previousStable").asInt()).as(tier).isEqualTo(1);
        });

        Map<Integer, String> ended = new HashMap<>();
        get("rollouts").forEach(r -> ended.put(r.path("revision").asInt(), r.path("state").asText()));
        assertThat(ended).containsEntry(1, "succeeded").containsEntry(2, "succeeded").containsEntry(3, "rolled-back");

        JsonNode lock = get("lock");
        assertThat(lock.path("locked").asBoolean()).isTrue();
        assertThat(lock.path("kind").asText()).isEqualTo("rollback");
        assertThat(lock.path("reason").asText()).contains("revision 3 rolled back automatically", "candidate fails");

        List<String> tiersThatRanRevision3 = new ArrayList<>();
        for (JsonNode job : get("jobs?limit=1000")) {
            if (job.path("revision").asInt() == 3 && !tiersThatRanRevision3.contains(job.path("tier").asText())) {
                tiersThatRanRevision3.add(job.path("tier").asText());
            }
        }
        assertThat(tiersThatRanRevision3).isNotEmpty().isSubsetOf("canary-gpu", "canary-spot");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(controller.url() + "/api/v1/services/demo/" + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String tail(String log) {
        return log.length() <= 8000 ? log : log.substring(log.length() - 8000);
    }

}

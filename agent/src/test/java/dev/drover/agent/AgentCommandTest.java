package dev.drover.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.agent.run.FakeController;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The agent command against a controller's agent endpoints on loopback. */
class AgentCommandTest {
    @TempDir
    Path state;
    private FakeController controller;
    private final ManualStop signals = new ManualStop();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        controller = new FakeController();
    }

    @AfterEach
    void stop() {
        signals.send();
        controller.close();
    }

    record Run(int code, String out, String err) {
    }

    private CompletableFuture<Integer> start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", controller.url(), "--state-dir", state.toString(),
                "--spot-notice-url", "none", "--nvidia-smi", "/nonexistent/nvidia-smi"));
        all.addAll(List.of(args));
        CommandLine cli = new CommandLine(new AgentCommand(signals));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return CompletableFuture.supplyAsync(() -> cli.execute(all.toArray(String[]::new)));
    }

    private Run agent(String... args) throws Exception {
        int code = start(args).get(30, TimeUnit.SECONDS);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void registersItsSlotsLabelsGpusAndHostWithItsTokenThenRunsUntilStopped() throws Exception {
        CompletableFuture<Integer> running = start("--token", "drv_agent", "--slots", "4", "--labels", "capacity=spot");

        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("registered with"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !controller.heartbeats.isEmpty());
        signals.send();

        assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("agent: slots=4").contains("capacity=spot").contains("gpus=none")
                .contains("as agent-test-1 (lease 30s, heartbeat every 1s, work polls up to 1s)").contains("agent: stopped");
        assertThat(controller.authorizations).containsOnly("Bearer drv_agent");
        assertThat(controller.registrations.get(0)).contains("\"slots\":4").contains("\"labels\":{\"capacity\":\"spot\"}")
                .contains("\"gpus\":[]").containsPattern("\"host\":\\{\"cpus\":[1-9][0-9]*,\"memoryBytes\":[1-9][0-9]*}")
                .contains("\"version\":\"0.1.0-SNAPSHOT\"");
    }

    @Test
    void twoAgentsCannotShareAStateDirectory() throws Exception {
        CompletableFuture<Integer> first = start("--token", "drv_agent");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("registered with"));

        StringWriter secondErr = new StringWriter();
        CommandLine second = new CommandLine(new AgentCommand(new ManualStop()));
        second.setOut(new PrintWriter(new StringWriter(), true));
        second.setErr(new PrintWriter(secondErr, true));
        int code = second.execute("--server", controller.url(), "--token", "drv_agent", "--state-dir", state.toString(),
                "--spot-notice-url", "none", "--nvidia-smi", "/nonexistent/nvidia-smi");

        assertThat(code).isEqualTo(1);
        assertThat(secondErr.toString()).contains("another agent uses the state directory");
        signals.send();
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aControllerWithoutAgentRegistrationIsNamedAsTooOld() throws Exception {
        controller.registerStatus = 404;
        Run run = agent("--token", "drv_agent");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("does not offer agent registration (404 on /api/v1/agents/register)").contains("upgrade it");
    }

    @Test
    void aRefusedTokenExitsWith3() throws Exception {
        controller.registerStatus = 401;
        Run run = agent("--token", "bad");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("refused this agent's token (401");
    }

    @Test
    void anUnreachableControllerIsWaitedForSayingWhy() throws Exception {
        controller.close();
        CompletableFuture<Integer> running = start("--token", "drv_agent");

        await().atMost(Duration.ofSeconds(10)).until(() -> err.toString().contains("cannot register yet: cannot reach the controller"));
        signals.send();
        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void badUsageExitsWith2SayingWhatIsWrong() throws Exception {
        Run labels = agent("--token", "t", "--labels", "capacity=cheap");
        assertThat(labels.code()).isEqualTo(2);
        assertThat(labels.err()).contains("capacity=cheap must be spot or on-demand");

        assertThat(agent("--token", "t", "--slots", "0").code()).isEqualTo(2);
        assertThat(agent("--token", "t", "--log-limit", "10").code()).isEqualTo(2);
        assertThat(agent("--token", "").err()).contains("DROVER_AGENT_TOKEN");
    }
}

package dev.drover.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.agent.docker.TestEngine;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.run.FakeController;
import dev.drover.agent.run.TestAssignments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code drover agent} against a controller on loopback and the real Docker engine: one job, start to acknowledged result. */
class AgentEndToEndTest {
    @TempDir
    Path state;

    @Test
    void runsTheAssignmentItIsGivenAndItsResultArrivesOnceAndLeavesTheSpool() throws Exception {
        TestEngine.client();
        ManualStop signals = new ManualStop();
        StringWriter out = new StringWriter();
        try (FakeController controller = new FakeController()) {
            Assignment assignment = TestAssignments.of(TestEngine.BASE, List.of("sh", "-c", "echo \"hello from $DROVER_JOB_ID\""),
                    Map.of("DROVER_JOB_ID", "job-42", "API_KEY", "never-printed"), TestAssignments.limits(64L << 20, 60));
            controller.work.add(assignment);
            CommandLine cli = new CommandLine(new AgentCommand(signals));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            CompletableFuture<Integer> agent = CompletableFuture.supplyAsync(() -> cli.execute("--server", controller.url(),
                    "--token", "drv_agent", "--state-dir", state.toString(), "--spot-notice-url", "none",
                    "--nvidia-smi", "/nonexistent/nvidia-smi", "--docker-host", TestEngine.HOST));

            await().atMost(Duration.ofSeconds(30)).until(() -> !controller.results.isEmpty());
            await().atMost(Duration.ofSeconds(5)).until(() -> spooled(state).isEmpty());
            Thread.sleep(1500); // a second delivery would come within this
            signals.send();

            assertThat(agent.get(30, TimeUnit.SECONDS)).isZero();
            AttemptResult result = controller.results.get(0);
            assertThat(controller.results).hasSize(1);
            assertThat(result.attemptId()).isEqualTo(assignment.attemptId());
            assertThat(result.outcome()).isEqualTo("succeeded");
            assertThat(result.log()).isEqualTo("hello from job-42\n");
            assertThat(result.memoryPeakBytes()).isPositive();
            assertThat(out.toString()).contains("agent: attempt " + assignment.attemptId() + " started")
                    .contains("agent: attempt " + assignment.attemptId() + " finished: succeeded (exit 0)")
                    .contains("result delivered (recorded)").contains("peak memory: ").doesNotContain("never-printed");
        }
    }

    private static List<Path> spooled(Path state) throws Exception {
        try (Stream<Path> files = Files.list(state.resolve("results"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}

package dev.drover.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import dev.drover.agent.measure.CgroupFs;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Limits;
import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.run.Console;
import dev.drover.agent.run.StopRequest;
import dev.drover.agent.run.TestAssignments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Attempts run as real containers on the engine of this host. */
class DockerContainerRunnerTest {
    private static DockerClient docker;
    private final StringWriter printed = new StringWriter();

    @BeforeAll
    static void engine() {
        docker = TestEngine.client();
    }

    /** Whether this host gives each attempt a cgroup of its own (cgroupfs driver): then peaks are exact, spikes included. */
    private static boolean exactPeaks() {
        return "cgroupfs".equals(DockerConnection.facts(docker).cgroupDriver()) && CgroupFs.host().writable();
    }

    private DockerContainerRunner runner(int logLimit) {
        boolean parents = exactPeaks();
        return new DockerContainerRunner(docker, new DockerContainerRunner.Options(new ContainerOwner("agent-test", "i-test"), "none", logLimit, parents,
                "/nonexistent/nvidia-smi", List.of()), CgroupFs.host(), new Console(new PrintWriter(printed), new PrintWriter(printed)),
                Clock.systemUTC());
    }

    private AttemptResult run(Assignment assignment) {
        return runner(1 << 20).run(assignment, new StopRequest());
    }

    private List<?> containersOf(Assignment assignment) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.drover.attempt", String.valueOf(assignment.attemptId()))).exec();
    }

    @Test
    void aZeroExitSucceedsWithItsOutputAndMeasurementsAndLeavesNoContainer() {
        Assignment assignment = TestAssignments.shell(TestEngine.BASE, "echo to-stdout; echo to-stderr >&2");

        AttemptResult result = run(assignment);

        assertThat(result.outcome()).isEqualTo("succeeded");
        assertThat(result.exitCode()).isZero();
        assertThat(result.log()).contains("to-stdout").contains("to-stderr");
        assertThat(result.memoryPeakBytes()).isPositive().isLessThan(64L << 20);
        assertThat(Duration.between(result.startedAt(), result.endedAt())).isPositive().isLessThan(Duration.ofSeconds(20));
        assertThat(containersOf(assignment)).isEmpty();
    }

    @Test
    void aNonZeroExitIsTheCodesFailure() {
        AttemptResult result = run(TestAssignments.shell(TestEngine.BASE, "echo failing; exit 3"));

        assertThat(result.outcome()).isEqualTo("code");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.detail()).contains("exited with code 3");
    }

    @Test
    void pastItsTimeoutItIsKilled() {
        long started = System.nanoTime();
        AttemptResult result = run(TestAssignments.of(TestEngine.BASE, List.of("sleep", "60"), Map.of(),
                TestAssignments.limits(64L << 20, 2)));

        assertThat(result.outcome()).isEqualTo("timeout");
        assertThat(result.detail()).contains("timeout of 2s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void growingPastItsMemoryLimitIsAnOomKillWithItsPeakNearTheLimit() {
        long limit = 16L << 20;
        AttemptResult result = run(TestAssignments.of(TestEngine.BASE,
                List.of("awk", "BEGIN { s = \"x\"; while (1) { s = s s; } }"), Map.of(), TestAssignments.limits(limit, 60)));

        assertThat(result.outcome()).isEqualTo("oom");
        if (exactPeaks()) {
            assertThat(result.memoryPeakBytes()).isBetween(limit * 3 / 4, limit * 11 / 10);
        } else { // systemd driver: sampled once a second, a spike this short may be missed
            assertThat(result.memoryPeakBytes() == null || result.memoryPeakBytes() <= limit * 11 / 10).isTrue();
        }
    }

    @Test
    void measuresCpuInCores() {
        AttemptResult result = run(TestAssignments.shell(TestEngine.BASE,
                "end=$(( $(date +%s) + 3 )); while [ $(date +%s) -lt $end ]; do :; done"));

        assertThat(result.outcome()).isEqualTo("succeeded");
        assertThat(result.cpuAvg()).isBetween(0.2, 1.2);
        assertThat(result.cpuPeak()).isGreaterThanOrEqualTo(result.cpuAvg()).isLessThan(1.3);
    }

    @Test
    void hasNoNetworkButLoopbackAndGetsItsEnv() {
        AttemptResult result = run(TestAssignments.of(TestEngine.BASE, List.of("sh", "-c", "ls /sys/class/net; echo \"greeting=$GREETING\""),
                Map.of("GREETING", "hello"), TestAssignments.limits(64L << 20, 60)));

        assertThat(result.outcome()).isEqualTo("succeeded");
        assertThat(result.log()).isEqualTo("lo\ngreeting=hello\n");
    }

    @Test
    void itsLimitsLabelsAndEnvReachTheEngineAndACancelStopsIt() throws Exception {
        Assignment assignment = TestAssignments.of(TestEngine.BASE, List.of("sleep", "60"), Map.of("SECRET", "s3cr3t"),
                new Limits(0.5, 48L << 20, 8L << 20, 0, 60, false));
        StopRequest stop = new StopRequest();
        CompletableFuture<AttemptResult> running = CompletableFuture.supplyAsync(() -> runner(1 << 20).run(assignment, stop));

        InspectContainerResponse container = inspectWhenRunning(assignment.attemptId());
        HostConfig host = container.getHostConfig();
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getMemory()).isEqualTo(48L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(48L << 20);
        assertThat(host.getShmSize()).isEqualTo(8L << 20);
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(container.getConfig().getLabels()).containsEntry("dev.drover.agent", "agent-test")
                .containsEntry("dev.drover.attempt", String.valueOf(assignment.attemptId()))
                .containsEntry("dev.drover.job", assignment.jobId());
        assertThat(container.getConfig().getEnv()).contains("SECRET=s3cr3t");

        stop.request(new StopRequest.Reason(Outcome.CANCELLED, "cancelled by the controller", Duration.ofSeconds(1)));
        AttemptResult result = running.get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo("cancelled");
        assertThat(result.detail()).isEqualTo("cancelled by the controller");
        assertThat(containersOf(assignment)).isEmpty();
        assertThat(printed.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aMissingImageIdIsAnInfrastructureFailureThatSaysWhy() {
        AttemptResult byId = run(TestAssignments.shell("sha256:" + "0".repeat(64), "true"));
        assertThat(byId.outcome()).isEqualTo("infra");
        assertThat(byId.detail()).contains("is not on this host").contains("cannot be pulled");

        AttemptResult byDigest = run(TestAssignments.shell("127.0.0.1:1/drover/absent@sha256:" + "1".repeat(64), "true"));
        assertThat(byDigest.outcome()).isEqualTo("infra");
        assertThat(byDigest.detail()).contains("cannot pull image 127.0.0.1:1/drover/absent@sha256:");
    }

    @Test
    void anImageMissingOnThisHostIsPulledByDigestFromTheRegistry() throws InterruptedException {
        String registry = System.getenv().getOrDefault("DROVER_TEST_REGISTRY", "127.0.0.1:5000");
        String repository = registry + "/drover-test/pull-" + System.nanoTime();
        docker.tagImageCmd(TestEngine.BASE, repository, "1").exec();
        docker.pushImageCmd(repository).withTag("1").start().awaitCompletion(60, TimeUnit.SECONDS);
        String byDigest = docker.inspectImageCmd(repository + ":1").exec().getRepoDigests().stream()
                .filter(d -> d.startsWith(repository + "@")).findFirst().orElseThrow();
        docker.removeImageCmd(repository + ":1").exec(); // the engine no longer knows the reference: it must pull it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> docker.inspectImageCmd(byDigest).exec())
                .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);

        AttemptResult result = run(TestAssignments.shell(byDigest, "echo pulled"));

        assertThat(result.outcome()).as(result.detail()).isEqualTo("succeeded");
        assertThat(result.log()).contains("pulled");
        assertThat(docker.inspectImageCmd(byDigest).exec().getRepoDigests()).contains(byDigest);
    }

    @Test
    void keepsTheHeadAndTailOfLongOutput() {
        AttemptResult result = runner(4096).run(TestAssignments.shell(TestEngine.BASE,
                "echo FIRST; i=0; while [ $i -lt 3000 ]; do echo line-$i; i=$((i+1)); done; echo LAST"), new StopRequest());

        assertThat(result.log()).startsWith("FIRST\n").endsWith("LAST\n").contains("bytes of output left out");
        assertThat(result.log().length()).isLessThan(4096 + 100);
    }

    private static InspectContainerResponse inspectWhenRunning(long attemptId) throws InterruptedException {
        String name = "attempt " + attemptId;
        for (int i = 0; i < 300; i++) {
            try {
                List<Container> found = docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of("dev.drover.attempt", String.valueOf(attemptId))).exec();
                if (found.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                InspectContainerResponse container = docker.inspectContainerCmd(found.get(0).getId()).exec();
                if (Boolean.TRUE.equals(container.getState().getRunning())) {
                    return container;
                }
            } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                // not created yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not start");
    }
}

package dev.drover.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import dev.drover.agent.measure.CgroupFs;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.run.TestAssignments;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a restarted agent finds of its containers on the real engine, and what it makes of them. */
class DockerRecoveryTest {
    private final DockerClient docker = TestEngine.client();
    private final ContainerOwner owner = new ContainerOwner("a1", "instance-" + TestAssignments.nextId());

    private String container(long attemptId, List<String> command, boolean start, boolean waitForExit) {
        return container(owner, attemptId, command, start, waitForExit);
    }

    private String container(ContainerOwner of, long attemptId, List<String> command, boolean start, boolean waitForExit) {
        Map<String, String> labels = new java.util.HashMap<>(of.labels());
        labels.put("dev.drover.attempt", String.valueOf(attemptId));
        String id = docker.createContainerCmd(TestEngine.BASE).withCmd(command).withLabels(labels)
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        if (start) {
            docker.startContainerCmd(id).exec();
        }
        if (waitForExit) {
            docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(30, TimeUnit.SECONDS);
        }
        return id;
    }

    @Test
    void endsAndRemovesEveryContainerOfThisAgentAndJudgesThoseNotYetReported() {
        long succeeded = TestAssignments.nextId();
        long stillRunning = TestAssignments.nextId();
        long failedAndSpooled = TestAssignments.nextId();
        long neverStarted = TestAssignments.nextId();
        container(succeeded, List.of("sh", "-c", "echo done"), true, true);
        container(stillRunning, List.of("sh", "-c", "trap \"exit 143\" TERM; sleep 60 & wait"), true, false);
        container(failedAndSpooled, List.of("sh", "-c", "exit 3"), true, true);
        container(neverStarted, List.of("true"), false, false);

        List<AttemptResult> results = new DockerRecovery(docker, owner, CgroupFs.host(), 1 << 20, Clock.systemUTC())
                .recover(attemptId -> attemptId == failedAndSpooled);

        assertThat(results).extracting(AttemptResult::attemptId).containsExactlyInAnyOrder(succeeded, stillRunning, neverStarted);
        assertThat(results).filteredOn(r -> r.attemptId() == succeeded).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("succeeded");
            assertThat(r.exitCode()).isZero();
            assertThat(r.log()).isEqualTo("done\n");
            assertThat(r.endedAt()).isAfterOrEqualTo(r.startedAt());
        });
        assertThat(results).filteredOn(r -> r.attemptId() == stillRunning).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("agent-lost");
            assertThat(r.detail()).isEqualTo("agent restarted");
        });
        assertThat(results).filteredOn(r -> r.attemptId() == neverStarted).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("agent-lost"));
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(owner.labels()).exec()).isEmpty();
    }

    @Test
    void leavesAloneTheContainersOfAnotherAgentWithTheSameIdAtAnotherController() {
        ContainerOwner namesake = new ContainerOwner(owner.agentId(), "instance-" + TestAssignments.nextId());
        long theirs = TestAssignments.nextId();
        String id = container(namesake, theirs, List.of("sh", "-c", "echo theirs"), true, true);
        try {
            List<AttemptResult> results = new DockerRecovery(docker, owner, CgroupFs.host(), 1 << 20, Clock.systemUTC())
                    .recover(attemptId -> false);

            assertThat(results).extracting(AttemptResult::attemptId).doesNotContain(theirs);
            assertThat(docker.inspectContainerCmd(id).exec().getId()).isEqualTo(id);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}

package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.drover.agent.measure.CgroupFs;
import dev.drover.agent.measure.Measurements;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.run.Recovery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * After a restart: every container labelled with this agent's id and instance ({@link ContainerOwner}) is ended and removed. One that exited is judged
 * from the engine's record ({@link Verdict}); one still running is stopped and reported {@code agent-lost}
 * ("agent restarted"), as is one the agent cannot judge (never started, or killed by a signal it cannot place).
 */
public final class DockerRecovery implements Recovery {
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private final DockerClient docker;
    private final ContainerOwner owner;
    private final CgroupFs cgroups;
    private final int logLimit;
    private final Clock clock;

    public DockerRecovery(DockerClient docker, ContainerOwner owner, CgroupFs cgroups, int logLimit, Clock clock) {
        this.docker = docker;
        this.owner = owner;
        this.cgroups = cgroups;
        this.logLimit = logLimit;
        this.clock = clock;
    }

    @Override
    public List<AttemptResult> recover(LongPredicate alreadyReported) {
        List<AttemptResult> results = new ArrayList<>();
        List<Container> left = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(owner.labels()).exec();
        for (Container container : left) {
            long attemptId;
            try {
                attemptId = Long.parseLong(container.getLabels().get(ContainerSpec.ATTEMPT_LABEL));
            } catch (NumberFormatException | NullPointerException e) {
                continue; // not one of ours after all
            }
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container.getId()).exec().getState();
            boolean running = Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getPaused());
            if (running) {
                new ContainerStops(docker).stopNow(container.getId(), STOP_GRACE);
            }
            if (!alreadyReported.test(attemptId)) {
                results.add(result(attemptId, container.getId(), running, state));
            }
            docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
            cgroups.attempt(attemptId).remove();
        }
        return results;
    }

    private AttemptResult result(long attemptId, String containerId, boolean wasRunning, InspectContainerResponse.ContainerState state) {
        Instant started = instant(state.getStartedAt());
        Instant finished = instant(state.getFinishedAt());
        Integer exit = state.getExitCodeLong() == null ? null : state.getExitCodeLong().intValue();
        Verdict verdict;
        if (wasRunning) {
            verdict = new Verdict(Outcome.AGENT_LOST, "agent restarted");
        } else if (started == null) {
            verdict = new Verdict(Outcome.AGENT_LOST, "agent restarted before the container started");
        } else if (!Boolean.TRUE.equals(state.getOOMKilled()) && exit != null && (exit == 137 || exit == 143)) {
            verdict = new Verdict(Outcome.AGENT_LOST, "agent restarted; the container had been killed (exit " + exit
                    + ") and the agent cannot tell by whom");
        } else {
            verdict = Verdict.of(false, 0, Optional.empty(), Boolean.TRUE.equals(state.getOOMKilled()), exit, null);
        }
        Measurements measurements = new Measurements();
        cgroups.attempt(attemptId).peakMemory().ifPresent(measurements::memory);
        Instant end = wasRunning || finished == null ? clock.instant() : finished;
        if (started != null && end.isBefore(started)) {
            end = started; // the engine records a very short run's start after its finish
        }
        Measurements.Usage usage = measurements.usage(started == null ? Duration.ZERO : Duration.between(started, end));
        return new AttemptResult(attemptId, verdict.outcome().wireName(), wasRunning ? null : exit, started, end,
                null, null, usage.memoryPeakBytes(), null, null, verdict.detail(), ContainerLogs.collect(docker, containerId, logLimit));
    }

    /** The engine's timestamps; its zero time ({@code 0001-01-01...}) means never. */
    private static Instant instant(String text) {
        try {
            Instant instant = text == null ? null : Instant.parse(text);
            return instant == null || instant.isBefore(Instant.EPOCH) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.drover.agent.measure.AttemptCgroup;
import dev.drover.agent.measure.CgroupFs;
import dev.drover.agent.measure.GpuSampler;
import dev.drover.agent.measure.Measurements;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.run.Console;
import dev.drover.agent.run.ContainerRunner;
import dev.drover.agent.run.StopRequest;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs attempts as Docker containers: image present (pulled by digest when not), container created with the
 * attempt's command, env, labels and limits, started, waited for up to its timeout (then killed), measured while it
 * runs, judged ({@link Verdict}), its output kept (head and tail), and removed.
 */
public final class DockerContainerRunner implements ContainerRunner {
    /**
     * @param network       the network for attempts whose limits allow one; the others get {@code none}
     * @param logLimit      bytes of output kept per attempt
     * @param cgroupParents give each container a cgroup of its own attempt to read peak memory from after it exits
     * @param nvidiaSmi     the tool to sample GPU use with
     * @param gpus          the host's GPU indexes, handed out one attempt at a time
     */
    public record Options(ContainerOwner owner, String network, int logLimit, boolean cgroupParents, String nvidiaSmi, List<Integer> gpus) {
    }

    private final DockerClient docker;
    private final Options options;
    private final CgroupFs cgroups;
    private final Console console;
    private final Clock clock;
    private final Images images;
    private final ContainerStops stops;
    private final GpuPool gpuPool;
    private final AtomicBoolean parents;

    public DockerContainerRunner(DockerClient docker, Options options, CgroupFs cgroups, Console console, Clock clock) {
        this.docker = docker;
        this.options = options;
        this.cgroups = cgroups;
        this.console = console;
        this.clock = clock;
        this.images = new Images(docker, Duration.ofMinutes(30));
        this.stops = new ContainerStops(docker);
        this.gpuPool = new GpuPool(options.gpus());
        this.parents = new AtomicBoolean(options.cgroupParents());
    }

    @Override
    public AttemptResult run(Assignment assignment, StopRequest stop) {
        Instant began = clock.instant();
        Optional<String> missing = images.ensure(assignment.image());
        if (missing.isPresent()) {
            return ended(assignment, new Verdict(Outcome.INFRA, missing.get()), null, began, null, "");
        }
        List<Integer> gpuIds = gpuPool.take(assignment.limits().gpus());
        AttemptCgroup cgroup = parents.get() ? cgroups.attempt(assignment.attemptId()) : null;
        String containerId;
        try {
            ContainerSpec spec = ContainerSpec.of(assignment, options.owner(), options.network(), gpuIds,
                    cgroup == null ? null : cgroup.parent());
            containerId = docker.createContainerCmd(assignment.image()).withName(spec.name()).withCmd(spec.command())
                    .withEnv(spec.env()).withLabels(spec.labels()).withHostConfig(spec.hostConfig()).exec().getId();
        } catch (RuntimeException e) {
            gpuPool.give(gpuIds);
            return ended(assignment, new Verdict(Outcome.INFRA, "the engine refused to create the container: " + e.getMessage()),
                    null, began, null, "");
        }
        try {
            return runContainer(assignment, stop, containerId, cgroup, gpuIds);
        } finally {
            try {
                docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException e) {
                console.warn("attempt " + assignment.attemptId() + ": could not remove container " + containerId + ": " + e.getMessage());
            }
            gpuPool.give(gpuIds);
            if (cgroup != null) {
                cgroup.remove();
            }
        }
    }

    private AttemptResult runContainer(Assignment assignment, StopRequest stop, String containerId, AttemptCgroup cgroup,
                                       List<Integer> gpuIds) {
        stop.onRequest(reason -> stops.stopLater(containerId, reason.grace()));
        Instant started = clock.instant();
        if (stop.reason().isPresent()) {
            return ended(assignment, Verdict.of(false, 0, stop.reason(), false, null, null), null, started, started, "");
        }
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (RuntimeException e) {
            return ended(assignment, new Verdict(Outcome.INFRA, "the engine could not start the container: " + e.getMessage()),
                    null, started, clock.instant(), ContainerLogs.collect(docker, containerId, options.logLimit()));
        }
        stop.reason().ifPresent(reason -> stops.stopLater(containerId, reason.grace())); // asked while it started
        if (cgroup != null && !cgroup.exists() && parents.compareAndSet(true, false)) {
            console.warn("the attempt cgroup " + cgroup.parent() + " is not visible at " + cgroups.root()
                    + ": peak memory comes from the engine's samples from now on");
        }
        Measurements measurements = new Measurements();
        long timeout = assignment.limits().timeoutSeconds();
        Closeable sampling = StatsSampler.start(docker, containerId, measurements, cgroups,
                assignment.limits().gpus() > 0 ? new GpuSampler(options.nvidiaSmi()) : null, new HashSet<>(gpuIds));
        boolean timedOut = !new ContainerExit(docker).await(containerId, timeout > 0 ? Duration.ofSeconds(timeout) : null);
        if (timedOut) {
            stops.stopNow(containerId, Duration.ZERO);
            new ContainerExit(docker).await(containerId, Duration.ofSeconds(30));
        }
        Instant ended = clock.instant();
        try {
            sampling.close();
        } catch (IOException e) {
            // the stats stream is over either way
        }
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
        if (cgroup != null && cgroup.exists()) {
            cgroup.peakMemory().ifPresent(measurements::memory);
            cgroup.cpuNanos().ifPresent(measurements::cpuTime);
        }
        Integer exitCode = state.getExitCodeLong() == null ? null : state.getExitCodeLong().intValue();
        Verdict verdict = Verdict.of(timedOut, timeout, stop.reason(), Boolean.TRUE.equals(state.getOOMKilled()),
                exitCode, assignment.limits().memoryBytes());
        return ended(assignment, verdict, exitCode, started, ended,
                ContainerLogs.collect(docker, containerId, options.logLimit()), measurements.usage(Duration.between(started, ended)));
    }

    private AttemptResult ended(Assignment assignment, Verdict verdict, Integer exitCode, Instant started, Instant ended, String log) {
        Instant end = ended == null ? clock.instant() : ended;
        return ended(assignment, verdict, exitCode, started, end, log, new Measurements.Usage(null, null, null, null, null));
    }

    private static AttemptResult ended(Assignment assignment, Verdict verdict, Integer exitCode, Instant started, Instant ended,
                                       String log, Measurements.Usage usage) {
        return new AttemptResult(assignment.attemptId(), verdict.outcome().wireName(), exitCode, started, ended,
                usage.cpuAvg(), usage.cpuPeak(), usage.memoryPeakBytes(), usage.gpuUtilization(), usage.gpuMemoryBytes(),
                verdict.detail(), log);
    }
}

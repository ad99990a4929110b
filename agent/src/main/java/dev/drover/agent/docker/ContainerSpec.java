package dev.drover.agent.docker;

import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.Limits;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How an assignment becomes a container: a name, labels that find it again after a restart, its command and env,
 * and the limits as the engine's host config. {@link #env()} holds resolved secrets: it goes to the engine only.
 */
record ContainerSpec(String name, List<String> command, List<String> env, Map<String, String> labels, HostConfig hostConfig) {
    static final String ATTEMPT_LABEL = "dev.drover.attempt";
    static final String JOB_LABEL = "dev.drover.job";

    /**
     * @param network      the network mode for attempts whose limits allow a network ({@code bridge}, {@code host}, ...)
     * @param gpuIds       the GPUs picked for it (device ids); empty with GPUs wanted: the engine is asked for a count
     * @param cgroupParent the attempt's own cgroup, or null for the engine's default
     */
    static ContainerSpec of(Assignment assignment, ContainerOwner owner, String network, List<Integer> gpuIds, String cgroupParent) {
        Limits limits = assignment.limits();
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(limits.network() ? network : "none")
                .withCgroupParent(cgroupParent);
        if (limits.vcpus() > 0) {
            host.withNanoCPUs(Math.round(limits.vcpus() * 1_000_000_000L));
        }
        if (limits.memoryBytes() > 0) {
            host.withMemory(limits.memoryBytes()).withMemorySwap(limits.memoryBytes()); // swap = memory: no swap at all
        }
        if (limits.shmBytes() > 0) {
            host.withShmSize(limits.shmBytes());
        }
        if (limits.gpus() > 0) {
            DeviceRequest gpus = new DeviceRequest().withDriver("nvidia").withCapabilities(List.of(List.of("gpu")));
            host.withDeviceRequests(List.of(gpuIds.isEmpty() ? gpus.withCount(limits.gpus())
                    : gpus.withDeviceIds(gpuIds.stream().map(String::valueOf).toList())));
        }
        List<String> env = assignment.env() == null ? List.of()
                : assignment.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        Map<String, String> labels = new HashMap<>(owner.labels());
        labels.put(ATTEMPT_LABEL, String.valueOf(assignment.attemptId()));
        labels.put(JOB_LABEL, String.valueOf(assignment.jobId()));
        return new ContainerSpec(name(assignment.attemptId()),
                assignment.command() == null ? List.of() : assignment.command(), env, labels, host);
    }

    /**
     * {@code drover-attempt-<id>-<random>}: readable, and unique even where two controllers (a demo and a test run)
     * share one engine and both have an attempt 1. A restart finds its containers by label, never by name.
     */
    static String name(long attemptId) {
        return "drover-attempt-" + attemptId + "-" + HexFormat.of().toHexDigits((int) ThreadLocalRandom.current().nextLong());
    }

    @Override
    public String toString() {
        return "ContainerSpec[" + name + ", " + labels + ", " + env.size() + " env values]"; // never the values
    }
}

package dev.drover.agent.protocol;

import java.time.Instant;

/**
 * What an attempt came to, as the agent measured it. Kept on the agent's disk until acknowledged.
 *
 * @param outcome        {@link Outcome#wireName()}
 * @param cpuAvg         average CPU use in cores over the run
 * @param cpuPeak        highest CPU use in cores seen in one sample
 * @param memoryPeakBytes the container's real peak memory (cgroup v2 {@code memory.peak}, or v1 max usage)
 * @param gpuUtilization average GPU utilisation in percent, when the attempt had GPUs
 * @param gpuMemoryBytes peak GPU memory, when the attempt had GPUs
 * @param detail         what happened in words (e.g. the engine's error), for people
 * @param log            the container's output (capped by the agent)
 */
public record AttemptResult(long attemptId, String outcome, Integer exitCode, Instant startedAt, Instant endedAt,
                            Double cpuAvg, Double cpuPeak, Long memoryPeakBytes, Double gpuUtilization,
                            Long gpuMemoryBytes, String detail, String log) {
}

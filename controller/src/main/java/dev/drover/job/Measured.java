package dev.drover.job;

import dev.drover.agent.protocol.Outcome;
import java.time.Instant;

/**
 * What an agent reported for an attempt, plus the cost the controller put on it.
 *
 * @param instanceType     the instance type it (last) ran on, where the backend says (AWS Batch); else null
 * @param availabilityZone its zone likewise
 * @param receivedAt       when the controller took the result, by its own clock: what windows count by
 */
public record Measured(Outcome outcome, Integer exitCode, Instant startedAt, Instant endedAt, Double cpuAvg,
                       Double cpuPeak, Long memoryPeak, Double gpuUtilization, Long gpuMemory, Double cost,
                       String detail, String log, String logTail, String instanceType, String availabilityZone,
                       Instant receivedAt) {

    public Long durationMillis() {
        return startedAt == null || endedAt == null ? null : Math.max(0, endedAt.toEpochMilli() - startedAt.toEpochMilli());
    }
}

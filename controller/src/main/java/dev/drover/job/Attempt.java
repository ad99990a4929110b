package dev.drover.job;

import dev.drover.agent.protocol.Outcome;
import java.time.Instant;

/**
 * One try of a job on one agent, with what was measured.
 *
 * @param running true until its result is ingested or it is given up on (agent lost)
 * @param cost    duration × the target's price per hour × the job's dominant share of the host
 * @param instanceType     the instance type it (last) ran on, where its backend says (AWS Batch); else null
 * @param availabilityZone that host's zone likewise
 * @param receivedAt       when the controller took its result, by the controller's clock (null while running);
 *                         {@code startedAt}/{@code endedAt} are the agent's clock and give the duration only
 */
public record Attempt(long id, String jobId, int number, long agentId, long serviceId, String tier, int revision, Arm arm,
                      boolean running, Outcome outcome, Integer exitCode, Instant dispatchedAt, Instant startedAt,
                      Instant endedAt, Long durationMillis, Double cpuAvg, Double cpuPeak, Long memoryPeak,
                      Double gpuUtilization, Long gpuMemory, Double cost, String detail, String logTail,
                      String instanceType, String availabilityZone, Instant receivedAt) {
}

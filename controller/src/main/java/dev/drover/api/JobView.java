package dev.drover.api;

import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.ListedJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it, with its attempts when asked for one job; a replay names the job it repeats.
 *
 * @param outcome        how its latest attempt ended (null before its first and while the latest runs)
 * @param durationMillis its latest attempt's duration (null likewise)
 * @param cost           the sum of its attempts' costs (null when none was priced)
 */
public record JobView(String id, String service, Map<String, String> params, boolean requiresGpu, Integer pinnedRevision,
                      String tier, Integer revision, String arm, String status, String reason, int attempts,
                      Instant submittedAt, Instant finishedAt, String replayOf, List<AttemptView> attemptList,
                      String outcome, Long durationMillis, Double cost) {

    /**
     * One attempt with what was measured.
     *
     * @param instanceType     the instance type it (last) ran on, where its backend says (AWS Batch); else null
     * @param availabilityZone that host's zone likewise
     * @param startedAt        by the agent's clock, as is {@code endedAt}: they give the duration
     * @param receivedAt       when the controller took the result, by its own clock (null while running)
     */
    public record AttemptView(int number, String agent, String tier, int revision, String arm, boolean running,
                              String outcome, Integer exitCode, Instant startedAt, Instant endedAt, Long durationMillis,
                              Double cpuAvg, Double cpuPeak, Long memoryPeakBytes, Double gpuUtilization,
                              Long gpuMemoryBytes, Double cost, String detail, String logTail, String instanceType,
                              String availabilityZone, Instant receivedAt) {
        static AttemptView of(Attempt a) {
            return new AttemptView(a.number(), "a" + a.agentId(), a.tier(), a.revision(), a.arm().wireName(), a.running(),
                    a.outcome() == null ? null : a.outcome().wireName(), a.exitCode(), a.startedAt(), a.endedAt(),
                    a.durationMillis(), a.cpuAvg(), a.cpuPeak(), a.memoryPeak(), a.gpuUtilization(), a.gpuMemory(),
                    a.cost(), a.detail(), a.logTail(), a.instanceType(), a.availabilityZone(), a.receivedAt());
        }
    }

    /** A job with its attempts (oldest first), or with null for a job known to have none yet. */
    static JobView of(Job j, String service, List<Attempt> attempts) {
        return of(ListedJob.of(j, attempts == null ? List.of() : attempts), service, attempts);
    }

    /** A list's row: the latest outcome, duration and cost as the store summed them, without the attempts. */
    static JobView of(ListedJob listed, String service) {
        return of(listed, service, null);
    }

    private static JobView of(ListedJob listed, String service, List<Attempt> attempts) {
        Job j = listed.job();
        return new JobView(j.id(), service, j.params(), j.requiresGpu(), j.pinnedRevision(), j.tier(), j.revision(),
                j.arm() == null ? null : j.arm().wireName(), j.status().wireName(), j.reason(), j.attempts(),
                j.submittedAt(), j.finishedAt(), j.replayOf(),
                attempts == null ? null : attempts.stream().map(AttemptView::of).toList(),
                listed.outcome() == null ? null : listed.outcome().wireName(), listed.durationMillis(), listed.cost());
    }
}

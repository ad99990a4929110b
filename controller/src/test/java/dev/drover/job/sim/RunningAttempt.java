package dev.drover.job.sim;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import java.time.Instant;

/** An attempt a simulated host started at {@code startedAt}, and what it will come to. */
record RunningAttempt(Assignment assignment, Instant startedAt, Run run) {

    Instant endsAt() {
        return startedAt.plus(run.duration());
    }

    /** The result the host posts when the run ends. */
    AttemptResult result() {
        return result(run.outcome(), run.exitCode(), endsAt(), run.memoryPeakBytes(), run.detail());
    }

    /** The result the host posts when it stops the run at {@code now} because its job was cancelled. */
    AttemptResult cancelled(Instant now) {
        return result(Outcome.CANCELLED, HostLimits.KILLED, now, run.memoryPeakBytes(), "cancelled by the controller");
    }

    private AttemptResult result(Outcome outcome, Integer exitCode, Instant endedAt, long memoryPeak, String detail) {
        double vcpus = assignment.limits().vcpus();
        double cpuPeak = vcpus > 0 ? Math.min(1.0, vcpus) : 1.0;
        String log = "simulated attempt " + assignment.attempt() + " of job " + assignment.jobId() + " on tier "
                + assignment.tier() + " (revision " + assignment.revision() + "): " + outcome.wireName() + "\n";
        return new AttemptResult(assignment.attemptId(), outcome.wireName(), exitCode, startedAt, endedAt, cpuPeak / 10,
                cpuPeak, memoryPeak, null, null, detail, log);
    }
}

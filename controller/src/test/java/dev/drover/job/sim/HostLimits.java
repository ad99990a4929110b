package dev.drover.job.sim;

import dev.drover.agent.protocol.Limits;
import dev.drover.agent.protocol.Outcome;
import java.time.Duration;

/**
 * What a simulated host makes of a run under its attempt's limits, as the real agent and engine do:
 * a run holding more than its memory limit is OOM-killed while it allocates (the demo worker
 * allocates first, within {@link #ALLOCATION}); one still running at its timeout is killed then.
 * A run that kills its host is left as it is.
 */
final class HostLimits {
    static final Duration ALLOCATION = Duration.ofSeconds(1);
    static final int KILLED = 137;

    private HostLimits() {
    }

    static Run apply(Run run, Limits limits) {
        if (run.killsHost()) {
            return run;
        }
        Run limited = run;
        if (limits.memoryBytes() > 0 && run.memoryPeakBytes() > limits.memoryBytes()) {
            Duration at = run.duration().compareTo(ALLOCATION) < 0 ? run.duration() : ALLOCATION;
            limited = new Run(Outcome.OOM, KILLED, at, limits.memoryBytes(),
                    "killed for using more memory than its limit of " + limits.memoryBytes() / DemoWorker.MIB + " MiB");
        }
        Duration timeout = Duration.ofSeconds(limits.timeoutSeconds());
        if (limits.timeoutSeconds() > 0 && limited.duration().compareTo(timeout) > 0) {
            limited = new Run(Outcome.TIMEOUT, KILLED, timeout, limited.memoryPeakBytes(),
                    "ran past its timeout of " + limits.timeoutSeconds() + "s and was killed");
        }
        return limited;
    }
}

package dev.drover.job.sim;

import dev.drover.agent.protocol.Outcome;
import java.time.Duration;
import java.util.Objects;

/**
 * What one simulated attempt comes to, as its host would measure it: how it ends, after how long,
 * and its peak memory. An outcome of {@code agent-lost} is no report at all: the host dies at that
 * moment ({@link #killsHost}) and the controller's reaper records the loss on its own.
 */
public record Run(Outcome outcome, Integer exitCode, Duration duration, long memoryPeakBytes, String detail) {

    public Run {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || memoryPeakBytes < 0) {
            throw new IllegalArgumentException("a run lasts 0 or more and holds 0 or more bytes: " + duration
                    + ", " + memoryPeakBytes);
        }
    }

    /** Exits with {@code code} after {@code duration}: succeeded for 0, a code failure otherwise. */
    public static Run exits(int code, Duration duration, long memoryPeakBytes) {
        return code == 0 ? new Run(Outcome.SUCCEEDED, 0, duration, memoryPeakBytes, null)
                : new Run(Outcome.CODE, code, duration, memoryPeakBytes, "exited with code " + code);
    }

    /** The spot host is reclaimed after {@code after}; the host reports the attempt as interrupted. */
    public static Run spotInterruption(Duration after, long memoryPeakBytes) {
        return new Run(Outcome.SPOT_INTERRUPTION, null, after, memoryPeakBytes, "the spot host is being reclaimed");
    }

    /** The host dies after {@code after}: it stops heartbeating and its attempts vanish unreported. */
    public static Run killsHost(Duration after) {
        return new Run(Outcome.AGENT_LOST, null, after, 0, "the host died");
    }

    public boolean killsHost() {
        return outcome == Outcome.AGENT_LOST;
    }
}

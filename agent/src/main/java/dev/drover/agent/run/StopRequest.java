package dev.drover.agent.run;

import dev.drover.agent.protocol.Outcome;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Someone else's wish that a running attempt stop (its job was cancelled, the spot host is going, the lease
 * was lost, the agent is shutting down), and how to carry it out. The first reason wins; the runner reports
 * the attempt with that outcome. A reason given before the runner registers its action is applied on registration.
 */
public final class StopRequest {
    /** Why, what to report, and how long the container gets between SIGTERM and SIGKILL. */
    public record Reason(Outcome outcome, String detail, Duration grace) {
    }

    private Reason reason;
    private Consumer<Reason> action;

    /** Records the reason (if none yet) and applies it; true when this call was the first. */
    public boolean request(Reason wanted) {
        Consumer<Reason> apply;
        synchronized (this) {
            if (reason != null) {
                return false;
            }
            reason = wanted;
            apply = action;
        }
        if (apply != null) {
            apply.accept(wanted);
        }
        return true;
    }

    /** How to stop the attempt (the runner's part, e.g. {@code docker stop}); runs now if a reason is already given. */
    public void onRequest(Consumer<Reason> stop) {
        Reason already;
        synchronized (this) {
            action = stop;
            already = reason;
        }
        if (already != null) {
            stop.accept(already);
        }
    }

    public synchronized Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }
}

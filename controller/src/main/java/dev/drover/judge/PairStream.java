package dev.drover.judge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Pairs jobs as they come in dispatch order: unpaired jobs wait in order on their arm, and the oldest
 * waiting candidate job pairs with the oldest waiting baseline job. At most {@link #WAITING} jobs wait
 * per arm; beyond that an arm's oldest is dropped, so partners stay close in time even with a small
 * canary share (and a slowdown common to both arms cancels out). Which jobs pair depends on dispatch
 * order only, never on outcomes. Used by {@link Pairs} over a stage's evidence, and job by job by the
 * benchmark.
 *
 * @param <T> what a job is to the caller
 */
public final class PairStream<T> {
    /** Unpaired jobs kept per arm. */
    public static final int WAITING = 8;

    private final Deque<T> candidates = new ArrayDeque<>();
    private final Deque<T> baselines = new ArrayDeque<>();

    /** Adds the next job in dispatch order; the pair it completes, if it does. */
    public Optional<Pair<T>> add(boolean isCandidate, T job) {
        Deque<T> waiting = isCandidate ? candidates : baselines;
        waiting.addLast(job);
        if (waiting.size() > WAITING) {
            waiting.removeFirst();
        }
        if (candidates.isEmpty() || baselines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pair<>(candidates.removeFirst(), baselines.removeFirst()));
    }

    /** A candidate job and the baseline job it is compared with. */
    public record Pair<T>(T candidate, T baseline) {
    }
}

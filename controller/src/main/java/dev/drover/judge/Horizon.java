package dev.drover.judge;

import java.util.List;

/**
 * The fixed horizon of one arm for one gate: the first {@code n} attempts of a population (judged jobs,
 * finished attempts, successes) by dispatch time. It is final only when it is full and no attempt
 * dispatched before its last one still runs, so slow or lost attempts are never left out in favour of
 * quicker later ones.
 */
record Horizon(List<Sample> samples, int n, int earlierRunning) {

    static Horizon of(List<Sample> population, ArmEvidence arm, int n) {
        List<Sample> head = population.size() <= n ? population : population.subList(0, n);
        int earlier = head.size() < n ? 0 : arm.runningSince(head.get(head.size() - 1).dispatchedAt());
        return new Horizon(head, n, earlier);
    }

    boolean complete() {
        return samples.size() >= n && earlierRunning == 0;
    }

    int size() {
        return samples.size();
    }

    /** {@code 38}, or {@code 40 (3 earlier still running)}. */
    String progress() {
        return samples.size() + (earlierRunning > 0 ? " (" + earlierRunning + " dispatched earlier still running)" : "");
    }
}

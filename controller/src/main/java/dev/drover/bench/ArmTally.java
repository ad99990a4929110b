package dev.drover.bench;

import java.util.Arrays;

/** What one arm has shown so far: judged completions, code failures, and the durations of its successes. */
final class ArmTally {
    private int judged;
    private int failures;
    private double[] durations = new double[256];
    private int successes;

    void add(Job job) {
        if (!job.outcome().judged()) {
            return;
        }
        judged++;
        if (job.outcome().codeFailure()) {
            failures++;
        } else {
            if (successes == durations.length) {
                durations = Arrays.copyOf(durations, 2 * successes);
            }
            durations[successes++] = job.durationMinutes();
        }
    }

    int judged() {
        return judged;
    }

    int failures() {
        return failures;
    }

    int successes() {
        return successes;
    }

    /** The successes' durations, valid up to {@link #successes()}; callers must not change them. */
    double[] durations() {
        return durations;
    }
}

package dev.drover.bench;

/** What one arm has shown so far: judged completions and code failures among them. */
final class ArmTally {
    private int judged;
    private int failures;

    void add(Job job) {
        if (!job.outcome().judged()) {
            return;
        }
        judged++;
        failures += job.outcome().codeFailure() ? 1 : 0;
    }

    int judged() {
        return judged;
    }

    int failures() {
        return failures;
    }
}

package dev.drover.bench;

/** Hand-made completions for a procedure under test: each call completes one job and returns the decision. */
final class Feed {
    private final Procedure procedure;
    private int id;
    private double hours;

    Feed(Procedure procedure) {
        this.procedure = procedure;
    }

    Decision job(Arm arm, Outcome outcome, double minutes) {
        hours += 0.01;
        Job job = new Job(id++, arm, hours - minutes / 60, hours, outcome, minutes, 1, 0);
        procedure.started(job.dispatch());
        return procedure.completed(job);
    }

    /** {@code n} jobs of each arm, alternating, all the same; the last decision. */
    Decision pairs(int n, Outcome candidate, double candidateMinutes, Outcome baseline, double baselineMinutes) {
        Decision last = Decision.CONTINUE;
        for (int i = 0; i < n; i++) {
            job(Arm.CANDIDATE, candidate, candidateMinutes);
            last = job(Arm.BASELINE, baseline, baselineMinutes);
        }
        return last;
    }
}

package dev.drover.bench;

import java.util.List;
import java.util.function.Function;

/**
 * One replication: one seeded stream fed, event by event in time order, to a fresh instance of every
 * procedure, until each has decided or both arms reach the monitoring cap.
 */
final class Replication {
    private Replication() {
    }

    static Verdict[] run(Scenario scenario, Design design, List<Function<Design, Procedure>> factories, long seed) {
        CanaryStream stream = new Simulator(scenario, seed).stream();
        int k = factories.size();
        Procedure[] procedures = new Procedure[k];
        for (int p = 0; p < k; p++) {
            procedures[p] = factories.get(p).apply(design);
        }
        Verdict[] verdicts = new Verdict[k];
        int open = k;
        int candidateJobs = 0;
        int baselineJobs = 0;
        int failed = 0;
        double now = 0;
        for (int e = 0; e < stream.events() && open > 0; e++) {
            Job job = stream.job(e);
            if (!stream.completion(e)) {
                for (int p = 0; p < k; p++) {
                    if (verdicts[p] == null) {
                        procedures[p].started(job.dispatch());
                    }
                }
                continue;
            }
            now = job.endHours();
            if (job.outcome().judged()) {
                if (job.candidate()) {
                    candidateJobs++;
                    failed += job.outcome().codeFailure() ? 1 : 0;
                } else {
                    baselineJobs++;
                }
            }
            for (int p = 0; p < k; p++) {
                if (verdicts[p] != null) {
                    continue;
                }
                Decision d = procedures[p].completed(job);
                if (d.decided()) {
                    verdicts[p] = verdict(d, candidateJobs, Math.min(candidateJobs, baselineJobs), now, failed);
                    open--;
                }
            }
            if (candidateJobs >= design.cap() && baselineJobs >= design.cap()) {
                break;
            }
        }
        for (int p = 0; p < k; p++) {
            if (verdicts[p] == null) {
                verdicts[p] = new Verdict(Verdict.Kind.NONE, null, candidateJobs,
                        Math.min(candidateJobs, baselineJobs), now, failed);
            }
        }
        return verdicts;
    }

    private static Verdict verdict(Decision d, int candidateJobs, int perArm, double now, int failed) {
        if (d instanceof Decision.Rollback r) {
            return new Verdict(Verdict.Kind.ROLLBACK, r.gate(), candidateJobs, perArm, now, failed);
        }
        return new Verdict(Verdict.Kind.PROMOTE, null, candidateJobs, perArm, now, failed);
    }
}

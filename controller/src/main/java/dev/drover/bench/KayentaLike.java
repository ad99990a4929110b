package dev.drover.bench;

/**
 * Kayenta-like: at 3 cumulative looks (N_FH/3, 2 N_FH/3, N_FH judged jobs per arm), a two-sided test at
 * 98% confidence per metric (two-proportion z on code failures, Mann-Whitney on durations); a look fails
 * when a metric differs significantly in the harmful direction (so one-sided 1% per look and metric).
 * Kayenta's own setting, not derived from the 5% budget: the Bonferroni bound over 3 looks and 2 metrics
 * is 6%, but the cumulative looks are correlated, so the A/A rate it reaches is measured, not assumed.
 * Rolls back at the first failing look, promotes after the third.
 */
final class KayentaLike implements Procedure {
    static final int LOOKS = 3;
    static final double CONFIDENCE = 0.98;
    private final Design design;
    private final Arms arms = new Arms();
    private int look = 1;

    KayentaLike(Design design) {
        this.design = design;
    }

    @Override
    public Decision completed(Job job) {
        if (!arms.add(job) || arms.perArm() < (long) design.nfh() * look / LOOKS) {
            return Decision.CONTINUE;
        }
        double oneSided = (1 - CONFIDENCE) / 2;
        look++;
        if (arms.failsMoreZ(oneSided)) {
            return Decision.rollback(Design.FAILURE_RATE);
        }
        if (arms.slowerMannWhitney(oneSided)) {
            return Decision.rollback(Design.DURATION);
        }
        return look > LOOKS ? Decision.PROMOTE : Decision.CONTINUE;
    }
}

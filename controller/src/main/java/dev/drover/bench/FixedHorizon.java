package dev.drover.bench;

/**
 * The textbook anchor: one look when each arm has N_FH judged completions, using every completion of both
 * arms so far: one-sided Fisher exact on code failures and one-sided Mann-Whitney on the successes'
 * durations, each at alpha / 2 (Bonferroni). Promotes at that look unless a gate fails.
 */
final class FixedHorizon implements Procedure {
    private final Design design;
    private final Arms arms = new Arms();

    FixedHorizon(Design design) {
        this.design = design;
    }

    @Override
    public Decision completed(Job job) {
        if (!arms.add(job) || arms.perArm() < design.nfh()) {
            return Decision.CONTINUE;
        }
        return arms.fixedLook(design.alphaPerGate(), Decision.PROMOTE);
    }
}

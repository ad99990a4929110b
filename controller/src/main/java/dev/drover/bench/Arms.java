package dev.drover.bench;

/** Both arms' tallies, for the anchors that compare candidate and baseline. */
final class Arms {
    final ArmTally candidate = new ArmTally();
    final ArmTally baseline = new ArmTally();
    private final RankSum durations = new RankSum();

    /** Adds a completed job; true when it was judged (so the counts moved). */
    boolean add(Job job) {
        (job.candidate() ? candidate : baseline).add(job);
        if (job.outcome() == Outcome.SUCCESS) {
            durations.add(job.candidate(), job.durationMinutes());
        }
        return job.outcome().judged();
    }

    /** Judged jobs of the smaller arm: a look "at N per arm" comes when this reaches N. */
    int perArm() {
        return Math.min(candidate.judged(), baseline.judged());
    }

    /** One-sided Fisher on failures at {@code alpha}: does the candidate fail more? */
    boolean failsMoreFisher(double alpha) {
        return Significance.fisherUpper(candidate.failures(), candidate.judged(), baseline.failures(),
                baseline.judged()) <= alpha;
    }

    /** One-sided pooled two-proportion z test at {@code alpha}. */
    boolean failsMoreZ(double alpha) {
        return Significance.twoProportionZ(candidate.failures(), candidate.judged(), baseline.failures(),
                baseline.judged()) > Significance.criticalZ(alpha);
    }

    /** One-sided Mann-Whitney on the successes' durations at {@code alpha}: does the candidate run longer? */
    boolean slowerMannWhitney(double alpha) {
        return durations.z() > Significance.criticalZ(alpha);
    }

    /** The fixed-horizon look: Fisher on failures, Mann-Whitney on durations, each at {@code alpha}. */
    Decision fixedLook(double alpha, Decision otherwise) {
        if (failsMoreFisher(alpha)) {
            return Decision.rollback(Design.FAILURE_RATE);
        }
        if (slowerMannWhitney(alpha)) {
            return Decision.rollback(Design.DURATION);
        }
        return otherwise;
    }
}

package dev.drover.judge;

import dev.drover.spec.FailureRateGate;
import java.util.function.Predicate;

/**
 * The sequential judge's test of a rate (code failures, infrastructure losses) on {@link Pairs}: a pair
 * marks {@code UP} when only the candidate's attempt had the event, {@code DOWN} when only the
 * baseline's did; a pair with an attempt of the population left out ({@code excluded}) says nothing and is
 * not counted toward {@code minJobs}, so a stage that lost attempts to the infrastructure waits for the later
 * pairs that replace them. With a {@code passRule} (the code-failure gate) the gate passes only when the
 * observed rates are within it and the evidence does not lean toward a regression; without one (the
 * infrastructure gate: losses are rare and come in bursts) it passes on schedule and rolls back only on
 * evidence.
 */
record RateTest(String gate, String verb, String unit, Predicate<Sample> event, Predicate<Sample> excluded,
                FailureRateGate passRule) {

    GateVerdict judge(JudgeInput in, double tolerance, Pairs pairs) {
        MarkTrail trail = new MarkTrail(PairedEvidence.forRates(tolerance));
        int n = 0;
        int xc = 0;
        int xb = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Sample c = pairs.candidate().get(i).sample();
            Sample b = pairs.baseline().get(i).sample();
            if (c != null && excluded.test(c) || b != null && excluded.test(b)) {
                trail.add(Mark.NONE);
                continue;
            }
            trail.add(Mark.of(c == null ? null : event.test(c), b == null ? null : event.test(b)));
            if (c != null && b != null) {
                n++;
                xc += event.test(c) ? 1 : 0;
                xb += event.test(b) ? 1 : 0;
            }
        }
        double threshold = 1 / in.alpha();
        boolean within = passRule == null || FailurePassRule.consistent(xc, xb, n, passRule);
        boolean leaning = passRule != null && trail.leaning();
        VerdictState state = SequentialJudge.state(trail.logEvidence(), threshold, leaning, within, n, in.minJobs());
        // a failed gate shows the bound it crossed; otherwise the evidence of the finished pairs
        double logEvidence = state == VerdictState.FAIL ? trail.logEvidence() : trail.logLeaning();
        double estimate = (xc + 0.5) / (xb + 0.5);
        String counts = xc + " of " + n + " vs " + xb + " of " + n + " (" + unit + " paired by dispatch time)";
        String evidence = SequentialJudge.number(Math.exp(logEvidence));
        String bound = SequentialJudge.number(threshold);
        String sentence = switch (state) {
            case FAIL -> "candidate " + verb + " " + Numbers.ratio(estimate) + " as often as baseline on " + in.tier()
                    + ": " + counts + "; evidence " + evidence + " >= " + bound + " needed (tolerance "
                    + Numbers.ratio(tolerance) + ")";
            case PASS -> "candidate " + verb + " within " + Numbers.ratio(tolerance) + " of baseline on " + in.tier() + ": "
                    + counts + "; evidence " + evidence + " < " + bound;
            default -> SequentialJudge.waitingFor(in, "pairs of " + unit, n, within || leaning ? null
                    : outside(xc, xb, n, tolerance), trail.pending()) + "; " + counts + "; evidence " + evidence + ", "
                    + bound + " rolls back";
        };
        return new GateVerdict(gate, state, state == VerdictState.PENDING ? sentence : null, ArmCount.rate(n, xc),
                ArmCount.rate(n, xb), estimate, Math.exp(logEvidence), threshold, sentence);
    }

    /** Why the counts are not within the pass rule, in words. */
    private String outside(int xc, int xb, int n, double tolerance) {
        double points = passRule.floor() * 100;
        return "the candidate " + verb + " in " + xc + " of " + n + ", too many for " + Numbers.ratio(tolerance)
                + " the baseline's " + xb + " plus " + Numbers.fixed(points, points % 1 == 0 ? 0 : 1) + " points";
    }
}

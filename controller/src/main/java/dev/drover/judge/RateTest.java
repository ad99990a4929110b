package dev.drover.judge;

import dev.drover.spec.FailureRateGate;
import java.util.function.Predicate;

/**
 * The sequential judge's test of a rate (code failures, infrastructure losses) on {@link Pairs}: a pair
 * marks {@code UP} when only the candidate's attempt had the event, {@code DOWN} when only the
 * baseline's did; a pair with an attempt of the population left out ({@code excluded}) says nothing and is
 * not counted toward {@code minJobs}, so a stage that lost attempts to the infrastructure waits for the later
 * pairs that replace them. For the code-failure gate, when the tier's split is known, the rollback evidence comes
 * from the labels of every job routed at random instead ({@link Labels}): no job is left unpaired, which matters most
 * with a small canary share; the pairs still count toward {@code minJobs} and the pass rule. With a
 * {@code passRule} (the code-failure gate) the gate passes only when the
 * observed rates are within it and the evidence does not lean toward a regression; without one (the
 * infrastructure gate: losses are rare and come in bursts) it passes on schedule and rolls back only on
 * evidence.
 */
record RateTest(String gate, String verb, String unit, Predicate<Sample> event, Predicate<Sample> excluded,
                FailureRateGate passRule) {

    GateVerdict judge(JudgeInput in, double alpha, double tolerance, Pairs pairs) {
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
        double threshold = 1 / alpha;
        boolean within = passRule == null || FailurePassRule.consistent(xc, xb, n, passRule);
        // the code-failure test reads the labels of every job routed at random when the split is known
        Labels labels = passRule != null && in.splitKnown() ? Labels.of(in.candidate(), in.baseline().orElseThrow(),
                in.split(), tolerance, event) : null;
        MarkTrail test = labels == null ? trail : labels.trail();
        boolean leaning = passRule != null && test.leaning();
        VerdictState state = SequentialJudge.state(test.logEvidence(), threshold, leaning, within, n, in.minJobs());
        // a failed gate shows the bound it crossed; otherwise the evidence of the finished jobs
        double logEvidence = state == VerdictState.FAIL ? test.logEvidence() : test.logLeaning();
        ArmCount candidate = labels == null ? ArmCount.rate(n, xc)
                : ArmCount.rate(labels.candidateJudged(), labels.candidateEvents());
        ArmCount baseline = labels == null ? ArmCount.rate(n, xb)
                : ArmCount.rate(labels.baselineJudged(), labels.baselineEvents());
        double estimate = labels == null ? (xc + 0.5) / (xb + 0.5) : labels.rateRatio();
        String counts = labels == null ? xc + " of " + n + " vs " + xb + " of " + n + " (" + unit + " paired by dispatch time)"
                : labels.candidateEvents() + " of " + labels.candidateJudged() + " vs " + labels.baselineEvents() + " of "
                + labels.baselineJudged() + " (" + unit + ", " + Numbers.fixed(in.split() * 100, 0)
                + "% to the candidate at random)";
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
        return new GateVerdict(gate, state, state == VerdictState.PENDING ? sentence : null, candidate, baseline,
                estimate, Math.exp(logEvidence), threshold, sentence);
    }

    /** Why the counts are not within the pass rule, in words. */
    private String outside(int xc, int xb, int n, double tolerance) {
        double points = passRule.floor() * 100;
        return "the candidate " + verb + " in " + xc + " of " + n + ", too many for " + Numbers.ratio(tolerance)
                + " the baseline's " + xb + " plus " + Numbers.fixed(points, points % 1 == 0 ? 0 : 1) + " points";
    }
}

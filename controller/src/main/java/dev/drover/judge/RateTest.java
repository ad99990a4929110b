package dev.drover.judge;

import java.util.function.Predicate;

/**
 * The sequential judge's test of a rate (code failures, infrastructure losses) on {@link Pairs}: a pair
 * marks {@code UP} when only the candidate's attempt had the event, {@code DOWN} when only the
 * baseline's did; a pair with an attempt of the population left out ({@code excluded}) says nothing.
 * With {@code holdsWhenLeaning} the gate stays pending past the schedule while its evidence leans toward a
 * regression.
 */
record RateTest(String gate, String verb, String unit, Predicate<Sample> event, Predicate<Sample> excluded,
                boolean holdsWhenLeaning) {

    GateVerdict judge(JudgeInput in, double tolerance, Pairs pairs, int judged) {
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
        VerdictState state = SequentialJudge.state(trail.logEvidence(), threshold, holdsWhenLeaning && trail.leaning(), judged,
                in.minJobs());
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
            default -> SequentialJudge.waitingFor(in, trail.pending()) + "; " + counts
                    + "; evidence " + evidence + ", " + bound + " rolls back";
        };
        return new GateVerdict(gate, state, state == VerdictState.PENDING ? sentence : null, ArmCount.rate(n, xc),
                ArmCount.rate(n, xb), estimate, Math.exp(logEvidence), threshold, sentence);
    }
}

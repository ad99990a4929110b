package dev.drover.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The sequential judge's test of a measured value (duration, peak memory, cost) of successful jobs on
 * {@link Pairs}, at each quantile asked for: blocks of {@link QuantileBlocks#size} pairs (one pair at the
 * median), a block marking {@code UP} when the candidates' largest value is above tolerance x the
 * baselines' largest, {@code DOWN} when below; only pairs where both sides succeeded count. With
 * {@code ageKnown} (durations), a candidate still running for longer than tolerance x its finished
 * partner can no longer turn out faster. It counts pairs of successes toward {@code minJobs}, and passes only
 * when no quantile's evidence leans toward a regression. (A point estimate such as the median paired ratio is
 * too noisy at stage sizes to hold on: at 20 pairs of lognormal durations with sigma 1 it is above 1.2x a third
 * of the time for identical versions.)
 */
record ValueTest(String gate, String comparison, Function<Sample, Double> measure, boolean ageKnown) {

    GateVerdict judge(JudgeInput in, double tolerance, List<Double> quantiles, Pairs pairs, int judged) {
        double threshold = quantiles.size() / in.alpha();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Double c = value(pairs.candidate().get(i));
            Double b = value(pairs.baseline().get(i));
            if (c != null && b != null && b > 0) {
                ratios.add(c / b);
            }
        }
        Double median = ratios.isEmpty() ? null
                : ShiftComparison.quantile(ratios.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        int n = ratios.size();
        if (n == 0 && judged >= in.minJobs()) {
            String why = "no " + gate + " measured on " + in.tier() + " in " + pairs.size() + " pairs of jobs";
            return GateVerdict.waiting(gate, VerdictState.NO_DATA, why, ArmCount.of(0), ArmCount.of(0));
        }
        List<Reading> readings = quantiles.stream().map(q -> read(q, tolerance, pairs)).toList();
        boolean leaning = readings.stream().anyMatch(r -> r.trail().leaning());
        int running = readings.stream().mapToInt(r -> r.trail().pending()).max().orElse(0);
        Reading strongest = readings.stream().max(Comparator.comparingDouble(Reading::logEvidence)).orElseThrow();
        VerdictState state = SequentialJudge.state(strongest.logEvidence(), threshold, leaning, true, n, in.minJobs());
        // a failed gate shows the bound it crossed; otherwise the test leaning most, as its finished pairs stand
        Reading shown = state == VerdictState.FAIL ? strongest
                : readings.stream().max(Comparator.comparingDouble(r -> r.trail().logLeaning())).orElseThrow();
        double logEvidence = state == VerdictState.FAIL ? strongest.logEvidence() : shown.trail().logLeaning();
        MarkTrail t = shown.trail();
        String split = shown.k() == 1
                ? "at the median, " + t.up() + " of " + n + " pairs of successes above " + Numbers.ratio(tolerance)
                        + " its partner, " + t.down() + " below"
                : "at " + quantile(shown.q()) + ", " + t.up() + " of " + t.resolved() + " blocks of " + shown.k()
                        + " pairs with the candidates' longest above " + Numbers.ratio(tolerance) + " the baselines' longest, "
                        + t.down() + " below";
        split += median == null ? "" : " (median ratio " + Numbers.ratio(median) + ")";
        String evidence = SequentialJudge.number(Math.exp(logEvidence));
        String bound = SequentialJudge.number(threshold);
        String sentence = switch (state) {
            case FAIL -> "candidate " + comparison + " " + Numbers.ratio(tolerance) + " baseline on " + in.tier() + " "
                    + split + "; evidence " + evidence + " >= " + bound + " needed";
            case PASS -> "candidate within " + Numbers.ratio(tolerance) + " of baseline's " + gate + " on " + in.tier()
                    + " " + split + "; evidence " + evidence + " < " + bound;
            default -> SequentialJudge.waitingFor(in, "pairs of successes", n, null, running) + "; " + split
                    + "; evidence " + evidence + ", " + bound + " rolls back";
        };
        ArmCount counts = ArmCount.of(n);
        return new GateVerdict(gate, state, state == VerdictState.PENDING ? sentence : null, counts, counts, median,
                Math.exp(logEvidence), threshold, sentence);
    }

    private Reading read(double q, double tolerance, Pairs pairs) {
        int k = QuantileBlocks.size(q);
        MarkTrail trail = new MarkTrail(PairedEvidence.forValues());
        for (int from = 0; from < pairs.size(); from += k) {
            trail.add(block(pairs, from, k, tolerance));
        }
        return new Reading(q, k, trail, trail.logEvidence());
    }

    private Mark block(Pairs pairs, int from, int k, double tolerance) {
        List<QuantileBlocks.Value> c = new ArrayList<>();
        List<QuantileBlocks.Value> b = new ArrayList<>();
        for (int i = from; i < Math.min(from + k, pairs.size()); i++) {
            c.add(reading(pairs.candidate().get(i)));
            b.add(reading(pairs.baseline().get(i)));
        }
        return QuantileBlocks.mark(c, b, k, tolerance, ageKnown);
    }

    private QuantileBlocks.Value reading(Pairs.Side side) {
        if (side.running()) {
            return QuantileBlocks.Value.running(side.ranMillis());
        }
        Double v = value(side);
        return v == null ? QuantileBlocks.Value.OTHER : QuantileBlocks.Value.measured(v);
    }

    private Double value(Pairs.Side side) {
        Sample s = side.sample();
        return s == null || s.kind() != Sample.Kind.SUCCEEDED ? null : measure.apply(s);
    }

    private static String quantile(double q) {
        return q == 0.5 ? "the median" : "p" + Numbers.fixed(q * 100, q * 100 % 1 == 0 ? 0 : 1);
    }

    private record Reading(double q, int k, MarkTrail trail, double logEvidence) {
    }
}

package dev.drover.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The sequential judge's test of a measured value (duration, peak memory, cost) of successful jobs on
 * {@link Pairs}, at each quantile asked for: blocks of {@link QuantileBlocks#size} pairs (one pair at the
 * median), a block marking {@code UP} when the candidates' largest value is above tolerance x the
 * baselines' largest, {@code DOWN} when below; only pairs where both sides succeeded count. With
 * {@code ageKnown} (durations), a candidate still running for longer than tolerance x its finished
 * partner can no longer turn out faster.
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
        Double median = ratios.isEmpty() ? null : median(ratios);
        int n = ratios.size();
        if (n == 0 && judged >= in.minJobs()) {
            String why = "no " + gate + " measured on " + in.tier() + " in " + pairs.size() + " pairs of jobs";
            return GateVerdict.waiting(gate, VerdictState.NO_DATA, why, ArmCount.of(0), ArmCount.of(0));
        }
        List<Reading> readings = quantiles.stream().map(q -> read(q, tolerance, pairs)).toList();
        boolean leaning = readings.stream().anyMatch(r -> r.trail().leaning());
        int running = readings.stream().mapToInt(r -> r.trail().pending()).max().orElse(0);
        Reading strongest = readings.stream().max(java.util.Comparator.comparingDouble(Reading::logEvidence)).orElseThrow();
        VerdictState state = SequentialJudge.state(strongest.logEvidence(), threshold, leaning, judged, in.minJobs());
        // a failed gate shows the bound it crossed; otherwise the test leaning most, as its finished pairs stand
        Reading shown = state == VerdictState.FAIL ? strongest
                : readings.stream().max(java.util.Comparator.comparingDouble(r -> r.trail().logLeaning())).orElseThrow();
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
            default -> SequentialJudge.waitingFor(in, running) + "; " + split
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
        boolean pending = from + k > pairs.size();
        double maxC = 0;
        double maxB = 0;
        for (int i = from; i < Math.min(from + k, pairs.size()); i++) {
            Pairs.Side c = pairs.candidate().get(i);
            Pairs.Side b = pairs.baseline().get(i);
            if (!c.running() && value(c) == null || !b.running() && value(b) == null) {
                continue; // not a pair of measured successes, whatever the running side does
            }
            if (c.running() || b.running()) {
                if (k == 1 && ageKnown && c.running() && !b.running() && c.ranMillis() > tolerance * value(b)) {
                    return Mark.PENDING_NONE;
                }
                pending = true;
                continue;
            }
            maxC = Math.max(maxC, value(c));
            maxB = Math.max(maxB, value(b));
        }
        if (pending) {
            return Mark.PENDING_DOWN;
        }
        if (maxB == 0 && maxC == 0) {
            return Mark.NONE;
        }
        return maxC > tolerance * maxB ? Mark.UP : maxC < tolerance * maxB ? Mark.DOWN : Mark.NONE;
    }

    private Double value(Pairs.Side side) {
        Sample s = side.sample();
        return s == null || s.kind() != Sample.Kind.SUCCEEDED ? null : measure.apply(s);
    }

    private static String quantile(double q) {
        return q == 0.5 ? "the median" : "p" + Numbers.fixed(q * 100, q * 100 % 1 == 0 ? 0 : 1);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private record Reading(double q, int k, MarkTrail trail, double logEvidence) {
    }
}

package dev.drover.judge;

import dev.drover.spec.GatesSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A sequential judge, valid however often it looks: every gate compares the candidate with the baseline
 * on {@link Pairs} of jobs (paired by dispatch time, entering once everything dispatched before them has
 * ended) with the anytime-valid {@link PairedEvidence} test, so the engine may ask after every job and a
 * gate fails as soon as its evidence reaches {@code 1 / alpha}.
 * <ul>
 *   <li>Code-failure and infrastructure-failure rates: the pairs where only one side failed; the
 *       tolerance bounds the candidate's odds of failing against the baseline's (for rare failures the
 *       same as the rate ratio). Zero baseline failures need no special case: only discordant pairs
 *       count.</li>
 *   <li>Duration, peak memory, cost per job: the pairs of successful jobs where the candidate's value is
 *       above, or below, tolerance x its partner's (a sign test on the ratio, which sees the typical job:
 *       a slowdown of the tail alone is not its strength).</li>
 *   <li>Promotion follows the stage's schedule: a gate passes once {@code minJobs} pairs are in without
 *       its evidence reaching the bound, so a good version is never held longer than the fixed
 *       schedule it replaces.</li>
 *   <li>The first revision (no baseline): absolute ceilings on the failure rates, as the fixed-horizon
 *       judge does.</li>
 * </ul>
 */
public final class SequentialJudge implements Judge {
    private static final Predicate<Sample> JUDGED = s -> s.kind().judged();
    private static final Predicate<Sample> SUCCEEDED = s -> s.kind() == Sample.Kind.SUCCEEDED;

    @Override
    public int testsPerTier(GatesSpec gates) {
        return FixedHorizonJudge.tests(gates);
    }

    @Override
    public TierVerdict judge(JudgeInput in) {
        if (in.baseline().isEmpty()) {
            return new TierVerdict(in.tier(), Bootstrap.judge(in));
        }
        ArmEvidence cand = in.candidate();
        ArmEvidence base = in.baseline().get();
        Pairs judged = Pairs.of(cand, base, JUDGED);
        double tolerance = in.gates().failureRate().tolerance();
        List<GateVerdict> gates = new ArrayList<>();
        gates.add(rate(FixedHorizonJudge.FAILURE_RATE, "fails", "judged jobs", in, tolerance, judged,
                s -> s.kind() == Sample.Kind.CODE_FAILURE));
        gates.add(rate(FixedHorizonJudge.INFRA_FAILURE_RATE, "loses attempts to infrastructure", "attempts", in,
                tolerance, Pairs.of(cand, base, s -> true), s -> s.kind() == Sample.Kind.INFRA_FAILURE));
        GatesSpec g = in.gates();
        if (g.duration().enabled()) {
            gates.add(value("duration", "runs longer than", in, g.duration().tolerance(), judged,
                    s -> SUCCEEDED.test(s) && s.durationMillis() != null ? s.durationMillis().doubleValue() : null));
        }
        if (g.memory().enabled()) {
            gates.add(value("memory", "peaks above", in, g.memory().tolerance(), judged,
                    s -> SUCCEEDED.test(s) && s.memoryPeak() != null ? s.memoryPeak().doubleValue() : null));
        }
        if (g.costPerJob().enabled()) {
            gates.add(value("costPerJob", "costs more than", in, g.costPerJob().tolerance(), judged,
                    s -> SUCCEEDED.test(s) ? s.cost() : null));
        }
        return new TierVerdict(in.tier(), gates);
    }

    private static GateVerdict rate(String gate, String verb, String unit, JudgeInput in, double tolerance, Pairs pairs,
                                    Predicate<Sample> event) {
        int n = pairs.size();
        int xc = Pairs.events(pairs.candidate(), event);
        int xb = Pairs.events(pairs.baseline(), event);
        Pairs.Discordant d = pairs.discordant(event);
        double logEvidence = PairedEvidence.of(tolerance).logFactor(d.up(), d.down());
        ArmCount c = ArmCount.rate(n, xc);
        ArmCount b = ArmCount.rate(n, xb);
        double estimate = (xc + 0.5) / (xb + 0.5);
        String counts = xc + " of " + n + " vs " + xb + " of " + n + " (" + unit + " paired by dispatch time)";
        Outcome o = Outcome.of(logEvidence, in, n);
        String sentence = switch (o.state()) {
            case FAIL -> "candidate " + verb + " " + Numbers.ratio(estimate) + " as often as baseline on " + in.tier()
                    + ": " + counts + "; evidence " + o.evidence() + " >= " + o.bound() + " needed (tolerance "
                    + Numbers.ratio(tolerance) + ")";
            case PASS -> "candidate " + verb + " within " + Numbers.ratio(tolerance) + " of baseline on " + in.tier()
                    + ": " + counts + "; evidence " + o.evidence() + " < " + o.bound();
            default -> "waiting for " + in.minJobs() + " pairs of " + unit + " on " + in.tier() + ": " + n + " so far"
                    + waiting(pairs) + "; evidence " + o.evidence() + ", " + o.bound() + " rolls back";
        };
        return new GateVerdict(gate, o.state(), o.state() == VerdictState.PENDING ? sentence : null, c, b, estimate,
                Math.exp(logEvidence), o.threshold(), sentence);
    }

    private static GateVerdict value(String gate, String comparison, JudgeInput in, double tolerance, Pairs pairs,
                                     FixedHorizonJudge.Measure measure) {
        int up = 0;
        int down = 0;
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Double c = measure.apply(pairs.candidate().get(i));
            Double b = measure.apply(pairs.baseline().get(i));
            if (c == null || b == null || b <= 0) {
                continue;
            }
            ratios.add(c / b);
            up += c > tolerance * b ? 1 : 0;
            down += c < tolerance * b ? 1 : 0;
        }
        int n = ratios.size();
        double logEvidence = PairedEvidence.of(1).logFactor(up, down); // P(candidate > tolerance x partner) <= 1/2
        Double median = n == 0 ? null : median(ratios);
        ArmCount counts = ArmCount.of(n);
        if (n == 0 && pairs.size() >= in.minJobs()) {
            String why = "no " + gate + " measured on " + in.tier() + " in " + pairs.size() + " pairs of jobs";
            return GateVerdict.waiting(gate, VerdictState.NO_DATA, why, counts, counts);
        }
        Outcome o = Outcome.of(logEvidence, in, n);
        String split = up + " of " + n + " pairs above " + Numbers.ratio(tolerance) + " its partner, " + down + " below";
        String sentence = switch (o.state()) {
            case FAIL -> "candidate " + comparison + " " + Numbers.ratio(tolerance) + " baseline on " + in.tier() + ": "
                    + split + " (median ratio " + Numbers.ratio(median) + "); evidence " + o.evidence() + " >= "
                    + o.bound() + " needed";
            case PASS -> "candidate within " + Numbers.ratio(tolerance) + " of baseline's " + gate + " on " + in.tier()
                    + ": " + split + (median == null ? "" : " (median ratio " + Numbers.ratio(median) + ")")
                    + "; evidence " + o.evidence() + " < " + o.bound();
            default -> "waiting for " + in.minJobs() + " pairs of successful jobs on " + in.tier() + ": " + n
                    + " so far" + waiting(pairs) + "; evidence " + o.evidence() + ", " + o.bound() + " rolls back";
        };
        return new GateVerdict(gate, o.state(), o.state() == VerdictState.PENDING ? sentence : null, counts, counts,
                median, Math.exp(logEvidence), o.threshold(), sentence);
    }

    private static String waiting(Pairs pairs) {
        return pairs.waiting() == 0 ? "" : " (" + pairs.waiting() + " finished jobs wait for earlier ones still running)";
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** A gate's state from its evidence: fail at 1/alpha, pass once the stage's pairs are in, else pending. */
    private record Outcome(VerdictState state, double logEvidence, double threshold) {
        static Outcome of(double logEvidence, JudgeInput in, int pairs) {
            double threshold = 1 / in.alpha();
            VerdictState state = logEvidence >= Math.log(threshold) ? VerdictState.FAIL
                    : pairs >= in.minJobs() ? VerdictState.PASS : VerdictState.PENDING;
            return new Outcome(state, logEvidence, threshold);
        }

        String evidence() {
            return number(Math.exp(logEvidence));
        }

        String bound() {
            return number(threshold);
        }

        private static String number(double x) {
            if (x < 0.01) {
                return "< 0.01";
            }
            return x < 10 ? Numbers.fixed(x, 2) : x < 1e6 ? Numbers.fixed(x, 0) : String.format(Locale.ROOT, "%.1e", x);
        }
    }
}

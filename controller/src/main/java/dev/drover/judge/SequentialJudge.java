package dev.drover.judge;

import dev.drover.spec.FailureRateGate;
import dev.drover.spec.GatesSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A sequential judge, valid however often it looks: the engine asks after every job, and a gate fails as
 * soon as its evidence reaches {@code 1 / alpha}. Every attempt of the stage, finished or running, is
 * paired with one of the other arm by dispatch time ({@link Pairs}); each test marks each pair
 * ({@link Mark}) and reads an anytime-valid Bayes factor ({@link PairedEvidence}) from the marks in that
 * fixed order, running pairs counted at their worst ({@link MarkTrail}). See docs/judge.md.
 * <ul>
 *   <li>Code-failure rate: pairs where only one side failed, attempts lost to the infrastructure left
 *       out; the tolerance bounds the candidate's odds of failing against the baseline's (for rare
 *       failures the rate ratio). Zero baseline failures need no special case: only discordant pairs
 *       count. When the tier's split is known, the rollback evidence for code failures comes from the labels of
 *       every job routed at random instead ({@link Labels}, {@link LabelEvidence}), so no baseline job is left
 *       unpaired; the pairs still count toward {@code minJobs} and the pass rule. Infrastructure-failure rate:
 *       the same on attempts lost to the infrastructure; it passes on
 *       schedule even when it leans (losses are rare and come in bursts that hit whatever runs, so a
 *       small imbalance is not worth holding a rollout for: it rolls back only on evidence).</li>
 *   <li>Duration: one test per quantile of the gate. At the median, each pair of successes on its own
 *       (candidate above or below tolerance x its partner); at a higher quantile q, blocks of
 *       {@link QuantileBlocks#size} pairs, the candidates' longest against tolerance x the baselines'
 *       longest, which sees a slower tail that leaves the median alone. A candidate still running past
 *       tolerance x its finished partner is already known not to be faster. The gate's alpha is split
 *       evenly over its quantiles. Peak memory and cost per job: the median test.</li>
 *   <li>Passing is a decision with evidence of its own, never the rollback test's silence: a gate passes
 *       once it has {@code minJobs} of the units its test uses (pairs of judged jobs for the failure rate,
 *       attempts lost to the infrastructure left out and so replaced by later pairs; pairs of successes for
 *       values), its data are consistent with the tolerance (for failures: the candidate's observed rate at
 *       most tolerance x the baseline's plus the gate's floor), and its evidence does not lean toward a
 *       regression (the Bayes factor of the finished pairs is at most 1). Otherwise it stays pending: it
 *       fails if the evidence reaches the bound, passes once all three hold, and else the stage's deadline
 *       pauses the rollout for a person. Holding costs no false rollbacks; under no regression the data
 *       settle within the tolerance, so a good version is rarely held.</li>
 *   <li>The first revision (no baseline): absolute ceilings on the failure rates, as the fixed-horizon
 *       judge does.</li>
 * </ul>
 */
public final class SequentialJudge implements Judge {
    @Override
    public int testsPerTier(GatesSpec gates) {
        return FixedHorizonJudge.tests(gates);
    }

    @Override
    public OptionalInt pairsToCatchAlwaysFailing(GatesSpec gates, double alpha) {
        return OptionalInt.of(Detectable.pairsToCatchAlwaysFailing(alpha, gates.failureRate().tolerance()));
    }

    @Override
    public TierVerdict judge(JudgeInput in) {
        if (in.baseline().isEmpty()) {
            return new TierVerdict(in.tier(), Bootstrap.judge(in));
        }
        ArmEvidence cand = in.candidate();
        ArmEvidence base = in.baseline().get();
        Pairs pairs = Pairs.of(cand, base);
        int judged = Math.min(cand.judged().size(), base.judged().size());
        FailureRateGate failureRate = in.gates().failureRate();
        double tolerance = failureRate.tolerance();
        Predicate<Sample> infra = s -> s.kind() == Sample.Kind.INFRA_FAILURE;
        List<GateVerdict> gates = new ArrayList<>();
        gates.add(new RateTest(FixedHorizonJudge.FAILURE_RATE, "fails", "judged jobs", s -> s.kind() == Sample.Kind.CODE_FAILURE,
                infra, failureRate).judge(in, in.failureAlpha(), tolerance, pairs));
        gates.add(new RateTest(FixedHorizonJudge.INFRA_FAILURE_RATE, "loses attempts to infrastructure", "attempts", infra,
                s -> false, null).judge(in, in.alpha(), tolerance, pairs));
        GatesSpec g = in.gates();
        if (g.duration().enabled()) {
            gates.add(new ValueTest("duration", "runs longer than", s -> FixedHorizonJudge.toDouble(s.durationMillis()),
                    true).judge(in, g.duration().tolerance(), g.duration().quantiles(),
                    pairs, judged));
        }
        if (g.memory().enabled()) {
            gates.add(new ValueTest("memory", "peaks above", s -> FixedHorizonJudge.toDouble(s.memoryPeak()), false)
                    .judge(in, g.memory().tolerance(), List.of(0.5), pairs, judged));
        }
        if (g.costPerJob().enabled()) {
            gates.add(new ValueTest("costPerJob", "costs more than", Sample::cost, false)
                    .judge(in, g.costPerJob().tolerance(), List.of(0.5), pairs, judged));
        }
        return new TierVerdict(in.tier(), gates);
    }

    /**
     * A gate's state: fail at the bound; pass once it has {@code minJobs} units, its data within the tolerance
     * ({@code consistent}) and its evidence not leaning toward a regression; else pending.
     */
    static VerdictState state(double logEvidence, double threshold, boolean leaning, boolean consistent, int units,
                              int minJobs) {
        if (logEvidence >= Math.log(threshold)) {
            return VerdictState.FAIL;
        }
        if (units >= minJobs && consistent && !leaning) {
            return VerdictState.PASS;
        }
        return VerdictState.PENDING;
    }

    /**
     * What a pending gate waits for, in words.
     *
     * @param units     what the test counts so far, e.g. "pairs of judged jobs" (attempts lost to the infrastructure
     *                  left out)
     * @param n         how many of them there are
     * @param outside   why the data are not within the tolerance yet, or null when they are
     */
    static String waitingFor(JudgeInput in, String units, int n, String outside, int running) {
        String still = running == 0 ? "" : "; " + running + (running == 1 ? " pair" : " pairs")
                + " still running, counted at the worst they can turn out";
        if (n < in.minJobs()) {
            int c = in.candidate().judged().size();
            int b = in.baseline().map(arm -> arm.judged().size()).orElse(0);
            return "waiting for " + in.minJobs() + " " + units + " on " + in.tier() + ": " + n + " so far (judged jobs:"
                    + " candidate " + c + ", baseline " + b + ")" + still;
        }
        if (outside != null) {
            return "the candidate does worse than the tolerance allows on " + in.tier() + " (" + outside + "): holding"
                    + " past " + in.minJobs() + " " + units + " (" + n + " so far) until the evidence decides or the stage's"
                    + " deadline" + still;
        }
        return "the evidence leans toward a regression on " + in.tier() + ": watching on past " + in.minJobs() + " "
                + units + " (" + n + " so far) until it decides or the stage's deadline" + still;
    }

    static String number(double x) {
        if (x < 0.01) {
            return "< 0.01";
        }
        return x < 10 ? Numbers.fixed(x, 2) : x < 1e6 ? Numbers.fixed(x, 0) : String.format(Locale.ROOT, "%.1e", x);
    }
}

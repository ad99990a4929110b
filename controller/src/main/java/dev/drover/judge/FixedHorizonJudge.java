package dev.drover.judge;

import dev.drover.spec.GatesSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A fixed-horizon judge: each gate looks once, at the stage's horizon, at the first {@code minJobs}
 * jobs of each arm (by dispatch time), so more data arriving later never changes a verdict and repeated
 * looks do not inflate false rollbacks. Until both arms reach the horizon, and every attempt dispatched
 * before its last job has finished (see {@link Horizon}), a gate is {@code pending}.
 * <ul>
 *   <li>Code-failure and infrastructure-failure rates: a one-sided test of "candidate rate above
 *       tolerance x baseline rate" (a Wald z on the difference, variances from rates shrunk by half a
 *       job so zero failures are handled).</li>
 *   <li>Duration, peak memory, cost per job: a one-sided Mann-Whitney test of the candidate's values
 *       against tolerance x the baseline's; the gate fails when the test rejects and the estimate (the
 *       largest quantile ratio) is above the tolerance.</li>
 *   <li>The first revision (no baseline): absolute ceilings on the failure rates, and at least
 *       {@code minJobs} successes.</li>
 * </ul>
 * Its weakness is the horizon: a bad candidate keeps running until {@code minJobs} jobs per arm.
 */
public final class FixedHorizonJudge implements Judge {
    static final String FAILURE_RATE = "failureRate";
    static final String INFRA_FAILURE_RATE = "infraFailureRate";

    @Override
    public int testsPerTier(GatesSpec gates) {
        return tests(gates);
    }

    /** The tests one tier runs: both failure rates, and each enabled value gate (the same for every judge here). */
    static int tests(GatesSpec gates) {
        int tests = 2;
        tests += gates.duration().enabled() ? 1 : 0;
        tests += gates.memory().enabled() ? 1 : 0;
        tests += gates.costPerJob().enabled() ? 1 : 0;
        return tests;
    }

    @Override
    public TierVerdict judge(JudgeInput in) {
        if (in.baseline().isEmpty()) {
            return new TierVerdict(in.tier(), Bootstrap.judge(in));
        }
        ArmEvidence cand = in.candidate();
        ArmEvidence base = in.baseline().get();
        double tolerance = in.gates().failureRate().tolerance();
        List<GateVerdict> gates = new ArrayList<>();
        gates.add(RateComparison.compare(FAILURE_RATE, "fails", in, in.failureAlpha(), tolerance,
                Horizon.of(cand.judged(), cand, in.minJobs()), Horizon.of(base.judged(), base, in.minJobs()),
                s -> s.kind() == Sample.Kind.CODE_FAILURE, "judged jobs"));
        gates.add(RateComparison.compare(INFRA_FAILURE_RATE, "loses attempts to infrastructure", in, in.alpha(), tolerance,
                Horizon.of(cand.finished(), cand, in.minJobs()), Horizon.of(base.finished(), base, in.minJobs()),
                s -> s.kind() == Sample.Kind.INFRA_FAILURE, "finished attempts"));
        var g = in.gates();
        if (g.duration().enabled()) {
            gates.add(ShiftComparison.compare("duration", "runs", "as long as", in, g.duration().tolerance(),
                    g.duration().quantiles(), cand, base, s -> toDouble(s.durationMillis())));
        }
        if (g.memory().enabled()) {
            gates.add(ShiftComparison.compare("memory", "peaks at", "the memory of", in, g.memory().tolerance(),
                    List.of(0.5), cand, base, s -> toDouble(s.memoryPeak())));
        }
        if (g.costPerJob().enabled()) {
            gates.add(ShiftComparison.compare("costPerJob", "costs", "as much per job as", in,
                    g.costPerJob().tolerance(), List.of(0.5), cand, base, Sample::cost));
        }
        return new TierVerdict(in.tier(), gates);
    }

    static Double toDouble(Long value) {
        return value == null ? null : value.doubleValue();
    }

    /** Picks a value out of a sample, or null when it was not measured. */
    interface Measure extends Function<Sample, Double> {
    }
}

package dev.drover.judge;

import java.util.List;
import java.util.function.Predicate;

/**
 * The first revision of a service has no baseline: it is judged on absolute limits only, a ceiling on
 * its code-failure rate and on its infrastructure-failure rate over the first {@code minJobs} jobs, and
 * it needs at least {@code minJobs} successes.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    static List<GateVerdict> judge(JudgeInput in) {
        ArmEvidence cand = in.candidate();
        GateVerdict failures = ceiling(FixedHorizonJudge.FAILURE_RATE, "fails", in, cand, cand.judged(),
                s -> s.kind() == Sample.Kind.CODE_FAILURE, in.limits().maxFailureRate(), "judged jobs");
        if (failures.state() == VerdictState.PASS && cand.succeeded().size() < in.minJobs()) {
            failures = GateVerdict.waiting(failures.gate(), VerdictState.PENDING, "waiting for " + in.minJobs()
                    + " successful jobs on " + in.tier() + " (first revision): " + cand.succeeded().size() + " so far",
                    failures.candidate(), null);
        }
        GateVerdict infra = ceiling(FixedHorizonJudge.INFRA_FAILURE_RATE, "loses attempts to infrastructure", in,
                cand, cand.finished(), s -> s.kind() == Sample.Kind.INFRA_FAILURE, in.limits().maxInfraFailureRate(),
                "finished attempts");
        return List.of(failures, infra);
    }

    private static GateVerdict ceiling(String gate, String verb, JudgeInput in, ArmEvidence arm, List<Sample> all,
                                       Predicate<Sample> event, double ceiling, String unit) {
        Horizon horizon = Horizon.of(all, arm, in.minJobs());
        List<Sample> head = horizon.samples();
        int n = head.size();
        int x = (int) head.stream().filter(event).count();
        ArmCount count = ArmCount.rate(n, x);
        if (!horizon.complete()) {
            return GateVerdict.waiting(gate, VerdictState.PENDING, "waiting for " + in.minJobs() + " " + unit + " on "
                    + in.tier() + " (first revision, no baseline): " + horizon.progress() + " so far", count, null);
        }
        double rate = (double) x / n;
        boolean fails = rate > ceiling;
        String sentence = "candidate " + verb + " in " + x + " of " + n + " on " + in.tier() + " ("
                + Numbers.percent(rate) + (fails ? " > " : " <= ") + "the first revision's ceiling of "
                + Numbers.percent(ceiling) + "; no baseline to compare with)";
        return new GateVerdict(gate, fails ? VerdictState.FAIL : VerdictState.PASS, null, count, null, rate, rate,
                ceiling, sentence);
    }
}

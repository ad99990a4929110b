package dev.drover.judge;

import java.util.List;
import java.util.function.Predicate;

/** Candidate rate against tolerance x baseline rate: a one-sided Wald z at the fixed horizon. */
final class RateComparison {
    private RateComparison() {
    }

    static GateVerdict compare(String gate, String verb, JudgeInput in, double alpha, double tolerance, Horizon candHorizon,
                               Horizon baseHorizon, Predicate<Sample> event, String unit) {
        List<Sample> cand = candHorizon.samples();
        List<Sample> base = baseHorizon.samples();
        int nc = cand.size();
        int nb = base.size();
        int xc = (int) cand.stream().filter(event).count();
        int xb = (int) base.stream().filter(event).count();
        ArmCount c = ArmCount.rate(nc, xc);
        ArmCount b = ArmCount.rate(nb, xb);
        if (!candHorizon.complete() || !baseHorizon.complete()) {
            return GateVerdict.waiting(gate, VerdictState.PENDING, "waiting for " + in.minJobs() + " " + unit
                    + " per arm on " + in.tier() + ": candidate " + candHorizon.progress() + ", baseline "
                    + baseHorizon.progress(), c, b);
        }
        double pc = (double) xc / nc;
        double pb = (double) xb / nb;
        double sc = (xc + 0.5) / (nc + 1);
        double sb = (xb + 0.5) / (nb + 1);
        double se = Math.sqrt(sc * (1 - sc) / nc + tolerance * tolerance * sb * (1 - sb) / nb);
        double z = (pc - tolerance * pb) / se;
        double critical = Numbers.criticalZ(alpha);
        double estimate = sc / sb;
        boolean fails = z > critical;
        String counts = xc + " of " + nc + " vs " + xb + " of " + nb;
        String sentence = fails
                ? "candidate " + verb + " " + Numbers.ratio(estimate) + " as often as baseline on " + in.tier() + ": "
                + counts + "; z " + Numbers.fixed(z, 1) + " > " + Numbers.fixed(critical, 1) + " needed (tolerance "
                + Numbers.ratio(tolerance) + ")"
                : "candidate " + verb + " within " + Numbers.ratio(tolerance) + " of baseline on " + in.tier() + ": "
                + counts + "; z " + Numbers.fixed(z, 1) + " <= " + Numbers.fixed(critical, 1);
        return new GateVerdict(gate, fails ? VerdictState.FAIL : VerdictState.PASS, null, c, b, estimate, z, critical,
                sentence);
    }
}

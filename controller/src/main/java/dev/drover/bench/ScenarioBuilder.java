package dev.drover.bench;

import java.util.List;
import java.util.Locale;

/** A scenario being read: starts from a template, takes {@code key=value} settings, then is checked. */
final class ScenarioBuilder {
    static final List<String> KEYS = List.of("expect", "p0", "r", "m", "sigma", "median", "tail", "memory",
            "memorySigma", "oom", "share", "rate", "infra", "bursts", "drift", "driftAt", "failAfterCandidate",
            "failAfterBaseline", "price", "nfh", "argoWindow", "argoFailureLimit", "argoThreshold", "peekEvery", "tailAt",
            "infraArm", "infraFrom", "infraTo", "agentLosses", "agentShare");

    private String name;
    private boolean mustPromote;
    private double p0, r, m, sigma, median, memory, memorySigma, oom, share, rate, infra, drift, driftAt;
    private double failAfterCandidate, failAfterBaseline, price, argoThreshold, tailAt;
    private double infraFrom, infraTo, agentLosses, agentShare;
    private String infraArm;
    private boolean tail, bursts;
    private int nfh, argoWindow, argoFailureLimit, peekEvery;

    ScenarioBuilder(String name, Scenario t) {
        this.name = name;
        mustPromote = t.mustPromote();
        p0 = t.p0(); r = t.relativeRisk(); m = t.durationFactor(); sigma = t.sigmaLog(); median = t.medianMinutes();
        tail = t.tailOnly(); memory = t.memoryFactor(); memorySigma = t.memorySigma(); oom = t.oomLimit();
        share = t.share(); rate = t.jobsPerHour(); infra = t.infraRate(); bursts = t.infraBursts();
        drift = t.drift(); driftAt = t.driftAt(); failAfterCandidate = t.failAfterCandidate();
        failAfterBaseline = t.failAfterBaseline(); price = t.pricePerHour(); nfh = t.nfh();
        argoWindow = t.argoWindow(); argoFailureLimit = t.argoFailureLimit(); argoThreshold = t.argoThreshold();
        peekEvery = t.peekEvery(); tailAt = t.tailAt();
        infraArm = t.infra().arm(); infraFrom = t.infra().from(); infraTo = t.infra().to();
        agentLosses = t.infra().agentLosses(); agentShare = t.infra().agentShare();
    }

    /** Applies one setting; an unknown key or a bad value throws with a message naming it. */
    void set(String key, String value) {
        switch (key) {
            case "expect" -> mustPromote = switch (value) {
                case "promote" -> true;
                case "rollback" -> false;
                default -> throw new IllegalArgumentException("expect must be promote or rollback, not '" + value + "'");
            };
            case "p0" -> p0 = number(key, value);
            case "r" -> r = number(key, value);
            case "m" -> m = number(key, value);
            case "sigma" -> sigma = number(key, value);
            case "median" -> median = number(key, value);
            case "tail" -> tail = bool(key, value);
            case "memory" -> memory = number(key, value);
            case "memorySigma" -> memorySigma = number(key, value);
            case "oom" -> oom = number(key, value);
            case "share" -> share = number(key, value);
            case "rate" -> rate = number(key, value);
            case "infra" -> infra = number(key, value);
            case "bursts" -> bursts = bool(key, value);
            case "drift" -> drift = number(key, value);
            case "driftAt" -> driftAt = number(key, value);
            case "failAfterCandidate" -> failAfterCandidate = number(key, value);
            case "failAfterBaseline" -> failAfterBaseline = number(key, value);
            case "price" -> price = number(key, value);
            case "nfh" -> nfh = (int) whole(key, value);
            case "argoWindow" -> argoWindow = (int) whole(key, value);
            case "argoFailureLimit" -> argoFailureLimit = (int) whole(key, value);
            case "argoThreshold" -> argoThreshold = number(key, value);
            case "peekEvery" -> peekEvery = (int) whole(key, value);
            case "tailAt" -> tailAt = number(key, value);
            case "infraArm" -> infraArm = value;
            case "infraFrom" -> infraFrom = number(key, value);
            case "infraTo" -> infraTo = number(key, value);
            case "agentLosses" -> agentLosses = number(key, value);
            case "agentShare" -> agentShare = number(key, value);
            default -> throw new IllegalArgumentException("unknown key '" + key + "' (known: " + String.join(", ", KEYS)
                    + ")");
        }
    }

    Scenario build() {
        check(p0 >= 0 && p0 < 1, "p0 must be in [0, 1)");
        check(r >= 0 && r * p0 <= 1, "r x p0 must be in [0, 1]");
        check(m > 0 && sigma > 0 && median > 0 && memory > 0 && memorySigma > 0, "m, sigma, median, memory and "
                + "memorySigma must be positive");
        check(share > 0 && share < 1, "share must be in (0, 1)");
        check(rate > 0, "rate must be positive");
        check(infra >= 0 && infra < (bursts ? Simulator.BURST_LOSS : 1), "infra must be in [0, 1) (below "
                + Simulator.BURST_LOSS + " with bursts)");
        check(drift >= 0 && driftAt >= 0 && oom >= 0 && price >= 0 && nfh >= 0, "drift, driftAt, oom, price and nfh "
                + "must not be negative");
        check(argoWindow >= 1 && argoFailureLimit >= 0 && peekEvery >= 1, "argoWindow and peekEvery must be at "
                + "least 1, argoFailureLimit at least 0");
        check(tailAt == 0.95 || tailAt == 0.99, "tailAt must be 0.95 or 0.99");
        return new Scenario(name, mustPromote, p0, r, m, sigma, median, tail, memory, memorySigma, oom, share, rate,
                infra, bursts, drift, driftAt, failAfterCandidate, failAfterBaseline, price, nfh, argoWindow,
                argoFailureLimit, argoThreshold, peekEvery, tailAt,
                new InfraPattern(infraArm, infraFrom, infraTo, agentLosses, agentShare));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value)
                    / (value.endsWith("%") ? 100 : 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
        }
    }

    private static double whole(String key, String value) {
        double v = number(key, value);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
        return v;
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        };
    }
}

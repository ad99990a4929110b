package dev.drover.bench;

import java.util.Locale;

/**
 * Where and when a scenario's attempts are lost to the infrastructure, beyond the even spot rate of
 * {@link Scenario#infraRate()}: which arm (both, or one arm only, as when the candidate's host pool is the one
 * being reclaimed), during which part of the monitored run, and whole agents lost at once (every attempt an agent
 * runs at that moment).
 *
 * @param arm          the arm the even and burst losses hit: {@code both}, {@code candidate} or {@code baseline}
 * @param from         losses only for attempts starting after this fraction of the monitored run's expected length
 * @param to           ... and before this one (1: to the end)
 * @param agentLosses  whole agents lost per hour (a Poisson process), in both arms; 0: none
 * @param agentShare   the share of running attempts one lost agent holds (one agent of four: 0.25)
 */
public record InfraPattern(String arm, double from, double to, double agentLosses, double agentShare) {
    public static final InfraPattern EVEN = new InfraPattern("both", 0, 1, 0, 0.25);

    public InfraPattern {
        arm = arm.toLowerCase(Locale.ROOT);
        if (!arm.equals("both") && !arm.equals("candidate") && !arm.equals("baseline")) {
            throw new IllegalArgumentException("infraArm must be both, candidate or baseline, not '" + arm + "'");
        }
        if (!(from >= 0 && from < to && to <= 1)) {
            throw new IllegalArgumentException("infraFrom and infraTo must satisfy 0 <= infraFrom < infraTo <= 1");
        }
        if (!(agentLosses >= 0 && agentShare > 0 && agentShare <= 1)) {
            throw new IllegalArgumentException("agentLosses must not be negative and agentShare must be in (0, 1]");
        }
    }

    /** Whether even and burst losses hit this arm. */
    boolean hits(Arm a) {
        return arm.equals("both") || arm.equals(a == Arm.CANDIDATE ? "candidate" : "baseline");
    }

    /** A short label for the CSV. */
    String describe() {
        return arm + "@" + from + "-" + to + (agentLosses > 0 ? "+agents" + agentLosses + "/h@" + agentShare : "");
    }
}

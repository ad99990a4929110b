package dev.drover.judge;

/**
 * What one arm contributed to a gate: {@code n} jobs (or attempts) looked at and, for rate gates, how
 * many of them were {@code events} (failures); null for measured gates.
 */
public record ArmCount(int n, Integer events) {

    public static ArmCount of(int n) {
        return new ArmCount(n, null);
    }

    public static ArmCount rate(int n, int events) {
        return new ArmCount(n, events);
    }
}

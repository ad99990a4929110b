package dev.drover.judge;

/**
 * One gate's verdict on one tier: the frozen evidence format the CLI, the API and the dashboard show.
 *
 * @param gate      {@code failureRate}, {@code infraFailureRate}, {@code duration}, {@code memory} or {@code costPerJob}
 * @param reason    why there is no verdict yet ({@code pending}) or none can be given ({@code no-data}); null otherwise
 * @param baseline  null when there is no baseline (the first revision's bootstrap)
 * @param estimate  the effect measured: a ratio candidate/baseline (or the candidate's rate in a bootstrap)
 * @param statistic the test statistic compared with {@code threshold}; a gate fails when it is above it
 * @param sentence  the verdict in words, with the numbers behind it
 */
public record GateVerdict(String gate, VerdictState state, String reason, ArmCount candidate, ArmCount baseline,
                          Double estimate, Double statistic, Double threshold, String sentence) {

    public static GateVerdict waiting(String gate, VerdictState state, String reason, ArmCount candidate,
                                      ArmCount baseline) {
        return new GateVerdict(gate, state, reason, candidate, baseline, null, null, null, reason);
    }
}

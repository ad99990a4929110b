package dev.drover.bench;

/**
 * How one procedure ended on one replication.
 *
 * @param gate          the failing gate of a rollback; null otherwise
 * @param candidateJobs the candidate's judged completions when it decided (or at the cap): canary jobs run
 * @param perArmJobs    the smaller arm's judged completions then: the unit of N_FH ("N_FH jobs per arm")
 * @param hours         when it decided (or the cap's time), hours since the canary began
 * @param failedJobs    candidate code failures completed by then: what the rollout made users suffer
 */
public record Verdict(Kind kind, String gate, int candidateJobs, int perArmJobs, double hours, int failedJobs) {

    public enum Kind {
        ROLLBACK,
        PROMOTE,
        /** Undecided when the canary reached its monitoring cap. */
        NONE
    }
}

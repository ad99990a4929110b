package dev.drover.bench;

/**
 * A canary-judging procedure, fed one canary's events one at a time in time order: every dispatch
 * ({@link #started}) and every completion ({@link #completed}) of both arms. One instance judges one
 * stream; the benchmark makes a fresh one per replication through its {@link Procedures factory}.
 *
 * <p>Once it returns a decision other than {@link Decision#CONTINUE} it is not called again. If it never
 * decides before the monitoring cap (3 x N_FH judged jobs per arm), the replication counts as "no
 * verdict". Implementations should cost O(1) or O(log n) per event (amortised), so a replication costs
 * O(n log n); a look that re-reads everything is fine when looks are rare.
 */
public interface Procedure {

    /** A job of either arm was dispatched; its outcome is not known yet. Most procedures ignore this. */
    default void started(Dispatch job) {
    }

    /** A job completed: its outcome, duration, memory and cost are now visible. */
    Decision completed(Job job);
}

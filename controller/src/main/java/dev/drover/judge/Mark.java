package dev.drover.judge;

/**
 * What one pair of jobs (or one block of pairs) says to one test: the candidate's side had the event and
 * the baseline's did not ({@link #UP}), the other way round ({@link #DOWN}), or no information
 * ({@link #NONE}). While a job of the pair still runs the mark is pending, and carries the worst it can
 * still turn out to be for the candidate: {@link #PENDING_NONE} when it can only end up {@code UP} or
 * {@code NONE}, {@link #PENDING_DOWN} when it may end up {@code DOWN}.
 */
public enum Mark {
    UP, DOWN, NONE, PENDING_NONE, PENDING_DOWN;

    public boolean pending() {
        return this == PENDING_NONE || this == PENDING_DOWN;
    }

    /** Counted as {@code DOWN} in the lower bound on the evidence. */
    boolean worstDown() {
        return this == DOWN || this == PENDING_DOWN;
    }

    /** A rate test's mark: {@code c} and {@code b} say whether each side had the event; null while it runs. */
    public static Mark of(Boolean c, Boolean b) {
        if (c != null && b != null) {
            return c == b ? NONE : c ? UP : DOWN;
        }
        if (c == null && b == null) {
            return PENDING_DOWN;
        }
        // one side known: with the event it can no longer be DOWN if it is the candidate; without it, it can
        boolean known = c != null ? c : b;
        boolean candidateKnown = c != null;
        return candidateKnown == known ? PENDING_NONE : PENDING_DOWN;
    }
}

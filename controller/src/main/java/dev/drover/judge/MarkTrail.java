package dev.drover.judge;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The marks of one test in pair order (dispatch order, fixed before any outcome is known), and the
 * anytime-valid evidence they carry, job by job.
 *
 * <p>The evidence process of {@link PairedEvidence} is defined over the marks in this fixed order: E_n
 * after the first n marks. Ville's inequality bounds the chance that it <em>ever</em> reaches
 * {@code 1 / alpha}, at any n, so it may be read at any n, as often as one likes. What it may not be is
 * computed over the finished pairs only, skipping a pair whose job still runs: which pairs finish first
 * depends on their outcomes (an arm that fails fast finishes its failures first), and the skipped pairs'
 * e-values are not part of the process. So the trail reads E_n at every n, with each still-running pair
 * before n counted at its worst ({@link Mark#PENDING_DOWN} as a {@code DOWN}, {@link Mark#PENDING_NONE}
 * as nothing): every factor of the Beta mixture is smallest for a {@code DOWN}, so that is a lower bound
 * on the E_n the process will have once those jobs end. A rollback on the bound is a rollback the process
 * would make; none waits for the slowest job still running.
 */
public final class MarkTrail {
    /** The fewest {@code UP} and {@code DOWN} marks on which a trail can lean toward a regression. */
    public static final int LEANING_PAIRS = 5;

    private final BayesFactor evidence;
    private final Map<Long, Double> memo = new HashMap<>();
    private Mark[] marks = new Mark[64];
    private int size;
    private int prefix;
    private int prefixUp;
    private int prefixDown;
    private double prefixBest = Double.NEGATIVE_INFINITY;
    private int up;
    private int down;
    private int resolved;

    public MarkTrail(BayesFactor evidence) {
        this.evidence = evidence;
    }

    /** Appends the next pair's mark; its index. */
    public int add(Mark mark) {
        if (size == marks.length) {
            marks = Arrays.copyOf(marks, size * 2);
        }
        marks[size] = Mark.PENDING_DOWN;
        set(size++, mark);
        return size - 1;
    }

    /** Updates a pair's mark as its jobs end; a resolved mark does not change again. */
    public void set(int index, Mark mark) {
        Mark old = marks[index];
        if (old != null && !old.pending()) {
            if (old != mark) {
                throw new IllegalStateException("mark " + index + " was " + old + ", now " + mark);
            }
            return;
        }
        marks[index] = mark;
        if (!mark.pending()) {
            resolved++;
            up += mark == Mark.UP ? 1 : 0;
            down += mark == Mark.DOWN ? 1 : 0;
        }
    }

    public Mark markAt(int index) {
        return marks[index];
    }

    /** Marks no longer pending. */
    public int resolved() {
        return resolved;
    }

    /** Resolved {@code UP} marks. */
    public int up() {
        return up;
    }

    /** Resolved {@code DOWN} marks. */
    public int down() {
        return down;
    }

    /** Marks still pending. */
    public int pending() {
        return size - resolved;
    }

    /**
     * The log of the largest lower bound on E_n over every n so far: at or above {@code log(1 / alpha)}
     * only if the evidence process has reached, or is certain to reach, {@code 1 / alpha}.
     */
    public double logEvidence() {
        while (prefix < size && !marks[prefix].pending()) {
            Mark m = marks[prefix++];
            if (m == Mark.UP) {
                prefixUp++;
            } else if (m == Mark.DOWN) {
                prefixDown++;
            }
            if (m == Mark.UP && (prefix == size || marks[prefix] != Mark.UP)) {
                prefixBest = Math.max(prefixBest, log(prefixUp, prefixDown));
            }
        }
        double best = Math.max(prefixBest, log(prefixUp, prefixDown));
        int u = prefixUp;
        int d = prefixDown;
        for (int i = prefix; i < size; i++) {
            Mark m = marks[i];
            if (m == Mark.UP) {
                u++;
                if (i + 1 == size || marks[i + 1] != Mark.UP) {
                    best = Math.max(best, log(u, d));
                }
            } else if (m.worstDown()) {
                d++;
            }
        }
        return best;
    }

    /**
     * The log evidence of the resolved marks alone, still-running pairs left out: not a bound to roll back
     * on, but the best guess of where the evidence stands, above 0 when the data so far favour a regression.
     */
    public double logLeaning() {
        return log(up, down);
    }

    /**
     * Whether the finished pairs favour a regression: their Bayes factor is above 1, on at least
     * {@link #LEANING_PAIRS} marks that say something. Fewer could not carry a verdict in any stage worth
     * running, and holding a stage for one unlucky failure is not worth it.
     */
    public boolean leaning() {
        return up + down >= LEANING_PAIRS && logLeaning() > 0;
    }

    private double log(int u, int d) {
        long key = ((long) u << 32) | d;
        Double cached = memo.get(key);
        if (cached == null) {
            cached = evidence.logFactor(u, d);
            memo.put(key, cached);
        }
        return cached;
    }
}

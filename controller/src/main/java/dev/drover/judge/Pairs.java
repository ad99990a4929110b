package dev.drover.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every attempt of a stage on both arms, finished or still running, paired by dispatch time
 * ({@link PairStream}): unpaired attempts wait in order on their arm (a few at most) and the oldest of
 * each arm pair up. Which attempts pair depends on dispatch order only, never on outcomes, and partners
 * run at about the same time, so a drift common to both arms does not look like a regression. A
 * still-running side is a {@link Side} without a sample; the tests count such a pair at its worst
 * ({@link Mark}), so nothing waits for the slowest job and an arm whose jobs fail fast does not look
 * worse early on.
 *
 * @param candidate the candidate's side of each pair, oldest first
 * @param baseline  the baseline's side, in the same order
 */
record Pairs(List<Side> candidate, List<Side> baseline) {

    static Pairs of(ArmEvidence cand, ArmEvidence base) {
        List<Tagged> attempts = new ArrayList<>();
        for (boolean candidate : new boolean[] {true, false}) {
            ArmEvidence arm = candidate ? cand : base;
            arm.finished().forEach(s -> attempts.add(new Tagged(new Side(s, 0), s.dispatchedAt().toEpochMilli(), candidate)));
            arm.running().forEach(r -> attempts.add(new Tagged(new Side(null, r.ranMillis()), r.dispatchedAt().toEpochMilli(),
                    candidate)));
        }
        attempts.sort(Comparator.comparingLong(Tagged::at).thenComparing(t -> !t.candidate()));
        List<Side> c = new ArrayList<>();
        List<Side> b = new ArrayList<>();
        PairStream<Side> stream = new PairStream<>();
        for (Tagged t : attempts) {
            stream.add(t.candidate(), t.side()).ifPresent(pair -> {
                c.add(pair.candidate());
                b.add(pair.baseline());
            });
        }
        return new Pairs(c, b);
    }

    int size() {
        return candidate.size();
    }

    /**
     * One side of a pair: a finished attempt, or one still running for {@code ranMillis}.
     *
     * @param sample null while it runs
     */
    record Side(Sample sample, long ranMillis) {
        boolean running() {
            return sample == null;
        }
    }

    private record Tagged(Side side, long at, boolean candidate) {
    }
}

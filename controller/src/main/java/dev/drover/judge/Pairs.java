package dev.drover.judge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Candidate and baseline jobs paired by dispatch time, over the resolved prefix of the stage: the jobs
 * dispatched before the first one still running, on either arm.
 * <ul>
 *   <li>Walking the jobs in dispatch order ({@link PairStream}), unpaired jobs wait in order on their
 *       arm (a few at most) and the oldest of each arm pair up. With a 50/50 split nearly every job
 *       finds a partner; with a small canary share each candidate job meets a recent baseline job and
 *       the older ones are left out. Which jobs pair depends on dispatch times only, never on outcomes,
 *       and partners run at about the same time, so a drift common to both arms does not look like a
 *       regression.</li>
 *   <li>A pair enters only once every job dispatched before it has ended. An arm whose jobs fail fast
 *       while the other's fail slowly therefore does not look worse early on; without this a test that
 *       looks often rolls back good versions.</li>
 * </ul>
 *
 * @param candidate the candidate's side of each pair, oldest first
 * @param baseline  the baseline's side, in the same order
 * @param waiting   finished jobs left out because one dispatched before them still runs
 */
record Pairs(List<Sample> candidate, List<Sample> baseline, int waiting) {

    /** Pairs of the samples of {@code population} (e.g. judged jobs) on each arm. */
    static Pairs of(ArmEvidence cand, ArmEvidence base, Predicate<Sample> population) {
        Instant firstRunning = Stream.concat(cand.running().stream(), base.running().stream())
                .min(Comparator.naturalOrder()).orElse(null);
        List<Tagged> jobs = new ArrayList<>();
        int waiting = 0;
        for (boolean candidate : new boolean[] {true, false}) {
            for (Sample s : (candidate ? cand : base).finished()) {
                if (!population.test(s)) {
                    continue;
                }
                if (firstRunning != null && !s.dispatchedAt().isBefore(firstRunning)) {
                    waiting++;
                } else {
                    jobs.add(new Tagged(s, candidate));
                }
            }
        }
        jobs.sort(Comparator.comparing((Tagged t) -> t.sample().dispatchedAt()).thenComparing(t -> !t.candidate()));
        List<Sample> c = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        PairStream<Sample> stream = new PairStream<>();
        for (Tagged t : jobs) {
            stream.add(t.candidate(), t.sample()).ifPresent(pair -> {
                c.add(pair.candidate());
                b.add(pair.baseline());
            });
        }
        return new Pairs(c, b, waiting);
    }

    int size() {
        return candidate.size();
    }

    /** How many pairs have the event on the candidate's side only, and on the baseline's side only. */
    Discordant discordant(Predicate<Sample> event) {
        int up = 0;
        int down = 0;
        for (int i = 0; i < size(); i++) {
            boolean c = event.test(candidate.get(i));
            boolean b = event.test(baseline.get(i));
            up += c && !b ? 1 : 0;
            down += b && !c ? 1 : 0;
        }
        return new Discordant(up, down);
    }

    /** How many of each side's jobs have the event. */
    static int events(List<Sample> side, Predicate<Sample> event) {
        return (int) side.stream().filter(event).count();
    }

    /** Discordant pair counts. */
    record Discordant(int up, int down) {
    }

    private record Tagged(Sample sample, boolean candidate) {
    }
}

package dev.drover.judge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The label test's view of a tier's stage ({@link LabelEvidence}): one unit per job whose first attempt was
 * dispatched in the stage and whose arm was drawn at random (replays left out), in the order of those first
 * dispatches, fixed before any outcome is known. A unit marks {@code UP} when its job ran on the candidate and had
 * the event, {@code DOWN} when it ran on the baseline and had it, nothing otherwise, read from its latest attempt on
 * the tier. While that attempt runs, or was lost to the infrastructure (a retry on the same arm replaces it), the
 * mark is pending at its worst ({@link MarkTrail}): a job is counted once, by the attempt the code answers for.
 *
 * @param trail            the marks and their evidence
 * @param candidateJudged  the candidate's units whose latest attempt ended in a way the code answers for
 * @param candidateEvents  how many of them had the event
 * @param baselineJudged   the same for the baseline
 * @param baselineEvents   the same for the baseline
 */
record Labels(MarkTrail trail, int candidateJudged, int candidateEvents, int baselineJudged, int baselineEvents) {

    static Labels of(ArmEvidence cand, ArmEvidence base, double split, double tolerance, Predicate<Sample> event) {
        Map<String, Unit> units = new HashMap<>();
        for (boolean candidate : new boolean[] {true, false}) {
            ArmEvidence arm = candidate ? cand : base;
            for (Sample s : arm.finished()) {
                if (s.jobId() != null) {
                    units.computeIfAbsent(s.jobId(), id -> new Unit(id, candidate)).see(s.attempt(), s.dispatchedAt(), s);
                }
            }
            for (Running r : arm.running()) {
                if (r.jobId() != null) {
                    units.computeIfAbsent(r.jobId(), id -> new Unit(id, candidate)).see(r.attempt(), r.dispatchedAt(), null);
                }
            }
        }
        List<Unit> ordered = new ArrayList<>(units.values().stream().filter(u -> u.firstAt != null).toList());
        ordered.sort(Comparator.comparing((Unit u) -> u.firstAt).thenComparing(u -> u.jobId));
        MarkTrail trail = new MarkTrail(LabelEvidence.forRates(tolerance, split));
        int nc = 0;
        int xc = 0;
        int nb = 0;
        int xb = 0;
        for (Unit u : ordered) {
            Sample s = u.latest;
            if (s == null || !s.kind().judged()) { // running, or lost and waiting for its retry
                trail.add(u.candidate ? Mark.PENDING_NONE : Mark.PENDING_DOWN);
                continue;
            }
            boolean had = event.test(s);
            trail.add(!had ? Mark.NONE : u.candidate ? Mark.UP : Mark.DOWN);
            if (u.candidate) {
                nc++;
                xc += had ? 1 : 0;
            } else {
                nb++;
                xb += had ? 1 : 0;
            }
        }
        return new Labels(trail, nc, xc, nb, xb);
    }

    /** The candidate's rate over the baseline's, half an event added to each side; 1 while neither had one. */
    double rateRatio() {
        if (candidateEvents + baselineEvents == 0) {
            return 1;
        }
        return (candidateEvents + 0.5) / (candidateJudged + 0.5) / ((baselineEvents + 0.5) / (baselineJudged + 0.5));
    }

    /** A job: where it first went, and its latest attempt so far (null while that one runs). */
    private static final class Unit {
        final String jobId;
        final boolean candidate;
        Instant firstAt;
        int latestAttempt;
        Sample latest;

        Unit(String jobId, boolean candidate) {
            this.jobId = jobId;
            this.candidate = candidate;
        }

        void see(int attempt, Instant dispatchedAt, Sample sample) {
            if (attempt == 1) {
                firstAt = dispatchedAt;
            }
            if (attempt >= latestAttempt) {
                latestAttempt = attempt;
                latest = sample;
            }
        }
    }
}

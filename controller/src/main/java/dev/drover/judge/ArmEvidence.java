package dev.drover.judge;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one arm of one tier did during a stage: its finished attempts, oldest dispatch first, and those
 * still running (a running attempt dispatched before a horizon's last sample keeps that horizon open: it
 * may still end up in it).
 */
public record ArmEvidence(int revision, List<Sample> finished, List<Running> running) {

    public ArmEvidence {
        finished = finished.stream().sorted(Comparator.comparing(Sample::dispatchedAt)).toList();
        running = running.stream().sorted(Comparator.comparing(Running::dispatchedAt)).toList();
    }

    public List<Sample> judged() {
        return finished.stream().filter(s -> s.kind().judged()).toList();
    }

    public List<Sample> succeeded() {
        return finished.stream().filter(s -> s.kind() == Sample.Kind.SUCCEEDED).toList();
    }

    /** Running attempts dispatched at or before {@code at}. */
    int runningSince(Instant at) {
        return (int) running.stream().filter(r -> !r.dispatchedAt().isAfter(at)).count();
    }
}

package dev.drover.bench;

/**
 * A job as a procedure sees it when it starts: nothing of its outcome is known yet.
 *
 * @param id      unique within one stream; the same id comes back in {@link Job#id()}
 * @param atHours start time, hours since the canary began
 * @param jobId   the id of the job's first attempt (its own for a first attempt; a retry keeps its job's arm)
 */
public record Dispatch(int id, Arm arm, double atHours, int jobId) {

    public Dispatch(int id, Arm arm, double atHours) {
        this(id, arm, atHours, id);
    }

    /** The job's first attempt, whose arm was drawn at random. */
    public boolean first() {
        return id == jobId;
    }
}

package dev.drover.bench;

/**
 * One simulated attempt, as a procedure sees it when it completes (its outcome becomes visible only
 * then, so slow jobs are censored while they run).
 *
 * @param startHours      dispatch time, hours since the canary began
 * @param endHours        completion time; events reach procedures in this order
 * @param durationMinutes how long it ran (until it failed, for failures)
 * @param memoryGiB       its peak memory
 * @param cost            duration x price
 */
public record Job(int id, Arm arm, double startHours, double endHours, Outcome outcome, double durationMinutes,
                  double memoryGiB, double cost, int jobId) {

    /** A job's only attempt. */
    public Job(int id, Arm arm, double startHours, double endHours, Outcome outcome, double durationMinutes,
               double memoryGiB, double cost) {
        this(id, arm, startHours, endHours, outcome, durationMinutes, memoryGiB, cost, id);
    }

    public Dispatch dispatch() {
        return new Dispatch(id, arm, startHours, jobId);
    }

    public boolean candidate() {
        return arm == Arm.CANDIDATE;
    }
}

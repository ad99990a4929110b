package dev.drover.bench;

/**
 * A job as a procedure sees it when it starts: nothing of its outcome is known yet.
 *
 * @param id      unique within one stream; the same id comes back in {@link Job#id()}
 * @param atHours start time, hours since the canary began
 */
public record Dispatch(int id, Arm arm, double atHours) {
}

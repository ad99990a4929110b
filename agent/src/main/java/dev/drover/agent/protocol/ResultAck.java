package dev.drover.agent.protocol;

/**
 * @param disposition {@code recorded} (first time), {@code duplicate} (already recorded: the agent may delete its copy),
 *                    or {@code late} (the attempt was already requeued: kept for the record, changes nothing)
 */
public record ResultAck(long attemptId, String disposition) {
}

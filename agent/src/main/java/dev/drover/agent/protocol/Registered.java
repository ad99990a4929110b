package dev.drover.agent.protocol;

/**
 * The controller's answer to a registration.
 *
 * @param leaseSeconds     an agent that has not renewed its lease (a heartbeat answered) for this long stops its containers
 * @param heartbeatSeconds how often to heartbeat
 * @param pollSeconds      how long a work request may wait for work
 */
public record Registered(String agentId, int leaseSeconds, int heartbeatSeconds, int pollSeconds) {
}

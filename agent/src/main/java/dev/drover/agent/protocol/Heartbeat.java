package dev.drover.agent.protocol;

import java.util.List;

/**
 * The attempts the agent is running now, and those that ended and whose results wait in its spool to be delivered;
 * answered with what to stop. Together they are all the agent holds: the controller takes back an attempt it gave this
 * agent that is in neither (the answer that gave it was lost). {@code unreported} is null while the agent cannot
 * vouch for that (it is still taking stock of its containers after a start), or from an agent that predates it.
 */
public record Heartbeat(List<Long> running, List<Long> unreported) {
    public Heartbeat(List<Long> running) {
        this(running, null);
    }
}

package dev.drover.agent.protocol;

import java.util.List;

/** The attempts the agent is running now; answered with what to stop. */
public record Heartbeat(List<Long> running) {
}

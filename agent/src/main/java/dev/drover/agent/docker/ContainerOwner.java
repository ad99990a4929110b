package dev.drover.agent.docker;

import java.util.Map;

/**
 * Whose containers these are: the agent's id at its controller, and its instance, a random id kept in
 * its state directory. Ids like {@code a1} repeat across controllers sharing one engine (a demo and a
 * test run); the instance does not, so a restarted agent recovers its own containers and nobody else's.
 */
public record ContainerOwner(String agentId, String instance) {
    static final String AGENT_LABEL = "dev.drover.agent";
    static final String INSTANCE_LABEL = "dev.drover.agent-instance";

    Map<String, String> labels() {
        return Map.of(AGENT_LABEL, agentId, INSTANCE_LABEL, instance);
    }
}

package dev.drover.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent as registered.
 *
 * @param name           the agent token's name: one token, one agent
 * @param gpuModels      one entry per GPU
 * @param leaseExpiresAt until when its attempts are its own; renewed by every heartbeat
 */
public record Agent(long id, String name, Map<String, String> labels, List<String> gpuModels, int slots, int cpus,
                    long memoryBytes, String agentVersion, Instant registeredAt, Instant lastSeenAt,
                    Instant leaseExpiresAt, boolean draining) {

    public Agent {
        labels = Map.copyOf(labels);
        gpuModels = List.copyOf(gpuModels);
    }

    public int gpus() {
        return gpuModels.size();
    }

    /** The id people and the API use: {@code a<number>}. */
    public String displayId() {
        return "a" + id;
    }
}

package dev.drover.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where agents are kept. */
public interface AgentStore {

    /** Creates the agent of this name, or refreshes it (labels, GPUs, slots, host, lease) when it registers again. */
    Agent register(String name, Map<String, String> labels, List<String> gpuModels, int slots, int cpus, long memoryBytes,
                   String agentVersion, Instant now, Instant leaseExpiresAt);

    Optional<Agent> byName(String name);

    Optional<Agent> byId(long id);

    List<Agent> list();

    void renew(long id, Instant now, Instant leaseExpiresAt);

    void drain(long id, boolean draining);
}

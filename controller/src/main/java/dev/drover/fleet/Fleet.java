package dev.drover.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Registers agents and keeps their leases. An agent owns its attempts while its lease lasts; it
 * renews it with every heartbeat, and stops its own containers when it cannot.
 */
public final class Fleet {
    private final AgentStore agents;
    private final Duration lease;
    private final Clock clock;

    public Fleet(AgentStore agents, Duration lease, Clock clock) {
        this.agents = agents;
        this.lease = lease;
        this.clock = clock;
    }

    public Agent register(String name, Map<String, String> labels, List<String> gpuModels, int slots, int cpus,
                          long memoryBytes, String version) {
        if (slots < 1 || slots > 1024) {
            throw new IllegalArgumentException("slots must be between 1 and 1024, got " + slots);
        }
        Instant now = clock.instant();
        return agents.register(name, labels, gpuModels, slots, Math.max(1, cpus), Math.max(1, memoryBytes), version, now,
                now.plus(lease));
    }

    public void renew(Agent agent) {
        Instant now = clock.instant();
        agents.renew(agent.id(), now, now.plus(lease));
    }

    public Duration lease() {
        return lease;
    }
}

package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.AGENT;

import dev.drover.fleet.Agent;
import dev.drover.fleet.AgentStore;
import dev.drover.store.jooq.schema.tables.records.AgentRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqAgentStore implements AgentStore {
    private final DSLContext dsl;

    public JooqAgentStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Agent register(String name, Map<String, String> labels, List<String> gpuModels, int slots, int cpus,
                          long memoryBytes, String agentVersion, Instant now, Instant leaseExpiresAt) {
        dsl.insertInto(AGENT)
                .set(AGENT.NAME, name)
                .set(AGENT.LABELS, Json.write(labels))
                .set(AGENT.GPUS, Json.write(gpuModels))
                .set(AGENT.SLOTS, slots)
                .set(AGENT.CPUS, cpus)
                .set(AGENT.MEMORY_BYTES, memoryBytes)
                .set(AGENT.AGENT_VERSION, agentVersion)
                .set(AGENT.REGISTERED_AT, toColumn(now))
                .set(AGENT.LAST_SEEN_AT, toColumn(now))
                .set(AGENT.LEASE_EXPIRES_AT, toColumn(leaseExpiresAt))
                .set(AGENT.VERSION, 1L)
                .onConflict(AGENT.NAME)
                .doUpdate()
                .set(AGENT.LABELS, Json.write(labels))
                .set(AGENT.GPUS, Json.write(gpuModels))
                .set(AGENT.SLOTS, slots)
                .set(AGENT.CPUS, cpus)
                .set(AGENT.MEMORY_BYTES, memoryBytes)
                .set(AGENT.AGENT_VERSION, agentVersion)
                .set(AGENT.REGISTERED_AT, toColumn(now))
                .set(AGENT.LAST_SEEN_AT, toColumn(now))
                .set(AGENT.LEASE_EXPIRES_AT, toColumn(leaseExpiresAt))
                .set(AGENT.VERSION, AGENT.VERSION.plus(1))
                .execute();
        return byName(name).orElseThrow();
    }

    @Override
    public Optional<Agent> byName(String name) {
        return dsl.selectFrom(AGENT).where(AGENT.NAME.eq(name)).fetchOptional().map(JooqAgentStore::toAgent);
    }

    @Override
    public Optional<Agent> byId(long id) {
        return dsl.selectFrom(AGENT).where(AGENT.ID.eq(id)).fetchOptional().map(JooqAgentStore::toAgent);
    }

    @Override
    public List<Agent> list() {
        return dsl.selectFrom(AGENT).orderBy(AGENT.ID).fetch(JooqAgentStore::toAgent);
    }

    @Override
    public void renew(long id, Instant now, Instant leaseExpiresAt) {
        dsl.update(AGENT).set(AGENT.LAST_SEEN_AT, toColumn(now)).set(AGENT.LEASE_EXPIRES_AT, toColumn(leaseExpiresAt))
                .where(AGENT.ID.eq(id)).execute();
    }

    @Override
    public void drain(long id, boolean draining) {
        dsl.update(AGENT).set(AGENT.DRAINING, draining).set(AGENT.VERSION, AGENT.VERSION.plus(1))
                .where(AGENT.ID.eq(id)).execute();
    }

    private static Agent toAgent(AgentRecord r) {
        return new Agent(r.getId(), r.getName(), Json.map(r.getLabels()), Json.list(r.getGpus()), r.getSlots(), r.getCpus(),
                r.getMemoryBytes(), r.getAgentVersion(), fromColumn(r.getRegisteredAt()), fromColumn(r.getLastSeenAt()),
                fromColumn(r.getLeaseExpiresAt()), r.getDraining());
    }
}

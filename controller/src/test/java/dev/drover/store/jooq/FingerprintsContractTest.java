package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.audit.AuditEvent;
import dev.drover.audit.AuditOutcome;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The live feed's fingerprints on every database: each moves when its part of the state does, and only then. */
@ParameterizedClass
@EnumSource(Backend.class)
class FingerprintsContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private JooqFingerprints fingerprints;
    private Service service;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        fingerprints = new JooqFingerprints(db.database().dsl());
        service = new JooqServiceStore(db.database().dsl()).create(new ServiceSettings("live-" + System.nanoTime(),
                "file:///none", "main", null, null), ServiceOrigin.API, T0);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).collect(Collectors.toSet());
    }

    @Test
    void everyServiceHasItsKeysAndATierOrAuditChangeMovesOnlyItsOwn() {
        Map<String, String> first = fingerprints.read();
        String name = service.name();
        assertThat(first).containsKeys("jobs", "agents", "audit", "jobs:" + name, "tiers:" + name, "commits:" + name,
                "verdicts:" + name);
        assertThat(changed(first, fingerprints.read())).isEmpty();

        new JooqTierStateStore(db.database().dsl()).deployAll(service.id(), List.of("main"), 1, T0);
        Map<String, String> second = fingerprints.read();
        assertThat(changed(first, second)).containsExactly("tiers:" + name);

        new JooqAuditStore(db.database().dsl()).append(new AuditEvent(0, T0, "ada", "lock", "service/" + name, "drill",
                AuditOutcome.OK, 200, null, null));
        assertThat(changed(second, fingerprints.read())).containsExactly("audit");
    }
}

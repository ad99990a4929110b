package dev.drover.fleet;

import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.StageSpec;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.JooqRevisionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The ladder the process-level rollout tests deploy on: tiers canary and main, half the traffic each, one
 * stage per tier with a 2 s bake; revisions run the demo worker's one-second job.
 */
final class Ladder {
    static final List<String> TIERS = List.of("canary", "main");

    private Ladder() {
    }

    /**
     * A green revision of the service (its next number) whose canary stage waits for {@code canaryJobs} judged jobs
     * per arm and main for 3; {@code env} over the worker's {@code DURATION=1}. Returns its number.
     */
    static int revision(DSLContext dsl, long serviceId, String image, int canaryJobs, Map<String, String> env) {
        JooqRevisionStore revisions = new JooqRevisionStore(dsl);
        int next = revisions.list(serviceId, 1).stream().mapToInt(r -> r.number()).max().orElse(0) + 1;
        Map<String, String> all = new HashMap<>(Map.of("DURATION", "1"));
        all.putAll(env);
        List<RevisionSpec.Stage> stages = List.of(
                RevisionSpec.Stage.of(new StageSpec(List.of("canary"), Duration.ofSeconds(2), canaryJobs, 0.5,
                        Duration.ofMinutes(10))),
                RevisionSpec.Stage.of(new StageSpec(List.of("main"), Duration.ofSeconds(2), 3, 0.5, Duration.ofMinutes(10))));
        RevisionSpec spec = new RevisionSpec(List.of("sh", "/app/work.sh"), all, Map.of(), 0.5, 256L << 20, 64L << 20,
                600, 2, 0, "optional", false, List.of(new RevisionSpec.Tier("canary", "cpu", 50, 0),
                new RevisionSpec.Tier("main", "cpu", 50, 0)), stages, GatesSpec.DEFAULT);
        return GreenRevisions.create(new JooqCommitStore(dsl), revisions, serviceId, String.format("%040x", next), image,
                spec, Instant.now());
    }
}

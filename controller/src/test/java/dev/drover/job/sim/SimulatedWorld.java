package dev.drover.job.sim;

import dev.drover.agent.run.MutableClock;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.SeenCommit;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.job.NewJob;
import dev.drover.revision.RevisionSpec;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.TestDatabases;
import dev.drover.target.Capacity;
import dev.drover.target.Target;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The controller's job objects on a fresh in-memory H2 database, with a simulated backend: one service
 * ({@value #SERVICE}) whose revision 1 is the demo worker on tiers {@code canary} (20) and {@code main}
 * (80) of target {@code cpu}, deployed as stable, and one host {@code worker-1} serving it.
 */
public final class SimulatedWorld implements ContractBackend {
    public static final String SERVICE = "sim";
    public static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    public static final List<String> TIERS = List.of("canary", "main");
    public static final Map<String, String> LABELS = Map.of("pool", "cpu", "zone", "a");
    public static final Target CPU = new Target("cpu", "local", Capacity.ON_DEMAND, 0, null, "sim.large",
            new BigDecimal("0.10"), Map.of("pool", "cpu"));

    private final TestDatabases.Opened db;
    private final MutableClock clock = new MutableClock(T0);
    private final ControllerSide controller;
    private final SimulatedBackend backend;
    private final Service service;
    private final List<String> submitted = new ArrayList<>();

    private SimulatedWorld(long seed) {
        db = TestDatabases.open(TestDatabases.Backend.H2);
        controller = ControllerSide.on(db.database(), List.of(CPU), clock, Duration.ofSeconds(30), Duration.ofSeconds(15),
                seed);
        backend = SimulatedBackend.on(controller, clock, seed);
        service = controller.services().create(new ServiceSettings(SERVICE, "file:///none", "main", null, null),
                ServiceOrigin.API, T0);
        addRevision();
        deploy(1, null, 0);
        backend.host("worker-1", LABELS, 4, 0);
    }

    /** A new world; the seed drives routing (as {@code drover.jobs.routing-seed}) and the simulated runs. */
    public static SimulatedWorld open(long seed) {
        return new SimulatedWorld(seed);
    }

    public SimulatedBackend backend() {
        return backend;
    }

    public ControllerSide controller() {
        return controller;
    }

    public MutableClock clock() {
        return clock;
    }

    public Service service() {
        return service;
    }

    public Database database() {
        return db.database();
    }

    /** The demo worker's job spec, as {@code Cluster} gives the real agents. */
    public static RevisionSpec demoSpec() {
        return new RevisionSpec(List.of("sh", "/app/work.sh"), Map.of("DURATION", "1"), Map.of(), 0.5, 256L << 20,
                64L << 20, 600, 2, 0, "optional", false,
                List.of(new RevisionSpec.Tier("canary", "cpu", 20, 0), new RevisionSpec.Tier("main", "cpu", 80, 0)));
    }

    @Override
    public int addRevision() {
        int next = controller.revisions().list(service.id(), 1).stream().mapToInt(r -> r.number()).max().orElse(0) + 1;
        String sha = String.format("%040x", next);
        var commits = new JooqCommitStore(db.database().dsl());
        commits.record(service.id(), new SeenCommit(sha, List.of(), "Ada", "a@x", "v" + next, clock.instant()),
                CommitStatus.GREEN, null, clock.instant());
        long commitId = commits.find(service.id(), sha).orElseThrow().id();
        return controller.revisions().create(service.id(), commitId, "sha256:" + sha.repeat(2).substring(0, 64),
                demoSpec(), clock.instant()).number();
    }

    @Override
    public void deploy(int stable, Integer candidate, double split) {
        TierStates.put(db.database(), service.id(), TIERS, stable, candidate, split, clock.instant());
    }

    @Override
    public void addHost(String name) {
        backend.host(name, LABELS, 4, 0);
    }

    @Override
    public List<Job> submit(List<NewJob> jobs) {
        List<Job> created = controller.submission().submit(service, jobs);
        created.forEach(j -> submitted.add(j.id()));
        return created;
    }

    @Override
    public boolean runUntilSettled(Duration max) {
        return backend.runUntil(() -> submitted.stream().allMatch(id -> job(id).status().finished()), max,
                SimulatedBackend.STEP);
    }

    @Override
    public boolean runUntilRunning(String jobId, Duration max) {
        return backend.runUntil(() -> job(jobId).status() == JobStatus.RUNNING, max, SimulatedBackend.STEP);
    }

    @Override
    public Job cancel(String jobId) {
        return controller.submission().cancel(job(jobId));
    }

    @Override
    public Job job(String id) {
        return controller.jobs().find(id).orElseThrow();
    }

    @Override
    public List<Attempt> attempts(String jobId) {
        return controller.jobs().attempts(jobId);
    }

    @Override
    public void close() {
        db.close();
    }
}

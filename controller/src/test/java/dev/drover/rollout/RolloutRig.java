package dev.drover.rollout;

import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.run.MutableClock;
import dev.drover.job.Job;
import dev.drover.job.JobStore;
import dev.drover.job.NewJob;
import dev.drover.job.sim.Behaviour;
import dev.drover.job.sim.ControllerSide;
import dev.drover.job.sim.Run;
import dev.drover.job.sim.SimulatedBackend;
import dev.drover.judge.FixedHorizonJudge;
import dev.drover.judge.Judge;
import dev.drover.judge.JudgeInput;
import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.service.ServiceStore;
import dev.drover.spec.CanaryLoadSpec;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.StageSpec;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.JooqJobStore;
import dev.drover.store.jooq.JooqRevisionStore;
import dev.drover.store.jooq.JooqRolloutStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.JooqTierStateStore;
import dev.drover.store.jooq.TestDatabases;
import dev.drover.target.Capacity;
import dev.drover.target.Target;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;

/**
 * A service with the product's ladder (canary-gpu and canary-spot, then c1, c2, c3) on simulated GPU
 * spot, CPU spot and on-demand hosts, the real stores on an in-memory database, the real engine, and
 * a steady stream of jobs, all under one mutable clock: a whole rollout runs in a second or two.
 */
final class RolloutRig implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    static final Map<String, String> GPU = Map.of("pool", "gpu-spot");
    static final Map<String, String> SPOT = Map.of("pool", "cpu-spot");
    static final Map<String, String> ONDEMAND = Map.of("pool", "cpu-ondemand");
    static final List<Target> TARGETS = List.of(
            new Target("gpu-spot", "local", Capacity.SPOT, 1, "Simulated GPU", "g5.xlarge", new BigDecimal("0.50"), GPU),
            new Target("cpu-spot", "local", Capacity.SPOT, 0, null, "c6i.large", new BigDecimal("0.03"), SPOT),
            new Target("cpu-ondemand", "local", Capacity.ON_DEMAND, 0, null, "c6i.large", new BigDecimal("0.09"), ONDEMAND));
    static final Duration STEP = Duration.ofSeconds(5);

    final TestDatabases.Opened db = TestDatabases.open(TestDatabases.Backend.H2);
    final MutableClock clock = new MutableClock(T0);
    final ControllerSide side;
    final SimulatedBackend backend;
    final Service service;
    final List<RolloutEvent> published = new CopyOnWriteArrayList<>();
    final RolloutStore rollouts;
    final RolloutCommands commands;
    private final SplittableRandom random;
    private SplittableRandom crashDice;
    private double crashChance;
    private RolloutEngine engine;
    private Behaviour behaviour;
    private double jobsPerSecond = 1;
    private Instant databaseDownUntil = Instant.MIN;
    private Judge judge = new FixedHorizonJudge();
    private Floors floors = new Floors(Duration.ZERO, 1, java.util.Set.of(), 0.05,
            new JudgeInput.BootstrapLimits(0.2, 0.5));

    RolloutRig(long seed) {
        random = new SplittableRandom(seed);
        side = ControllerSide.on(db.database(), TARGETS, clock, Duration.ofSeconds(30), Duration.ofSeconds(15), seed);
        backend = SimulatedBackend.on(side, clock, seed);
        service = side.services().create(new ServiceSettings("thumbnailer", "file:///none", "main", null, null),
                ServiceOrigin.API, T0);
        side.services().autoDeploy(service.id(), false);
        rollouts = new JooqRolloutStore(db.database().dsl());
        commands = new RolloutCommands(rollouts, side.tiers(), side.revisions(), published::add, clock);
        for (int i = 1; i <= 8; i++) {
            backend.host("gpu-" + i, GPU, 1, 1); // one GPU each, like a g5.xlarge: one GPU job at a time
        }
        for (int i = 1; i <= 3; i++) {
            backend.host("spot-" + i, SPOT, 16, 0);
            backend.host("ondemand-" + i, ONDEMAND, 24, 0);
        }
        behaviour = worker(0.02, 1.0, 1.0, 0);
        backend.behaviour((a, r) -> behaviour.run(a, r));
    }

    /** A worker failing {@code failRate} of jobs, {@code slower} x as long and {@code heavier} x the memory of the norm. */
    static Behaviour worker(double failRate, double slower, double heavier, double spotRate) {
        return (a, r) -> {
            if (r.nextDouble() < spotRate) {
                return Run.spotInterruption(Duration.ofSeconds(20), 100L << 20);
            }
            long millis = (long) (60_000 * slower * Math.exp(0.15 * r.nextGaussian()));
            long memory = (long) ((200L << 20) * heavier * Math.exp(0.05 * r.nextGaussian()));
            return Run.exits(r.nextDouble() < failRate ? 1 : 0, Duration.ofMillis(millis), memory);
        };
    }

    /** The product's ladder: two canary tiers at once, then c1, c2, c3. */
    static RevisionSpec spec(int canaryMinJobs, GatesSpec gates) {
        return spec(List.of(
                stage(List.of("canary-gpu", "canary-spot"), Duration.ofMinutes(10), canaryMinJobs, Duration.ofHours(2)),
                stage(List.of("c1"), Duration.ofMinutes(5), 30, Duration.ofHours(2)),
                stage(List.of("c2"), Duration.ofMinutes(5), 30, Duration.ofHours(2)),
                stage(List.of("c3"), Duration.ofMinutes(5), 30, Duration.ofHours(2))), gates);
    }

    /** The worker's job definition on the five tiers, with these stages and gates. */
    static RevisionSpec spec(List<RevisionSpec.Stage> stages, GatesSpec gates) {
        List<RevisionSpec.Tier> tiers = List.of(new RevisionSpec.Tier("canary-gpu", "gpu-spot", 10, 1),
                new RevisionSpec.Tier("canary-spot", "cpu-spot", 10, 0), new RevisionSpec.Tier("c1", "cpu-ondemand", 20, 0),
                new RevisionSpec.Tier("c2", "cpu-ondemand", 30, 0), new RevisionSpec.Tier("c3", "cpu-ondemand", 30, 0));
        return new RevisionSpec(List.of("python", "work.py"), Map.of(), Map.of(), 1, 512L << 20, 0, 3600, 3, 0,
                "optional", false, tiers, stages, gates);
    }

    /** The same spec with replayed canary load of the {@code recent} latest jobs. */
    static RevisionSpec replaying(RevisionSpec s, int recent) {
        return new RevisionSpec(s.command(), s.env(), s.secrets(), s.vcpus(), s.memoryBytes(), s.shmBytes(),
                s.timeoutSeconds(), s.infraRetries(), s.codeRetries(), s.gpuMode(), s.network(), s.tiers(), s.stages(),
                s.gates(), new CanaryLoadSpec(recent));
    }

    static RevisionSpec.Stage stage(List<String> tiers, Duration bake, int minJobs, Duration deadline) {
        return RevisionSpec.Stage.of(new StageSpec(tiers, bake, minJobs, 0.5, deadline));
    }

    static RevisionSpec spec() {
        return spec(40, GatesSpec.DEFAULT);
    }

    int revision(RevisionSpec spec) {
        int next = side.revisions().list(service.id(), 1).stream().mapToInt(r -> r.number()).max().orElse(0) + 1;
        String sha = String.format("%040x", next);
        return GreenRevisions.create(new JooqCommitStore(db.database().dsl()), side.revisions(), service.id(), sha,
                "registry/thumbnailer@sha256:" + sha + sha.substring(0, 24), spec, clock.instant());
    }

    /** Puts {@code revision} on every tier as stable, as if an earlier rollout had finished. */
    void live(int revision) {
        side.tiers().deployAll(service.id(), List.of("canary-gpu", "canary-spot", "c1", "c2", "c3"), revision,
                clock.instant());
    }

    RolloutRig behaving(Behaviour next) {
        behaviour = next;
        return this;
    }

    RolloutRig floors(Floors next) {
        floors = next;
        engine = null;
        return this;
    }

    /** The judge the engine asks (the fixed-horizon one unless a test says otherwise). */
    RolloutRig judging(Judge next) {
        judge = next;
        engine = null;
        return this;
    }

    RolloutRig jobsPerSecond(double rate) {
        jobsPerSecond = rate;
        return this;
    }

    /** A fresh engine, as after a restart: nothing carried over but what is in the database. */
    RolloutEngine engine() {
        if (engine == null) {
            engine = newEngine("controller-1", db.database().dsl(), true);
        }
        return engine;
    }

    /** A second controller's engine on the same database. */
    RolloutEngine otherEngine(String holder) {
        return newEngine(holder, db.database().dsl(), false);
    }

    private RolloutEngine newEngine(String holder, DSLContext dsl, boolean crashable) {
        RolloutStore store = new JooqRolloutStore(dsl);
        TierStateStore tiers = new JooqTierStateStore(dsl);
        RevisionStore revisions = new JooqRevisionStore(dsl);
        ServiceStore services = new JooqServiceStore(dsl);
        JobStore jobs = new JooqJobStore(dsl);
        if (crashable) {
            store = crashable(RolloutStore.class, store);
            tiers = crashable(TierStateStore.class, tiers);
            revisions = crashable(RevisionStore.class, revisions);
            services = crashable(ServiceStore.class, services);
            jobs = crashable(JobStore.class, jobs);
        }
        return new RolloutEngine(store, tiers, revisions, services, jobs, new PolicyCompiler(floors, judge),
                new RolloutDecider(judge), published::add, () -> { }, holder, Duration.ofSeconds(30), clock);
    }

    void restart() {
        engine = null;
    }

    /** Runs the world for {@code total}: jobs arrive, hosts run them, the engine reconciles every step. */
    void run(Duration total) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(STEP)) {
            step();
        }
    }

    /** Runs until no rollout is open (or {@code max} passes); true when they all ended. */
    boolean runUntilSettled(Duration max) {
        for (Duration done = Duration.ZERO; done.compareTo(max) < 0; done = done.plus(STEP)) {
            if (rollouts.open(service.id()).isEmpty()) {
                return true;
            }
            step();
        }
        return rollouts.open(service.id()).isEmpty();
    }

    /**
     * Jobs arrive, the hosts run for a step, the engine reconciles; a crash of the engine restarts it. While the
     * database is down nothing reaches the controller: submissions fail (their producers give up), hosts keep
     * running what they have and report it after, and the engine's passes fail.
     */
    void step() {
        boolean down = clock.instant().isBefore(databaseDownUntil);
        int arriving = poisson(jobsPerSecond * STEP.toSeconds());
        Instant stepStart = clock.instant();
        for (int i = 0; i < arriving && !down; i++) { // a millisecond apart: the queue's order (by arrival) is then the same every run
            clock.advance(Duration.ofMillis(1));
            side.submission().submit(service, List.of(new NewJob(Map.of(), false, null)));
        }
        submitted += down ? 0 : arriving;
        backend.advance(STEP.minus(Duration.between(stepStart, clock.instant())), STEP);
        if (down) {
            return;
        }
        try {
            engine().reconcile();
        } catch (Crash crash) {
            crashes++;
            restart();
        }
    }

    /** The database is down for {@code duration} from now (see {@link #step}). */
    RolloutRig databaseDown(Duration duration) {
        databaseDownUntil = clock.instant().plus(duration);
        backend.controllerDown(duration);
        return this;
    }

    /**
     * The engine's process dies at random: before any call it makes to a store, and right after a
     * transition commits (before its events are published), it may be killed with probability
     * {@code chance}. A kill abandons the rest of the pass, as SIGKILL would (a transaction cut short
     * is rolled back by the database, the same as one never begun); the next step starts a fresh engine
     * from the database alone.
     */
    RolloutRig crashing(double chance, long seed) {
        crashDice = new SplittableRandom(seed);
        crashChance = chance;
        engine = null;
        return this;
    }

    private <T> T crashable(Class<T> type, T target) {
        if (crashChance == 0) {
            return target;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (crashDice.nextDouble() < crashChance) {
                throw new Crash();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("apply") && crashDice.nextDouble() < crashChance) {
                throw new Crash(); // committed, never published
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The simulated kill: an Error, so no handler in the engine mistakes it for a failure it may survive. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    int crashes;
    int submitted;

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    Rollout deploy(int revision) {
        return commands.deploy(service.id(), revision, "ada", "test", false);
    }

    Rollout latest() {
        return rollouts.list(service.id(), 1).get(0);
    }

    Map<String, TierState> tiers() {
        Map<String, TierState> map = new HashMap<>();
        side.tiers().list(service.id()).forEach(t -> map.put(t.tier(), t));
        return map;
    }

    /** Tiers on which attempts of {@code revision} ran. */
    List<String> tiersThatRan(int revision) {
        List<String> tiers = new ArrayList<>();
        for (Job job : side.jobs().list(service.id(), 100_000)) {
            side.jobs().attempts(job.id()).stream().filter(a -> a.revision() == revision)
                    .map(a -> a.tier()).filter(t -> !tiers.contains(t)).forEach(tiers::add);
        }
        return tiers;
    }

    List<Job> jobs() {
        return side.jobs().list(service.id(), 100_000);
    }

    long attemptsWith(Outcome outcome) {
        return jobs().stream().flatMap(j -> side.jobs().attempts(j.id()).stream()).filter(a -> a.outcome() == outcome)
                .count();
    }

    /** The service's stored rollout events, oldest first. */
    List<RolloutEvent> events() {
        return rollouts.events(service.id(), 0, 100_000);
    }

    @Override
    public void close() {
        db.close();
    }
}

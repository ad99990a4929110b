package dev.drover.job.sim;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.run.MutableClock;
import dev.drover.fleet.Agent;
import dev.drover.fleet.AgentStore;
import dev.drover.fleet.Fleet;
import dev.drover.job.Attempt;
import dev.drover.job.Dispatcher;
import dev.drover.job.JobStore;
import dev.drover.job.LeaseReaper;
import dev.drover.job.ResultIngest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A job backend of simulated hosts, in memory, under a {@link MutableClock}: the hosts register,
 * heartbeat, pull work, post results and honour cancellation through the same controller objects
 * the agent protocol's endpoints call, so only the containers are make-believe. Each step of the
 * clock: ended runs post their results, live hosts heartbeat (renew, cancel), the reaper runs, dead
 * hosts whose attempts were given up on come back, and free slots pull work. Deterministic for a
 * seed given the same calls (job ids are random, so which job draws what may differ; the draws do not).
 */
public final class SimulatedBackend {
    public static final Duration STEP = Duration.ofSeconds(1);
    static final String VERSION = "simulated";

    private final Fleet fleet;
    private final AgentStore agents;
    private final JobStore jobs;
    private final Dispatcher dispatcher;
    private final ResultIngest ingest;
    private final LeaseReaper reaper;
    private final MutableClock clock;
    private final SplittableRandom random;
    private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();
    private Behaviour behaviour = Behaviour.demoWorker();
    private long ticks;
    private Instant controllerDownUntil = Instant.MIN;

    public SimulatedBackend(Fleet fleet, AgentStore agents, JobStore jobs, Dispatcher dispatcher, ResultIngest ingest,
                            LeaseReaper reaper, MutableClock clock, long seed) {
        this.fleet = fleet;
        this.agents = agents;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.ingest = ingest;
        this.reaper = reaper;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    public static SimulatedBackend on(ControllerSide controller, MutableClock clock, long seed) {
        return new SimulatedBackend(controller.fleet(), controller.agents(), controller.jobs(), controller.dispatcher(),
                controller.ingest(), controller.reaper(), clock, seed);
    }

    /** Registers a host of 4 CPUs and 8 GiB; {@code labels} decide which targets it serves. */
    public Agent host(String name, Map<String, String> labels, int slots, int gpus) {
        return host(name, labels, slots, gpus, 4, 8L << 30);
    }

    public Agent host(String name, Map<String, String> labels, int slots, int gpus, int cpus, long memoryBytes) {
        if (hosts.containsKey(name)) {
            throw new IllegalArgumentException("there already is a simulated host " + name);
        }
        SimulatedHost host = new SimulatedHost(name, labels, Collections.nCopies(gpus, "Simulated GPU"), slots, cpus,
                memoryBytes);
        register(host);
        hosts.put(name, host);
        return host.agent();
    }

    /** How attempts started from now on go; the demo worker until set. */
    public SimulatedBackend behaviour(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** Kills the host now, as a run's {@link Run#killsHost} would. */
    public void kill(String name) {
        SimulatedHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no simulated host " + name);
        }
        host.die(clock.instant());
    }

    /**
     * Freezes the host for {@code duration} from now, as a stopped agent process would be: its runs go on, but it
     * neither heartbeats, nor reports, nor asks for work until then; then it reports what ended meanwhile.
     */
    public void freeze(String name, Duration duration) {
        SimulatedHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no simulated host " + name);
        }
        host.silence(clock.instant().plus(duration));
    }

    /**
     * The controller's side is unreachable for {@code duration} from now (its database is down): no host can
     * heartbeat, report or take work, and the reaper does not run; the hosts' runs go on and are reported after.
     */
    public void controllerDown(Duration duration) {
        controllerDownUntil = clock.instant().plus(duration);
    }

    public boolean alive(String name) {
        return hosts.get(name).alive();
    }

    /** The host's agent as last registered. */
    public Agent agent(String name) {
        return hosts.get(name).agent();
    }

    public void advance(Duration total) {
        advance(total, STEP);
    }

    /** Acts at the current time, then moves the clock by {@code step} (the last one shorter) and acts, until {@code total} passed. */
    public void advance(Duration total, Duration step) {
        requirePositive(step);
        tick();
        for (Duration left = total; left.compareTo(Duration.ZERO) > 0; left = left.minus(step)) {
            clock.advance(left.compareTo(step) < 0 ? left : step);
            tick();
        }
    }

    public boolean runUntilSettled(Duration max) {
        return runUntil(this::settled, max, STEP);
    }

    /** Steps until {@code done} holds or {@code max} passed; whether it holds. */
    public boolean runUntil(BooleanSupplier done, Duration max, Duration step) {
        requirePositive(step);
        Instant deadline = clock.instant().plus(max);
        tick();
        while (!done.getAsBoolean() && clock.instant().isBefore(deadline)) {
            clock.advance(step);
            tick();
        }
        return done.getAsBoolean();
    }

    /** No job is queued and none of these hosts' attempts is running (the lost ones of dead hosts included). */
    public boolean settled() {
        return jobs.queued(1).isEmpty() && hosts.values().stream().allMatch(h -> jobs.running(h.agent().id()).isEmpty());
    }

    /** One round at the current time. */
    public void tick() {
        Instant now = clock.instant();
        if (now.isBefore(controllerDownUntil)) {
            ticks++;
            return;
        }
        List<SimulatedHost> order = rotated();
        order.stream().filter(h -> h.talking(now)).forEach(h -> postEnded(h, now));
        order.stream().filter(h -> h.talking(now)).forEach(h -> heartbeat(h, now));
        reaper.reap();
        order.stream().filter(h -> !h.alive()).forEach(h -> comeBack(h, now));
        order.stream().filter(h -> h.talking(now)).forEach(h -> pullWork(h, now));
        ticks++;
    }

    /** The hosts, starting one further along each round, so that no host always asks for work first. */
    private List<SimulatedHost> rotated() {
        List<SimulatedHost> order = new ArrayList<>(hosts.values());
        if (!order.isEmpty()) {
            Collections.rotate(order, (int) -(ticks % order.size()));
        }
        return order;
    }

    private void postEnded(SimulatedHost host, Instant now) {
        for (RunningAttempt ended : host.takeEnded(now)) {
            if (ended.run().killsHost()) {
                host.die(ended.endsAt());
                return;
            }
            post(host, ended.result());
        }
    }

    private void heartbeat(SimulatedHost host, Instant now) {
        fleet.renew(host.agent());
        for (Attempt cancelled : jobs.cancelRequested(host.agent().id())) {
            host.take(cancelled.id()).ifPresent(r -> post(host, r.cancelled(now)));
        }
    }

    private void comeBack(SimulatedHost host, Instant now) {
        boolean leaseOver = !now.isBefore(host.diedAt().plus(fleet.lease()));
        if (leaseOver && jobs.running(host.agent().id()).isEmpty()) {
            register(host);
        }
    }

    private void pullWork(SimulatedHost host, Instant now) {
        Agent agent = agents.byId(host.agent().id()).orElseThrow();
        for (Assignment assignment : dispatcher.assign(agent, host.freeSlots())) {
            Run run = HostLimits.apply(behaviour.run(assignment, random.split()), assignment.limits());
            host.start(assignment, now, run);
        }
    }

    private void post(SimulatedHost host, AttemptResult result) {
        ResultIngest.Disposition taken = ingest.ingest(host.agent(), result);
        if (taken == ResultIngest.Disposition.UNKNOWN || taken == ResultIngest.Disposition.NOT_YOURS) {
            throw new IllegalStateException("host " + host.name + " posted attempt " + result.attemptId() + ": " + taken);
        }
    }

    private void register(SimulatedHost host) {
        host.registered(fleet.register(host.name, host.labels, host.gpuModels, host.slots, host.cpus, host.memoryBytes,
                VERSION));
    }

    private static void requirePositive(Duration step) {
        if (step.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("the step must be positive, not " + step);
        }
    }
}

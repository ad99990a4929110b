package dev.drover.job.sim;

import dev.drover.agent.protocol.Assignment;
import dev.drover.fleet.Agent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One simulated host: its registration, the attempts it runs, and whether (since when) it is dead. */
final class SimulatedHost {
    final String name;
    final Map<String, String> labels;
    final List<String> gpuModels;
    final int slots;
    final int cpus;
    final long memoryBytes;
    private final Map<Long, RunningAttempt> running = new LinkedHashMap<>();
    private Agent agent;
    private Instant diedAt;
    private Instant silentUntil = Instant.MIN;

    SimulatedHost(String name, Map<String, String> labels, List<String> gpuModels, int slots, int cpus, long memoryBytes) {
        this.name = name;
        this.labels = Map.copyOf(labels);
        this.gpuModels = List.copyOf(gpuModels);
        this.slots = slots;
        this.cpus = cpus;
        this.memoryBytes = memoryBytes;
    }

    Agent agent() {
        return agent;
    }

    void registered(Agent registered) {
        agent = registered;
        diedAt = null;
    }

    boolean alive() {
        return diedAt == null;
    }

    Instant diedAt() {
        return diedAt;
    }

    /** Frozen (a stopped process, a cut network) until {@code until}: its runs go on, it says nothing. */
    void silence(Instant until) {
        silentUntil = until.isAfter(silentUntil) ? until : silentUntil;
    }

    /** Alive and able to talk to the controller at {@code now}. */
    boolean talking(Instant now) {
        return alive() && !now.isBefore(silentUntil);
    }

    /** Stops at {@code at}: no more heartbeats, and its runs vanish without a word. */
    void die(Instant at) {
        diedAt = at;
        running.clear();
    }

    int freeSlots() {
        return slots - running.size();
    }

    void start(Assignment assignment, Instant now, Run run) {
        running.put(assignment.attemptId(), new RunningAttempt(assignment, now, run));
    }

    /**
     * Takes the runs that ended by {@code now}, earliest first; a run that kills the host ends the
     * list (it is last), and the runs still going with it vanish when the caller lets the host die.
     */
    List<RunningAttempt> takeEnded(Instant now) {
        List<RunningAttempt> ended = new ArrayList<>(running.values().stream()
                .filter(r -> !r.endsAt().isAfter(now)).sorted(Comparator.comparing(RunningAttempt::endsAt)).toList());
        List<RunningAttempt> taken = new ArrayList<>();
        for (RunningAttempt r : ended) {
            running.remove(r.assignment().attemptId());
            taken.add(r);
            if (r.run().killsHost()) {
                break;
            }
        }
        return taken;
    }

    Optional<RunningAttempt> take(long attemptId) {
        return Optional.ofNullable(running.remove(attemptId));
    }
}

package dev.drover.live;

import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.RolloutStore;
import dev.drover.service.Services;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Finds what changed since its last look: new rollout events in order, then each fingerprint that moved.
 * The first look after {@link #reset} only takes the baseline (a dashboard that connects loads the
 * whole state anyway). A stream that connects takes the baseline first ({@link #baseline}), so nothing
 * that changes after it says hello is missed.
 */
public final class LiveFeed {
    static final int EVENTS_PER_LOOK = 500;

    private final RolloutStore rollouts;
    private final Services services;
    private final Fingerprints fingerprints;
    private Map<String, String> marks = Map.of();
    private long lastEventId = -1;

    public LiveFeed(RolloutStore rollouts, Services services, Fingerprints fingerprints) {
        this.rollouts = rollouts;
        this.services = services;
        this.fingerprints = fingerprints;
    }

    /** Forgets the baseline (nobody is watching); the next look takes a new one. */
    public synchronized void reset() {
        lastEventId = -1;
        marks = Map.of();
    }

    /**
     * Forgets the baseline if nobody is watching, asked under the same lock a connecting stream takes its
     * baseline with: a stream that subscribed before asking for its baseline never has it forgotten.
     */
    public synchronized void resetIf(BooleanSupplier nobodyWatching) {
        if (nobodyWatching.getAsBoolean()) {
            reset();
        }
    }

    /** The id of the last rollout event handed out; -1 before the first look. */
    public synchronized long lastEventId() {
        return lastEventId;
    }

    /** Takes the baseline now unless there is one: what changes after this is handed out at the next look. */
    public synchronized void baseline() {
        if (lastEventId < 0) {
            lastEventId = rollouts.lastEventId();
            marks = fingerprints.read();
        }
    }

    public synchronized void look(Consumer<LiveEvent> out) {
        if (lastEventId < 0) {
            baseline();
            return;
        }
        List<LiveEvent> events = eventsAfter(lastEventId, EVENTS_PER_LOOK);
        if (!events.isEmpty()) {
            events.forEach(out);
            lastEventId = events.get(events.size() - 1).id();
        }
        Map<String, String> now = fingerprints.read();
        Set<String> keys = new HashSet<>(marks.keySet());
        keys.addAll(now.keySet());
        keys.stream().sorted().filter(k -> !Objects.equals(marks.get(k), now.get(k))).forEach(k -> {
            int colon = k.indexOf(':');
            out.accept(colon < 0 ? LiveEvent.change(k, null) : LiveEvent.change(k.substring(0, colon), k.substring(colon + 1)));
        });
        marks = now;
    }

    /** Every service's rollout, lock and commit events after {@code afterId}, oldest first, with their service's name. */
    public List<LiveEvent> eventsAfter(long afterId, int limit) {
        List<RolloutEvent> events = rollouts.eventsAfter(afterId, limit);
        if (events.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        services.list().forEach(s -> names.put(s.id(), s.name()));
        return events.stream().map(e -> LiveEvent.of(e, names.get(e.serviceId()))).toList();
    }
}

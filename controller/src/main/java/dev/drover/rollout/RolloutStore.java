package dev.drover.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where rollouts, their stages and events, and the deploy lock are kept. */
public interface RolloutStore {

    /** Stores a request (a queued rollout) and its {@code requested} event. */
    Rollout request(long serviceId, int revision, boolean automatic, boolean forced, String by, String reason,
                    Instant now);

    Optional<Rollout> find(long id);

    /** Newest first. */
    List<Rollout> list(long serviceId, int limit);

    /** Queued, running and paused rollouts, oldest first. */
    List<Rollout> open(long serviceId);

    /** Services with an open rollout. */
    List<Long> servicesWithOpenRollouts();

    /** Whether any rollout (in any state) was ever requested for this revision. */
    boolean requested(long serviceId, int revision);

    List<StageRecord> stages(long rolloutId);

    /** The service's events after {@code afterId}, oldest first. */
    List<RolloutEvent> events(long serviceId, long afterId, int limit);

    /** Every service's events (rollouts, locks and commits) after {@code afterId}, oldest first. */
    List<RolloutEvent> eventsAfter(long afterId, int limit);

    /** The id of the newest event of any service; 0 when there is none. */
    long lastEventId();

    /** The service's lock (a free one if it was never locked). */
    DeployLock lock(long serviceId);

    /**
     * Takes or renews the service's lease for {@code holder} until the database's now + {@code lease};
     * the fencing token goes up when the lease changes hands. Empty while someone else holds it.
     */
    OptionalLong lease(long serviceId, String holder, Duration lease);

    /** Applies the transition atomically, or throws {@link dev.drover.store.StaleVersionException}; returns the stored events. */
    List<RolloutEvent> apply(Transition transition);
}

package dev.drover.tier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where tiers' live state is kept. */
public interface TierStateStore {

    List<TierState> list(long serviceId);

    Optional<TierState> find(long serviceId, String tier);

    /** Puts every named tier on {@code revision} as its stable revision, with no candidate; removes other tiers. */
    void deployAll(long serviceId, List<String> tiers, int revision, Instant now);
}

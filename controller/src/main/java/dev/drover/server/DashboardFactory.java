package dev.drover.server;

import dev.drover.live.LiveFeed;
import dev.drover.rollout.RolloutStore;
import dev.drover.service.Services;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqFingerprints;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** What the dashboard needs beyond the API: the feed of live changes. */
@Factory
public class DashboardFactory {

    @Singleton
    LiveFeed liveFeed(RolloutStore rollouts, Services services, Database database) {
        return new LiveFeed(rollouts, services, new JooqFingerprints(database.dsl()));
    }
}

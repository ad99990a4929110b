package dev.drover.server;

import dev.drover.notify.Backoff;
import dev.drover.notify.Format;
import dev.drover.notify.HttpClientSender;
import dev.drover.notify.NotificationOutbox;
import dev.drover.notify.NotificationStore;
import dev.drover.notify.Sink;
import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.RolloutStore;
import dev.drover.secret.SecretText;
import dev.drover.secret.Secrets;
import dev.drover.service.ServiceStore;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqNotificationStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Wires notifications: the outbox's store, its sinks from configuration (checked at start) and the sender. */
@Factory
public class NotificationsFactory {

    @Singleton
    NotificationStore notificationStore(Database database) {
        return new JooqNotificationStore(database.dsl());
    }

    @Singleton
    NotificationOutbox notificationOutbox(NotificationsConfig config, List<ConfiguredSink> configured, Secrets secrets,
                                          RolloutStore rollouts, ServiceStore services, NotificationStore store,
                                          Clock clock) {
        return new NotificationOutbox(sinks(config, configured, secrets), rollouts, services, store,
                new HttpClientSender(config.timeout()),
                new Backoff(config.backoff(), config.backoffCap(), config.maxAttempts()), config.timeout(), clock);
    }

    static List<Sink> sinks(NotificationsConfig config, List<ConfiguredSink> configured, Secrets secrets) {
        List<Sink> sinks = new ArrayList<>();
        for (ConfiguredSink c : configured) {
            String where = "drover.notifications.sinks." + c.name();
            Format format = Format.parse(c.format());
            if (format == Format.COMMIT_STATUS) {
                throw new IllegalArgumentException(where + ".format: use json or slack (the commit-status callback is "
                        + "drover.notifications.commit-status-url)");
            }
            sinks.add(new Sink(c.name(), c.url(), format, events(where, c.events()), secret(where + ".secret", c.secret(),
                    secrets), Optional.empty()));
        }
        if (!config.commitStatusUrl().isBlank()) {
            sinks.add(new Sink(Sink.COMMIT_STATUS, config.commitStatusUrl(), Format.COMMIT_STATUS, Set.of(),
                    Optional.empty(), secret("drover.notifications.commit-status-token", config.commitStatusToken(),
                    secrets)));
        }
        return sinks;
    }

    private static Set<RolloutEvent.Kind> events(String where, List<String> names) {
        Set<RolloutEvent.Kind> kinds = EnumSet.noneOf(RolloutEvent.Kind.class);
        for (String name : names == null ? List.<String>of() : names) {
            if (name.isBlank()) {
                continue;
            }
            try {
                kinds.add(RolloutEvent.Kind.parse(name.trim()));
            } catch (IllegalArgumentException e) {
                List<String> known = EnumSet.allOf(RolloutEvent.Kind.class).stream().map(RolloutEvent.Kind::wireName).toList();
                throw new IllegalArgumentException(where + ".events: unknown event '" + name + "' (use " + known + ")");
            }
        }
        return kinds;
    }

    private static Optional<SecretText> secret(String where, String name, Secrets secrets) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(secrets.resolve(name.trim()).orElseThrow(() -> new IllegalArgumentException(where
                + ": no controller-side secret named '" + name + "' (a file under drover.secrets.dir)")));
    }
}

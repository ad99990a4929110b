package dev.drover.server;

import dev.drover.commit.CommitIntake;
import dev.drover.commit.CommitStore;
import dev.drover.commit.DroverYamlCheck;
import dev.drover.commit.MirrorStateStore;
import dev.drover.commit.RepositoryMirror;
import dev.drover.git.JGitMirror;
import dev.drover.secret.DirectorySecrets;
import dev.drover.secret.Secrets;
import dev.drover.service.ServiceStore;
import dev.drover.service.Services;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.JooqDeliveryStore;
import dev.drover.store.jooq.JooqMirrorStateStore;
import dev.drover.target.Capacity;
import dev.drover.target.Target;
import dev.drover.webhook.DeliveryStore;
import dev.drover.webhook.WebhookReceiver;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Wires commits in: secrets, the git mirrors, the commit stores, the intake and the webhook receiver. */
@Factory
public class CommitsFactory {

    @Singleton
    Secrets secrets(@Value("${drover.secrets.dir:}") String dir, @Value("${drover.home:.drover}") String home) {
        return new DirectorySecrets(dir.isBlank() ? Path.of(home, "secrets") : Path.of(dir));
    }

    @Singleton
    RepositoryMirror mirror(GitConfig config, Secrets secrets, @Value("${drover.home:.drover}") String home) {
        return new JGitMirror(orDefault(config.mirrorsDir(), Path.of(home, "mirrors")), secrets,
                orDefault(config.knownHostsFile(), Path.of(home, "known_hosts")));
    }

    private static Path orDefault(String configured, Path fallback) {
        return configured == null || configured.isBlank() ? fallback : Path.of(configured);
    }

    @Singleton
    CommitStore commitStore(Database database) {
        return new JooqCommitStore(database.dsl());
    }

    @Singleton
    MirrorStateStore mirrorStateStore(Database database) {
        return new JooqMirrorStateStore(database.dsl());
    }

    @Singleton
    DeliveryStore deliveryStore(Database database) {
        return new JooqDeliveryStore(database.dsl());
    }

    @Singleton
    List<Target> targets(List<ConfiguredTarget> configured) {
        return configured.stream().map(t -> new Target(t.name(), t.backend(), Capacity.parse(t.capacity()), t.gpus(),
                t.gpuModel(), t.instanceType(), t.pricePerHour(), t.labels())).toList();
    }

    @Singleton
    Services services(ServiceStore store, Clock clock) {
        return new Services(store, clock);
    }

    @Singleton
    CommitIntake intake(RepositoryMirror mirror, CommitStore commits, MirrorStateStore states, List<Target> targets,
                        Clock clock) {
        return new CommitIntake(mirror, commits, states, new DroverYamlCheck(targets), clock);
    }

    @Singleton
    WebhookReceiver webhookReceiver(ServiceStore services, DeliveryStore deliveries, CommitIntake intake, Clock clock,
                                    WebhookConfig config) {
        return new WebhookReceiver(services, deliveries, intake, clock, config.maxBodySize());
    }
}

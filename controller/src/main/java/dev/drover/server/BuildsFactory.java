package dev.drover.server;

import com.github.dockerjava.api.DockerClient;
import dev.drover.aws.AwsClients;
import dev.drover.aws.EcrRegistryAuth;
import dev.drover.build.BuildQueue;
import dev.drover.build.BuildRunner;
import dev.drover.build.BuildSettings;
import dev.drover.build.BuildStore;
import dev.drover.build.ImageEngine;
import dev.drover.build.RegistryAuth;
import dev.drover.commit.CommitStore;
import dev.drover.commit.RepositoryMirror;
import dev.drover.docker.DockerClients;
import dev.drover.docker.DockerEngine;
import dev.drover.docker.GitContextTar;
import dev.drover.revision.RevisionStore;
import dev.drover.service.ServiceStore;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqBuildStore;
import dev.drover.store.jooq.JooqRevisionStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires builds: the Docker engine and the registry login it pushes with, the build and revision stores, the
 * runner and the queue.
 */
@Factory
public class BuildsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    DockerClient dockerClient(BuildConfig config) {
        return DockerClients.connect(config.dockerHost());
    }

    @Singleton
    ImageEngine imageEngine(DockerClient docker, BuildConfig config, RegistryAuth auth) {
        return new DockerEngine(docker, config.timeout(), auth);
    }

    /** The login pushes use, by {@code drover.builds.registry-auth}; checked at start, with what to set. */
    @Singleton
    @Bean(preDestroy = "close")
    RegistryAuth registryAuth(BuildConfig config, AwsConfig aws, Clock clock) {
        String mode = config.registryAuth().trim();
        if (mode.equals("none")) {
            return RegistryAuth.NONE;
        }
        if (config.registry().isBlank()) {
            throw new IllegalStateException("drover.builds.registry-auth is " + mode + " but drover.builds.registry is "
                    + "empty: set the registry images are pushed to, or registry-auth: none");
        }
        String host = RegistryAuth.hostOf(config.registry().trim());
        if (mode.equals("basic")) {
            if (config.registryUsername().isBlank() || config.registryPassword().isEmpty()) {
                throw new IllegalStateException("drover.builds.registry-auth is basic: set drover.builds.registry-username "
                        + "and drover.builds.registry-password (DROVER_BUILDS_REGISTRY_PASSWORD)");
            }
            return RegistryAuth.basic(host, config.registryUsername().trim(), config.registryPassword());
        }
        if (mode.equals("ecr")) {
            if (!EcrRegistryAuth.isEcrHost(host)) {
                throw new IllegalStateException("drover.builds.registry-auth is ecr but drover.builds.registry (" + host
                        + ") is not an ECR registry: use <account>.dkr.ecr.<region>.amazonaws.com/<prefix>");
            }
            // AwsClients' HTTP client is URLConnection-based: nothing to release beyond the ECR client.
            return new EcrRegistryAuth(AwsClients.of(aws.region(), aws.endpoints()).ecr(), clock);
        }
        throw new IllegalStateException("drover.builds.registry-auth is '" + mode + "': use none, ecr or basic");
    }

    @Singleton
    BuildStore buildStore(Database database) {
        return new JooqBuildStore(database.dsl());
    }

    @Singleton
    RevisionStore revisionStore(Database database) {
        return new JooqRevisionStore(database.dsl());
    }

    @Singleton
    BuildRunner buildRunner(RepositoryMirror mirror, ImageEngine engine, BuildStore builds, CommitStore commits,
                            RevisionStore revisions, BuildConfig config, Clock clock) {
        Optional<String> registry = config.registry().isBlank() ? Optional.empty() : Optional.of(config.registry().trim());
        return new BuildRunner(mirror, new GitContextTar(mirror), engine, builds, commits, revisions,
                new BuildSettings(registry, config.logLimit()), clock);
    }

    @Singleton
    @Named("builds")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService buildWorkers(BuildConfig config) {
        return Executors.newFixedThreadPool(Math.max(1, config.concurrency()), r -> {
            Thread thread = new Thread(r, "drover-build");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    BuildQueue buildQueue(ServiceStore services, CommitStore commits, BuildStore builds, BuildRunner runner,
                          @Named("builds") ExecutorService workers, BuildConfig config, Clock clock) {
        return new BuildQueue(services, commits, builds, runner, workers, Math.max(1, config.concurrency()), clock);
    }
}

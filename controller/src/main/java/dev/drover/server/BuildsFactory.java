package dev.drover.server;

import com.github.dockerjava.api.DockerClient;
import dev.drover.build.BuildQueue;
import dev.drover.build.BuildRunner;
import dev.drover.build.BuildSettings;
import dev.drover.build.BuildStore;
import dev.drover.build.ImageEngine;
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

/** Wires builds: the Docker engine, the build and revision stores, the runner and the queue. */
@Factory
public class BuildsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    DockerClient dockerClient(BuildConfig config) {
        return DockerClients.connect(config.dockerHost());
    }

    @Singleton
    ImageEngine imageEngine(DockerClient docker, BuildConfig config) {
        return new DockerEngine(docker, config.timeout());
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

package dev.drover.build;

import com.github.dockerjava.api.DockerClient;
import dev.drover.commit.CommitIntake;
import dev.drover.commit.CommitStore;
import dev.drover.commit.DroverYamlCheck;
import dev.drover.docker.DockerEngine;
import dev.drover.docker.GitContextTar;
import dev.drover.git.JGitMirror;
import dev.drover.git.TestRepo;
import dev.drover.revision.RevisionStore;
import dev.drover.secret.DirectorySecrets;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.JooqBuildStore;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.JooqMirrorStateStore;
import dev.drover.store.jooq.JooqRevisionStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The build pipeline wired by hand over real parts: a git repository on disk, H2, the Docker engine, a registry. */
final class BuildFixture implements AutoCloseable {
    final DockerClient docker = TestDocker.client();
    final TestDatabases.Opened db = TestDatabases.open(TestDatabases.Backend.H2);
    final TestRepo repo;
    final Service service;
    final CommitIntake intake;
    final CommitStore commits;
    final BuildStore builds;
    final RevisionStore revisions;
    final BuildQueue queue;
    private final DockerEngine engine;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    BuildFixture(Path dir, Optional<String> registry) {
        this(dir, registry, RegistryAuth.NONE);
    }

    /** Pushes to {@code registry} with the login {@code auth} has for it. */
    BuildFixture(Path dir, Optional<String> registry, RegistryAuth auth) {
        Clock clock = Clock.systemUTC();
        repo = TestRepo.create(dir.resolve("repo"));
        JGitMirror mirror = new JGitMirror(dir.resolve("mirrors"), new DirectorySecrets(dir.resolve("secrets")));
        commits = new JooqCommitStore(db.database().dsl());
        builds = new JooqBuildStore(db.database().dsl());
        revisions = new JooqRevisionStore(db.database().dsl());
        JooqServiceStore services = new JooqServiceStore(db.database().dsl());
        intake = new CommitIntake(mirror, commits, new JooqMirrorStateStore(db.database().dsl()),
                new DroverYamlCheck(List.of()), clock);
        String name = "b" + UUID.randomUUID().toString().substring(0, 8);
        service = services.create(new ServiceSettings(name, repo.url(), "main", null, null), ServiceOrigin.API, clock.instant());
        engine = new DockerEngine(docker, Duration.ofMinutes(5), auth);
        BuildRunner runner = new BuildRunner(mirror, new GitContextTar(mirror), engine, builds, commits, revisions,
                new BuildSettings(registry, 200_000), clock);
        queue = new BuildQueue(services, commits, builds, runner, workers, 2, clock);
    }

    /** The engine the builds run on, pushing with the fixture's login. */
    DockerEngine engine() {
        return engine;
    }

    /** A drover.yaml for this fixture's service, with the given test command (JSON list) and timeout. */
    String spec(String testCommand, String timeout) {
        return """
                service: %s
                build: { dockerfile: Dockerfile, context: . }
                test: { command: %s, timeout: %s }
                job:
                  command: ["sh", "/app/src/work.sh"]
                  memory: 256Mi
                tiers:
                  - { name: canary, target: cpu, weight: 10, gpus: 0 }
                  - { name: main, target: cpu, weight: 90 }
                stages:
                  - { tiers: [canary] }
                  - { tiers: [main] }
                """.formatted(service.name(), testCommand, timeout);
    }

    /** Fetches and builds whatever is next, waiting for the build; the build, or none. */
    Optional<Build> fetchAndBuild() throws Exception {
        intake.synchronize(service);
        List<java.util.concurrent.Future<Build>> started = queue.tick();
        return started.isEmpty() ? Optional.empty() : Optional.of(started.get(0).get());
    }

    @Override
    public void close() {
        workers.shutdownNow();
        repo.close();
        db.close();
    }
}

package dev.drover.build;

import dev.drover.commit.Commit;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.RepositoryMirror;
import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.spec.InvalidSpecException;
import dev.drover.spec.ServiceSpec;
import dev.drover.spec.TestSpec;
import dev.drover.spec.yaml.DroverYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds, tests and pushes one commit, and makes it a revision when all of that is green. */
public final class BuildRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BuildRunner.class);

    private final RepositoryMirror mirror;
    private final ContextSource contexts;
    private final ImageEngine engine;
    private final BuildStore builds;
    private final CommitStore commits;
    private final RevisionStore revisions;
    private final BuildSettings settings;
    private final Clock clock;

    public BuildRunner(RepositoryMirror mirror, ContextSource contexts, ImageEngine engine, BuildStore builds,
                       CommitStore commits, RevisionStore revisions, BuildSettings settings, Clock clock) {
        this.mirror = mirror;
        this.contexts = contexts;
        this.engine = engine;
        this.builds = builds;
        this.commits = commits;
        this.revisions = revisions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the whole build; never throws: a failure is recorded on the build and the commit. */
    public Build run(Service service, Commit commit) {
        Build build = builds.start(service.id(), commit.id(), clock.instant());
        commits.setStatus(commit.id(), CommitStatus.BUILDING, "build " + build.id(), commit.requested(), clock.instant());
        LiveLog buildLog = new LiveLog(settings.logLimit(), text -> builds.buildLog(build.id(), text), clock);
        try {
            ServiceSpec spec = spec(service, commit);
            String imageId = buildImage(service, commit, spec, buildLog);
            builds.imageBuilt(build.id(), imageId, buildLog.text());
            spec.test().ifPresent(test -> runTest(service, commit, build, imageId, test));
            String imageRef = push(service, commit, build, imageId, buildLog);
            Revision revision = revisions.create(service.id(), commit.id(), imageRef, RevisionSpec.of(spec), clock.instant());
            builds.finish(build.id(), BuildStatus.GREEN, imageRef, null, clock.instant());
            commits.setStatus(commit.id(), CommitStatus.GREEN, "revision " + revision.number(), commit.requested(),
                    clock.instant());
            LOG.info("build green: service={} sha={} revision={} image={}", service.name(), commit.sha(),
                    revision.number(), imageRef);
        } catch (BuildFailure e) {
            fail(service, commit, build, buildLog, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("build {} of {} {} failed unexpectedly", build.id(), service.name(), commit.sha(), e);
            fail(service, commit, build, buildLog, "internal error: " + e);
        }
        return builds.latest(commit.id()).orElseThrow();
    }

    private ServiceSpec spec(Service service, Commit commit) {
        String text = mirror.readFile(service, commit.sha(), DroverYaml.FILE_NAME)
                .orElseThrow(() -> new BuildFailure("drover.yaml is missing at " + commit.sha()));
        try {
            return DroverYaml.parse(DroverYaml.FILE_NAME, text, null);
        } catch (InvalidSpecException e) {
            throw new BuildFailure(e.getMessage());
        }
    }

    private String buildImage(Service service, Commit commit, ServiceSpec spec, LiveLog log) {
        String contextDir = spec.build().context();
        String dockerfilePath = join(contextDir, spec.build().dockerfile());
        String dockerfile = mirror.readFile(service, commit.sha(), dockerfilePath).orElseThrow(() -> new BuildFailure(
                "no " + dockerfilePath + " at " + commit.sha() + ": build.dockerfile is relative to build.context"));
        List<String> problems = ClassicBuilderCheck.problems(dockerfilePath, dockerfile);
        if (!problems.isEmpty()) {
            throw new BuildFailure(String.join("\n", problems));
        }
        Path tar = null;
        try {
            tar = Files.createTempFile("drover-context-", ".tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                contexts.writeTar(service, commit.sha(), contextDir, out, log::append);
            }
            log.append("context: " + Files.size(tar) / 1024 + " KiB from " + commit.sha() + ":" + contextDir + "\n");
            try (InputStream in = Files.newInputStream(tar)) {
                return engine.build(in, spec.build().dockerfile(), tag(service, commit),
                        Map.of("dev.drover.service", service.name(), "dev.drover.commit", commit.sha()), log::append);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the build context failed", e);
        } finally {
            deleteQuietly(tar);
            log.flush();
        }
    }

    private void runTest(Service service, Commit commit, Build build, String imageId, TestSpec test) {
        builds.status(build.id(), BuildStatus.TESTING);
        commits.setStatus(commit.id(), CommitStatus.TESTING, "build " + build.id(), commit.requested(), clock.instant());
        LiveLog log = new LiveLog(settings.logLimit(), text -> builds.testLog(build.id(), text), clock);
        ImageEngine.TestResult result = engine.test(imageId, test.command(), test.timeout(), log::append);
        log.flush();
        builds.tested(build.id(), result.exitCode(), result.millis(), log.text());
        if (result.timedOut()) {
            throw new BuildFailure("test timed out after " + test.timeout().toSeconds() + "s (test.timeout); last lines:\n"
                    + log.lastLines(20));
        }
        if (result.exitCode() != 0) {
            throw new BuildFailure("test failed with exit code " + result.exitCode() + "; last lines:\n" + log.lastLines(20));
        }
    }

    private String push(Service service, Commit commit, Build build, String imageId, LiveLog log) {
        if (settings.registry().isEmpty()) {
            return imageId;
        }
        builds.status(build.id(), BuildStatus.PUSHING);
        String repository = settings.registry().get() + "/" + service.name();
        String tag = commit.sha();
        try {
            // A tag names one commit's image for good: a commit built again (after a restart, or on
            // another build host, where the bytes may differ) keeps the digest pushed first.
            Optional<String> earlier = engine.pushed(repository, tag);
            if (earlier.isPresent()) {
                log.append("push: " + repository + ":" + tag + " was pushed before as " + earlier.get()
                        + "; tags are immutable, so the revision uses that image\n");
                return earlier.get();
            }
            return engine.push(imageId, repository, tag, log::append);
        } finally {
            log.flush();
            builds.buildLog(build.id(), log.text());
        }
    }

    private void fail(Service service, Commit commit, Build build, LiveLog log, String why) {
        builds.buildLog(build.id(), log.text());
        builds.finish(build.id(), BuildStatus.FAILED, null, why, clock.instant());
        commits.setStatus(commit.id(), CommitStatus.FAILED, why, commit.requested(), clock.instant());
        LOG.info("build failed: service={} sha={} why={}", service.name(), commit.sha(), why.lines().findFirst().orElse(""));
    }

    static String tag(Service service, Commit commit) {
        return "drover/" + service.name() + ":" + commit.sha().substring(0, 12);
    }

    static String join(String dir, String file) {
        return dir.equals(".") || dir.isEmpty() ? file : dir.replaceAll("/+$", "") + "/" + file;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", file, e.getMessage());
            }
        }
    }
}

package dev.drover.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.drover.commit.Commit;
import dev.drover.commit.CommitStatus;
import dev.drover.revision.Revision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit to revision on the real Docker engine, from a real git repository, pushed to a real registry. */
class BuildPipelineTest {
    private static final String DOCKERFILE = """
            FROM %s
            COPY deps.txt /app/deps.txt
            RUN cat /app/deps.txt > /app/installed && echo dependencies installed %s
            COPY src/ /app/src/
            """;
    private static final String PASSING_TEST = "[\"sh\", \"-c\", \"test -e /app/src/work.sh && test ! -e /app/src/ignored.txt && echo self-test ok\"]";

    @TempDir
    Path dir;

    private BuildFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private BuildFixture fixture(Optional<String> registry) {
        fixture = new BuildFixture(dir, registry);
        return fixture;
    }

    private Map<String, String> worker(String testCommand, String timeout, String work) {
        return Map.of(
                "drover.yaml", fixture.spec(testCommand, timeout),
                "Dockerfile", DOCKERFILE.formatted(TestDocker.BASE, UUID.randomUUID()),
                ".dockerignore", "# not for the image\nsrc/ignored.txt\ndocs\n",
                "deps.txt", "numpy==2.1\n",
                "src/work.sh", work,
                "src/ignored.txt", "local notes\n",
                "docs/readme.md", "docs\n");
    }

    private Commit commit(String sha) {
        return fixture.commits.find(fixture.service.id(), sha).orElseThrow();
    }

    @Test
    void aGreenCommitBecomesRevisionOneAndAOneFileChangeRevisionTwoOnCachedLayers() throws Exception {
        String registry = System.getenv().getOrDefault("DROVER_TEST_REGISTRY", "127.0.0.1:5000");
        BuildFixture f = fixture(Optional.of(registry + "/drover-test"));
        String first = f.repo.commit("first", worker(PASSING_TEST, "1m", "echo working\n"));
        f.repo.push();

        Build one = f.fetchAndBuild().orElseThrow();

        assertThat(one.status()).as(one.failure() + "\n" + one.buildLog()).isEqualTo(BuildStatus.GREEN);
        assertThat(one.testExitCode()).isZero();
        assertThat(one.testLog()).contains("self-test ok");
        assertThat(one.imageRef()).startsWith(registry + "/drover-test/" + f.service.name() + "@sha256:");
        assertThat(commit(first).status()).isEqualTo(CommitStatus.GREEN);
        Revision r1 = f.revisions.find(f.service.id(), 1).orElseThrow();
        assertThat(r1.commitSha()).isEqualTo(first);
        assertThat(r1.imageRef()).isEqualTo(one.imageRef());
        assertThat(r1.spec().command()).containsExactly("sh", "/app/src/work.sh");
        assertThat(r1.spec().memoryBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(r1.spec().tier("canary")).hasValueSatisfying(t -> assertThat(t.gpus()).isZero());
        InspectImageResponse image = f.docker.inspectImageCmd(one.imageId()).exec();
        assertThat(image.getConfig().getLabels()).containsEntry("dev.drover.service", f.service.name())
                .containsEntry("dev.drover.commit", first);

        String second = f.repo.commit("change one source file", Map.of("src/work.sh", "echo working harder\n"));
        f.repo.push();
        Build two = f.fetchAndBuild().orElseThrow();

        assertThat(two.status()).as(two.failure()).isEqualTo(BuildStatus.GREEN);
        assertThat(f.revisions.find(f.service.id(), 2)).hasValueSatisfying(r -> assertThat(r.commitSha()).isEqualTo(second));
        assertThat(two.buildLog()).contains("Using cache");
        assertThat(two.imageRef()).isNotEqualTo(one.imageRef());

        f.docker.removeImageCmd(one.imageRef()).withForce(true).exec();
        f.docker.pullImageCmd(one.imageRef()).start().awaitCompletion(60, TimeUnit.SECONDS);
        assertThat(f.docker.inspectImageCmd(one.imageRef()).exec().getRepoDigests()).contains(one.imageRef());
    }

    @Test
    void aFailingTestFailsTheCommitWithItsLogAndMakesNoRevision() throws Exception {
        BuildFixture f = fixture(Optional.empty());
        String sha = f.repo.commit("broken", worker("[\"sh\", \"-c\", \"echo checking; echo assertion failed >&2; exit 3\"]", "1m", ""));
        f.repo.push();

        Build build = f.fetchAndBuild().orElseThrow();

        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.testExitCode()).isEqualTo(3);
        assertThat(build.failure()).contains("test failed with exit code 3").contains("assertion failed");
        assertThat(commit(sha).status()).isEqualTo(CommitStatus.FAILED);
        assertThat(commit(sha).statusDetail()).contains("exit code 3");
        assertThat(f.revisions.list(f.service.id(), 10)).isEmpty();
    }

    @Test
    void aTestOverItsTimeoutFailsAsTimedOut() throws Exception {
        BuildFixture f = fixture(Optional.empty());
        f.repo.commit("slow test", worker("[\"sh\", \"-c\", \"echo started; sleep 60\"]", "2s", ""));
        f.repo.push();

        Build build = f.fetchAndBuild().orElseThrow();

        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.failure()).contains("test timed out after 2s").contains("started");
        assertThat(f.docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("dev.drover.role", "test")).exec())
                .isEmpty();
    }

    @Test
    void aSymlinkOutOfTheContextIsRefused() throws Exception {
        BuildFixture f = fixture(Optional.empty());
        f.repo.commit("files", worker(PASSING_TEST, "1m", ""));
        String sha = f.repo.commitSymlink("leak", "src/passwd", "../../etc/passwd");
        f.repo.push();

        Build build = f.fetchAndBuild().orElseThrow();

        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(commit(sha).statusDetail()).contains("symlink src/passwd -> ../../etc/passwd points out of the build context");
    }

    @Test
    void runMountIsReportedWithItsLineAndWhatToDo() throws Exception {
        BuildFixture f = fixture(Optional.empty());
        f.repo.commit("files", worker(PASSING_TEST, "1m", ""));
        String sha = f.repo.commit("buildkit", Map.of("Dockerfile",
                "FROM " + TestDocker.BASE + "\nCOPY deps.txt /deps.txt\nRUN --mount=type=cache,target=/root/.cache echo hi\n"));
        f.repo.push();

        Build build = f.fetchAndBuild().orElseThrow();

        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(commit(sha).statusDetail()).startsWith("Dockerfile:3: RUN --mount needs BuildKit").contains("remove the flag");
    }

    @Test
    void commitsArrivingDuringABuildAreBatchedIntoTheNewestWhichBuildsNext() throws Exception {
        BuildFixture f = fixture(Optional.empty());
        f.repo.commit("first", worker(PASSING_TEST, "1m", "echo 1\n"));
        f.repo.push();
        f.intake.synchronize(f.service);
        List<Future<Build>> running = f.queue.tick();
        assertThat(running).hasSize(1);

        String c2 = f.repo.commit("two", Map.of("src/work.sh", "echo 2\n"));
        String c3 = f.repo.commit("three", Map.of("src/work.sh", "echo 3\n"));
        String c4 = f.repo.commit("four", Map.of("src/work.sh", "echo 4\n"));
        f.repo.push();
        f.intake.synchronize(f.service);
        assertThat(f.queue.tick()).as("one build at a time per service").isEmpty();
        running.get(0).get();

        Build next = f.queue.tick().get(0).get();

        assertThat(next.commitSha()).isEqualTo(c4);
        assertThat(commit(c2).status()).isEqualTo(CommitStatus.BATCHED);
        assertThat(commit(c2).statusDetail()).isEqualTo("batched into " + c4);
        assertThat(commit(c3).status()).isEqualTo(CommitStatus.BATCHED);

        assertThat(f.queue.request(f.service, c2)).isTrue();
        Build bisect = f.queue.tick().get(0).get();
        assertThat(bisect.commitSha()).isEqualTo(c2);
        assertThat(bisect.status()).isEqualTo(BuildStatus.GREEN);
        assertThat(f.revisions.list(f.service.id(), 10)).extracting(Revision::commitSha).containsExactly(c2, c4, 
                f.revisions.find(f.service.id(), 1).orElseThrow().commitSha());
    }
}

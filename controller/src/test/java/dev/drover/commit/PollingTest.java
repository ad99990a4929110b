package dev.drover.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.git.TestRepo;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no webhook at all, the poller records new commits; one repository's failure stops no other service. */
@MicronautTest
@Property(name = "drover.git.poll-interval", value = "1s")
class PollingTest {
    @Inject
    Services services;

    @Inject
    CommitStore commits;

    @Inject
    MirrorStateStore mirrors;

    @TempDir
    Path dir;

    @Test
    void aNewCommitIsRecordedByPollingAlone() {
        try (TestRepo repo = TestRepo.create(dir)) {
            String first = repo.commit("first", Map.of("drover.yaml", TestRepo.validSpec("polled")));
            repo.push();
            Service service = services.add(new ServiceSettings("polled", repo.url(), "main", null, null));
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.isRecorded(service.id(), first));

            String second = repo.commit("second");
            repo.push();

            await().atMost(Duration.ofSeconds(10)).until(() -> commits.isRecorded(service.id(), second));
            assertThat(commits.list(service.id(), 10)).extracting(Commit::sha).containsExactly(second, first);
        }
    }

    /**
     * A 51 MiB drover.yaml (past JGit's 50 MiB whole-object limit) in the first service by name: its commit is
     * recorded invalid naming the limit, the service after it is polled as usual, and its fixing commit goes in.
     */
    @Test
    void aHugeDroverYamlInOneRepositoryStopsNoOtherServiceAndItsFixIsRecorded() {
        try (TestRepo bad = TestRepo.create(dir.resolve("bad")); TestRepo good = TestRepo.create(dir.resolve("good"))) {
            String huge = bad.commit("huge", Map.of("drover.yaml", "#".repeat(51 * 1024 * 1024)));
            bad.push();
            String fine = good.commit("fine", Map.of("drover.yaml", TestRepo.validSpec("b-fine")));
            good.push();
            Service first = services.add(new ServiceSettings("a-huge", bad.url(), "main", null, null));
            Service second = services.add(new ServiceSettings("b-fine", good.url(), "main", null, null));

            await().atMost(Duration.ofSeconds(30)).until(() -> commits.isRecorded(second.id(), fine)
                    && commits.isRecorded(first.id(), huge));
            assertThat(commits.find(first.id(), huge)).hasValueSatisfying(c -> {
                assertThat(c.status()).isEqualTo(CommitStatus.INVALID);
                assertThat(c.statusDetail()).contains("is 53477376 bytes: Drover reads at most 1024 KiB");
            });

            String fixed = bad.commit("fixed", Map.of("drover.yaml", TestRepo.validSpec("a-huge")));
            bad.push();
            String later = good.commit("later");
            good.push();
            await().atMost(Duration.ofSeconds(30)).until(() -> commits.isRecorded(first.id(), fixed)
                    && commits.isRecorded(second.id(), later));
            assertThat(commits.find(first.id(), fixed).orElseThrow().status()).isEqualTo(CommitStatus.QUEUED);
            assertThat(mirrors.find(first.id()).orElseThrow().lastError()).isNull();
        }
    }

    /** A repository that cannot be fetched keeps its error on its service; the others are polled on. */
    @Test
    void anUnreachableRepositoryKeepsItsErrorAndStopsNoOtherService() {
        try (TestRepo good = TestRepo.create(dir.resolve("good"))) {
            String fine = good.commit("fine", Map.of("drover.yaml", TestRepo.validSpec("d-fine")));
            good.push();
            Service gone = services.add(new ServiceSettings("c-gone", dir.resolve("nowhere.git").toUri().toString(),
                    "main", null, null));
            Service second = services.add(new ServiceSettings("d-fine", good.url(), "main", null, null));

            await().atMost(Duration.ofSeconds(30)).until(() -> commits.isRecorded(second.id(), fine)
                    && mirrors.find(gone.id()).map(m -> m.lastError() != null).orElse(false));
            assertThat(mirrors.find(gone.id()).orElseThrow().lastError()).startsWith("fetching " + gone.repoUrl());
        }
    }
}

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

/** With no webhook at all, the poller records new commits. */
@MicronautTest
@Property(name = "drover.git.poll-interval", value = "1s")
class PollingTest {
    @Inject
    Services services;

    @Inject
    CommitStore commits;

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
}

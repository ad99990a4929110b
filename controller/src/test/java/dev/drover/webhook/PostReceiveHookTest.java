package dev.drover.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.commit.Commit;
import dev.drover.commit.CommitStore;
import dev.drover.git.TestRepo;
import dev.drover.secret.SecretText;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped deploy/hooks/post-receive, run by a real `git push` into a bare repository, reaches the real server. */
@MicronautTest
class PostReceiveHookTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Services services;

    @Inject
    CommitStore commits;

    @TempDir
    Path dir;

    @Test
    void aPushIntoTheBareRepositoryDeliversASignedHookThatRecordsTheCommit() throws Exception {
        try (TestRepo repo = TestRepo.create(dir.resolve("repo"))) {
            repo.commit("first", Map.of("drover.yaml", TestRepo.validSpec("hooked")));
            repo.push();
            Service service = services.add(new ServiceSettings("hooked", repo.url(), "main", new SecretText("hook-key"), null));

            Path origin = repo.originDir();
            Path hook = origin.resolve("hooks/post-receive");
            Files.createDirectories(hook.getParent());
            Files.copy(Path.of("..", "deploy", "hooks", "post-receive"), hook, StandardCopyOption.REPLACE_EXISTING);
            hook.toFile().setExecutable(true);
            Path secretFile = dir.resolve("hook.secret");
            Files.writeString(secretFile, "hook-key\n");
            git(origin, "config", "drover.url", server.getURL().toString());
            git(origin, "config", "drover.service", "hooked");
            git(origin, "config", "drover.secretFile", secretFile.toString());

            String sha = repo.commit("pushed through the hook");
            Path work = dir.resolve("repo/work");
            String output = git(work, "push", "origin", "main");

            assertThat(output).contains("drover: refs/heads/main -> ").contains("accepted").contains("HTTP 202");
            List<String> recorded = commits.list(service.id(), 10).stream().map(Commit::sha).toList();
            assertThat(recorded).containsExactly(sha);
        }
    }

    private static String git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", in.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

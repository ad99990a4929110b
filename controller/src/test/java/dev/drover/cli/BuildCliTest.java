package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.build.TestDocker;
import dev.drover.git.TestRepo;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build loop in a running controller, seen through the CLI: status while building, revisions, logs, build on request. */
class BuildCliTest {
    private static EmbeddedServer server;
    private static String deployer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        TestDocker.client();
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("drover.builds.enabled", true), "test");
        deployer = server.getApplicationContext().getBean(AccessTokens.class)
                .issue("builder", Role.ADMIN, "test").secret().value();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static CliRun drover(String... args) {
        return CliRun.against(server.getURL().toString(), deployer, args);
    }

    @Test
    void aPushedCommitBuildsIntoRevisionOneAndItsLogsAndRevisionsAreShown() {
        try (TestRepo repo = TestRepo.create(dir.resolve("repo"))) {
            String spec = TestRepo.validSpec("built").replace("job:", "test: { command: [\"sh\", \"-c\", \"echo tests pass\"] }\njob:");
            String sha = repo.commit("first", Map.of("drover.yaml", spec,
                    "Dockerfile", "FROM " + TestDocker.BASE + "\nCOPY work.sh /app/work.sh\nRUN echo built-" + System.nanoTime() + "\n",
                    "work.sh", "echo work\n"));
            repo.push();
            assertThat(drover("service", "add", "built", "--repo", repo.url()).code()).isZero();
            drover("service", "fetch", "built");

            await().atMost(Duration.ofSeconds(120)).until(() -> drover("revisions", "built").out().contains(sha.substring(0, 10)));

            CliRun revisions = drover("revisions", "built");
            assertThat(revisions.out()).startsWith("REVISION").contains("sha256:");
            assertThat(revisions.out().lines().toList().get(1)).startsWith("1 ");
            assertThat(drover("logs", "build", sha.substring(0, 10)).out()).contains("Successfully built");
            assertThat(drover("logs", "test", sha.substring(0, 10)).out()).contains("tests pass");
            assertThat(drover("commits", "built").out()).contains("green");
            assertThat(drover("logs", "deploy", sha).code()).isEqualTo(ExitCodes.USAGE);

            CliRun rebuild = drover("build", "built", "--commit", sha.substring(0, 8), "--reason", "bisect");
            assertThat(rebuild.code()).as(rebuild.err()).isZero();
            assertThat(rebuild.out()).contains("Queued " + sha.substring(0, 10));
            assertThat(drover("audit", "--action", "build.request").out()).contains("bisect");
        }
    }
}

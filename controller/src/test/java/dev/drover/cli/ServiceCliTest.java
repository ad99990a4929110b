package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.git.TestRepo;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** service add/list/fetch, commits and status, through the CLI against a running controller and a real repository. */
class ServiceCliTest {
    private static EmbeddedServer server;
    private static String admin;
    private static String viewer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, "test");
        AccessTokens tokens = server.getApplicationContext().getBean(AccessTokens.class);
        admin = tokens.issue("svc-admin", Role.ADMIN, "test").secret().value();
        viewer = tokens.issue("svc-viewer", Role.VIEWER, "test").secret().value();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliRun as(String token, String... args) {
        return CliRun.against(server.getURL().toString(), token, args);
    }

    @Test
    void addFetchListAndReadTheCommitQueue() throws Exception {
        try (TestRepo repo = TestRepo.create(dir.resolve("repo"))) {
            repo.commit("first", Map.of("drover.yaml", TestRepo.validSpec("thumbnailer")));
            repo.push();
            Path secret = dir.resolve("hook.secret");
            Files.writeString(secret, "a-webhook-secret\n");

            CliRun added = as(admin, "service", "add", "thumbnailer", "--repo", repo.url(), "--branch", "main",
                    "--webhook-secret-file", secret.toString(), "--reason", "onboarding");
            assertThat(added.code()).as(added.err()).isZero();
            assertThat(added.out()).contains("Added service 'thumbnailer' following main");
            assertThat(as(admin, "service", "list", "-o", "json").out())
                    .contains("\"webhookSecretSet\" : true").doesNotContain("a-webhook-secret");

            assertThat(as(admin, "service", "fetch", "thumbnailer").out()).contains("thumbnailer: 1 new commit");
            repo.commit("second change", Map.of("drover.yaml", "service: thumbnailer\njob: {}\n"));
            repo.push();
            assertThat(as(admin, "service", "fetch", "thumbnailer").code()).isZero();

            CliRun commits = as(viewer, "commits", "thumbnailer");
            List<String> lines = commits.out().lines().toList();
            assertThat(lines.get(0)).startsWith("COMMIT").contains("STATUS").contains("AUTHOR").contains("AGE").contains("MESSAGE");
            assertThat(lines.get(1)).contains("invalid").contains("Ada Lovelace").contains("second change");
            assertThat(lines.get(2)).contains("queued").contains("first");
            assertThat(commits.out()).contains("is invalid:").contains("drover.yaml:");

            CliRun deliveries = as(viewer, "service", "deliveries", "thumbnailer");
            assertThat(deliveries.code()).isZero();
            assertThat(deliveries.out()).startsWith("AGE").contains("OUTCOME").contains("REASON");

            CliRun status = as(viewer, "status");
            assertThat(status.out()).contains("SERVICE").contains("thumbnailer").contains("main").contains("invalid");
        }
    }

    @Test
    void addingIsForAdminsAndBadInputSaysWhatToFix() {
        CliRun refused = as(viewer, "service", "add", "nope", "--repo", "https://git.example/x.git");
        assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);

        CliRun badName = as(admin, "service", "add", "Bad_Name", "--repo", "https://git.example/x.git");
        assertThat(badName.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badName.err()).contains("service name 'Bad_Name' is not valid");

        CliRun missing = as(admin, "service", "add", "x", "--repo", "u", "--webhook-secret-file", "/nonexistent/secret");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read webhook secret file");

        assertThat(as(viewer, "commits", "no-such-service").err()).contains("service not found");
    }

    @Test
    void aFailedFetchIsShownByListAndStatusInWords() {
        String nowhere = dir.resolve("nowhere.git").toUri().toString();
        assertThat(as(admin, "service", "add", "unreachable", "--repo", nowhere, "--branch", "main").code()).isZero();

        CliRun fetch = as(admin, "service", "fetch", "unreachable");
        assertThat(fetch.code()).isNotZero();
        assertThat(fetch.err()).contains("fetching " + nowhere);

        assertThat(as(viewer, "service", "list").out()).contains("unreachable").contains("fetch failed: fetching " + nowhere);
        assertThat(as(viewer, "status", "unreachable").out())
                .contains("Intake").contains("new commits are not coming in: the last fetch failed: fetching " + nowhere);
    }
}

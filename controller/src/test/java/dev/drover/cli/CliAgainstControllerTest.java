package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator CLI against a running controller, over real HTTP. */
class CliAgainstControllerTest {
    private static EmbeddedServer server;
    private static String url;
    private static String admin;
    private static String viewer;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, "test");
        url = server.getURL().toString();
        AccessTokens tokens = server.getApplicationContext().getBean(AccessTokens.class);
        admin = tokens.issue("cli-admin", Role.ADMIN, "test").secret().value();
        viewer = tokens.issue("cli-viewer", Role.VIEWER, "test").secret().value();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliRun drover(String... args) {
        return CliRun.of(args);
    }

    private static CliRun as(String token, String... args) {
        return CliRun.against(url, token, args);
    }

    @Test
    void statusShowsVersionDatabaseHealthAndCaller() {
        CliRun run = as(viewer, "status");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Version").contains("Database    H2").contains("Health      UP")
                .contains("You         cli-viewer (viewer)");
    }

    @Test
    void statusAsJsonIsTheApiAnswer() {
        CliRun run = as(viewer, "status", "--output", "json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"health\" : \"UP\"").contains("\"caller\"");
    }

    @Test
    void tokenCreatePrintsASecretThatWorks() {
        CliRun created = as(admin, "token", "create", "--name", "on-call", "--role", "deployer", "--reason", "rota");

        assertThat(created.code()).isZero();
        assertThat(created.out()).contains("Created token 'on-call' with role deployer");
        String secret = created.out().lines().filter(l -> l.startsWith("drv_")).findFirst().orElseThrow();
        assertThat(as(secret, "status").out()).contains("on-call (deployer)");
        assertThat(as(admin, "token", "list").out()).contains("on-call").contains("deployer").doesNotContain(secret);
    }

    @Test
    void aRefusalExitsWith3AndSaysWhy() {
        CliRun run = as(viewer, "token", "create", "--name", "nope", "--role", "admin");

        assertThat(run.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("Role too low (403)").contains("has role viewer");
    }

    @Test
    void noTokenExitsWith3AndSaysWhatToSet() {
        CliRun run = drover("status", "--server", url, "--token", "");

        assertThat(run.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("DROVER_TOKEN");
    }

    @Test
    void badInputExitsWith2() {
        assertThat(as(admin, "token", "create", "--name", "x", "--role", "root").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(drover("token", "create", "--name", "x").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(drover("status", "--server", "ftp://nowhere").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnreachableControllerExitsWith1AndSaysHowToStartOne() {
        CliRun run = drover("status", "--server", "http://127.0.0.1:9", "--token", admin);

        assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("cannot reach the controller").contains("./drover up");
    }

    @Test
    void auditListsAllowedAndRefusedCallsNewestFirst() {
        as(viewer, "token", "create", "--name", "audit-refused", "--role", "viewer", "--reason", "trying");
        as(admin, "token", "create", "--name", "audit-ok", "--role", "viewer", "--reason", "needed");

        CliRun run = as(viewer, "audit", "--action", "token.create", "--limit", "2");

        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("ACTOR").contains("OUTCOME").contains("REASON/DETAIL");
        assertThat(lines.get(1)).contains("cli-admin").contains("token/audit-ok").contains("ok 201").contains("needed");
        assertThat(lines.get(2)).contains("cli-viewer").contains("refused 403").contains("has role viewer");
    }

    @Test
    void theSameArtifactServesTheAgentWhichAnAdminTokenCannotRun() {
        CliRun run = drover("agent", "--server", url, "--token", admin, "--nvidia-smi", "/nonexistent/nvidia-smi",
                "--state-dir", "target/agent-state-" + System.nanoTime());

        assertThat(run.out()).contains("agent: slots=1").contains("gpus=none");
        assertThat(run.code()).isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheRevocationIsAudited() {
        String secret = as(admin, "token", "create", "--name", "leaver", "--role", "viewer").out().lines()
                .filter(l -> l.startsWith("drv_")).findFirst().orElseThrow();

        CliRun revoked = as(admin, "token", "revoke", "leaver", "--reason", "left the team");

        assertThat(revoked.code()).isZero();
        assertThat(as(secret, "status").code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(as(admin, "token", "revoke", "leaver").code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(as(admin, "audit", "--action", "token.revoke", "--limit", "2").out())
                .contains("token/leaver").contains("rejected 404").contains("ok 204").contains("left the team");
    }
}

package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.audit.AuditQuery;
import dev.drover.audit.AuditStore;
import dev.drover.commit.CommitStore;
import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.RolloutEngine;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy, lock, unlock, promote, abort and rollback through the CLI against a controller. */
class RolloutCliTest {
    private static EmbeddedServer server;
    private static String deployer;
    private static String other;
    private static Service service;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, "test");
        AccessTokens tokens = server.getApplicationContext().getBean(AccessTokens.class);
        deployer = tokens.issue("cli-rollouts", Role.DEPLOYER, "test").secret().value();
        other = tokens.issue("cli-oncall", Role.DEPLOYER, "test").secret().value();
        service = server.getApplicationContext().getBean(Services.class)
                .add(new ServiceSettings("rollouts", "file:///none", "main", null, null));
        revision("a");
        revision("b");
        server.getApplicationContext().getBean(TierStateStore.class).deployAll(service.id(), List.of("main"), 1,
                Instant.now());
    }

    private static void revision(String sha) {
        GreenRevisions.create(server.getApplicationContext().getBean(CommitStore.class),
                server.getApplicationContext().getBean(RevisionStore.class), service.id(), sha.repeat(40),
                "sha256:" + "1".repeat(64), new RevisionSpec(List.of("sh"), Map.of(), Map.of(), 1, 1L << 30, 1L << 20, 60,
                        0, 0, "optional", false, List.of(new RevisionSpec.Tier("main", "cpu", 1, 0))), Instant.now());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliRun drover(String token, String... args) {
        return CliRun.against(server.getURL().toString(), token, args);
    }

    @Test
    void aPersonsLockRefusesDeploysWithWhoAndWhyUntilForcedAndRollbackGoesThrough() {
        var locked = drover(other, "lock", "rollouts", "--reason", "incident 42");
        assertThat(locked.code()).isZero();
        assertThat(locked.out()).contains("locked by cli-oncall").contains("incident 42");

        var refused = drover(deployer, "deploy", "rollouts", "--commit", "bbbbbbb", "--reason", "ship");
        assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains("cli-oncall").contains("incident 42");

        var forced = drover(deployer, "deploy", "rollouts", "--revision", "2", "--force", "--reason", "hotfix");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("of revision 2: queued");
        assertThat(server.getApplicationContext().getBean(AuditStore.class).list(new AuditQuery(20, null, "cli-rollouts", "deploy"))).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("deploy");
            assertThat(e.reason()).contains("forced");
        });

        server.getApplicationContext().getBean(RolloutEngine.class).reconcile(); // the rollout starts: 2 on main
        var noReason = drover(deployer, "rollback", "rollouts");
        assertThat(noReason.code()).isEqualTo(ExitCodes.USAGE);

        var back = drover(other, "rollback", "rollouts", "--reason", "bad output");
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(back.out()).contains("main: revision 1").contains("locked by cli-oncall").contains("bad output");

        assertThat(drover(deployer, "unlock", "rollouts").out()).contains("unlocked");
        assertThat(drover(deployer, "abort", "rollouts", "--reason", "nothing").code()).isEqualTo(ExitCodes.FAILURE);
    }
}

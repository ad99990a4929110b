package dev.drover.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.git.JGitMirror;
import dev.drover.git.TestRepo;
import dev.drover.secret.DirectorySecrets;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.JooqMirrorStateStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.TestDatabases;
import dev.drover.target.Capacity;
import dev.drover.target.Target;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits in, end to end below HTTP: a real repository on disk, the JGit mirror, the stores on H2. */
class CommitIntakeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private TestDatabases.Opened db;
    private TestRepo repo;
    private JooqCommitStore commits;
    private JooqMirrorStateStore states;
    private CommitIntake intake;
    private Service service;

    @BeforeEach
    void setUp() {
        db = TestDatabases.open(TestDatabases.Backend.H2);
        repo = TestRepo.create(dir.resolve("repo"));
        commits = new JooqCommitStore(db.database().dsl());
        states = new JooqMirrorStateStore(db.database().dsl());
        List<Target> targets = List.of(new Target("cpu", "local", Capacity.ON_DEMAND, 0, null, null, BigDecimal.ZERO, Map.of()));
        intake = new CommitIntake(new JGitMirror(dir.resolve("mirrors"), new DirectorySecrets(dir.resolve("secrets"))),
                commits, states, new DroverYamlCheck(targets), CLOCK);
        service = new JooqServiceStore(db.database().dsl()).create(
                new ServiceSettings("thumbnailer", repo.url(), "main", null, null), ServiceOrigin.API, CLOCK.instant());
    }

    @AfterEach
    void tearDown() {
        repo.close();
        db.close();
    }

    private List<String> recordedShas() {
        return commits.list(service.id(), 100).stream().map(Commit::sha).toList();
    }

    @Test
    void theFirstFetchRecordsOnlyTheTipThenEveryNewCommitOnceOldestFirst() {
        repo.commit("one", Map.of("drover.yaml", TestRepo.validSpec("thumbnailer")));
        String two = repo.commit("two");
        repo.push();

        assertThat(intake.synchronize(service).recorded()).containsExactly(two);

        String three = repo.commit("three");
        String four = repo.commit("four\n\nwith a body");
        repo.push();

        assertThat(intake.synchronize(service).recorded()).containsExactly(three, four);
        assertThat(intake.synchronize(service)).isEqualTo(SyncResult.NOTHING);
        assertThat(recordedShas()).containsExactly(four, three, two);

        Commit newest = commits.newest(service.id()).orElseThrow();
        assertThat(newest.status()).isEqualTo(CommitStatus.QUEUED);
        assertThat(newest.subject()).isEqualTo("four");
        assertThat(newest.message()).isEqualTo("four\n\nwith a body");
        assertThat(newest.authorName()).isEqualTo("Ada Lovelace");
        assertThat(newest.authorEmail()).isEqualTo("ada@example.com");
        assertThat(newest.parents()).containsExactly(three);
        assertThat(newest.recordedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aForcePushIsRecordedAsARewriteAndTheNewCommitsAsUsual() {
        String base = repo.commit("base", Map.of("drover.yaml", TestRepo.validSpec("thumbnailer")));
        String doomed = repo.commit("doomed");
        repo.push();
        intake.synchronize(service);

        repo.resetHard(base);
        String replacement = repo.commit("replacement");
        repo.push(true);
        SyncResult result = intake.synchronize(service);

        assertThat(result.recorded()).containsExactly(replacement);
        assertThat(result.rewrite()).hasValueSatisfying(r -> {
            assertThat(r.oldHead()).isEqualTo(doomed);
            assertThat(r.newHead()).isEqualTo(replacement);
        });
        assertThat(result.describe()).contains("history rewritten");
        assertThat(states.rewrites(service.id(), 10)).hasSize(1);
        assertThat(recordedShas()).containsExactly(replacement, doomed);
    }

    @Test
    void aCommitWithAnInvalidOrMissingDroverYamlIsMarkedInvalidWithTheReason() {
        repo.commit("no spec yet");
        repo.push();
        intake.synchronize(service);
        repo.commit("bad spec", Map.of("drover.yaml", "service: thumbnailer\njob:\n  comand: [x]\n"));
        repo.push();
        intake.synchronize(service);
        repo.commit("wrong service", Map.of("drover.yaml", TestRepo.validSpec("other")));
        repo.push();
        intake.synchronize(service);

        List<Commit> recorded = commits.list(service.id(), 10);
        assertThat(recorded).extracting(Commit::status).containsOnly(CommitStatus.INVALID);
        assertThat(recorded.get(2).statusDetail()).contains("drover.yaml: missing");
        assertThat(recorded.get(1).statusDetail()).contains("drover.yaml:3:3:").contains("comand");
        assertThat(recorded.get(0).statusDetail()).contains("'service: other' does not match");
    }

    @Test
    void aMissingBranchOrAMissingCredentialsSecretIsAFetchErrorThatIsKept() {
        assertThatThrownBy(() -> intake.synchronize(service))
                .isInstanceOf(MirrorException.class).hasMessageContaining("branch 'main' does not exist");
        assertThat(states.find(service.id())).hasValueSatisfying(s -> assertThat(s.lastError()).contains("does not exist"));

        Service withCredentials = service.withSettings(
                new ServiceSettings("thumbnailer", repo.url(), "main", null, "git/token"));
        assertThatThrownBy(() -> intake.synchronize(withCredentials))
                .isInstanceOf(MirrorException.class).hasMessageContaining("credentials secret 'git/token'");
    }

    @Test
    void aDroverYamlDroverWillNotReadMakesItsCommitInvalidSayingWhyAndIntakeGoesOn() {
        String first = repo.commit("first", Map.of("drover.yaml", TestRepo.validSpec("thumbnailer")));
        repo.push();
        intake.synchronize(service);
        String gitlink = repo.commitGitlink("spec as a submodule", "drover.yaml", first);
        repo.push();
        intake.synchronize(service);
        String huge = repo.commit("huge spec", Map.of("drover.yaml", "#".repeat(2 * 1024 * 1024)));
        repo.push();
        intake.synchronize(service);
        String fixed = repo.commit("fixed", Map.of("drover.yaml", TestRepo.validSpec("thumbnailer")));
        repo.push();
        intake.synchronize(service);

        assertThat(commits.find(service.id(), gitlink)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(CommitStatus.INVALID);
            assertThat(c.statusDetail()).isEqualTo("drover.yaml at " + gitlink.substring(0, 7)
                    + " is a submodule (a gitlink), not a file: commit the file itself");
        });
        assertThat(commits.find(service.id(), huge)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(CommitStatus.INVALID);
            assertThat(c.statusDetail()).isEqualTo("drover.yaml at " + huge.substring(0, 7)
                    + " is 2097152 bytes: Drover reads at most 1024 KiB of it");
        });
        assertThat(commits.find(service.id(), fixed)).hasValueSatisfying(c ->
                assertThat(c.status()).isEqualTo(CommitStatus.QUEUED));
        assertThat(states.find(service.id())).hasValueSatisfying(s -> {
            assertThat(s.headSha()).isEqualTo(fixed);
            assertThat(s.lastError()).isNull();
        });
    }
}

package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.commit.Commit;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.MirrorStateStore;
import dev.drover.commit.SeenCommit;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The commit and mirror-state stores' contract, on every database the controller supports. */
@ParameterizedClass
@EnumSource(Backend.class)
class CommitStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private CommitStore commits;
    private MirrorStateStore states;
    private long serviceId;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        commits = new JooqCommitStore(db.database().dsl());
        states = new JooqMirrorStateStore(db.database().dsl());
        serviceId = new JooqServiceStore(db.database().dsl())
                .create(new ServiceSettings("svc", "repo", "main", null, null), ServiceOrigin.API, T0).id();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static SeenCommit seen(String sha, String... parents) {
        return new SeenCommit(sha, List.of(parents), "Ada", "ada@example.com", "subject " + sha + "\n\nbody", T0);
    }

    @Test
    void aCommitIsRecordedExactlyOnceWithEveryField() {
        assertThat(commits.record(serviceId, seen("a".repeat(40)), CommitStatus.QUEUED, null, T0)).isTrue();
        assertThat(commits.record(serviceId, seen("a".repeat(40)), CommitStatus.INVALID, "x", T0)).isFalse();
        assertThat(commits.record(serviceId, seen("b".repeat(40), "a".repeat(40), "c".repeat(40)),
                CommitStatus.INVALID, "drover.yaml:1:1: broken", T0.plusSeconds(1))).isTrue();

        List<Commit> listed = commits.list(serviceId, 10);
        assertThat(listed).extracting(Commit::sha).containsExactly("b".repeat(40), "a".repeat(40));
        Commit b = listed.get(0);
        assertThat(b.parents()).containsExactly("a".repeat(40), "c".repeat(40));
        assertThat(b.status()).isEqualTo(CommitStatus.INVALID);
        assertThat(b.statusDetail()).isEqualTo("drover.yaml:1:1: broken");
        assertThat(b.subject()).isEqualTo("subject " + "b".repeat(40));
        assertThat(b.recordedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(listed.get(1).parents()).isEmpty();
        assertThat(listed.get(1).status()).isEqualTo(CommitStatus.QUEUED);
        assertThat(commits.isRecorded(serviceId, "a".repeat(40))).isTrue();
        assertThat(commits.isRecorded(serviceId, "d".repeat(40))).isFalse();
        assertThat(commits.newest(serviceId)).contains(b);
    }

    @Test
    void theMirrorStateKeepsTheHeadAndTheLastErrorUntilTheNextGoodFetch() {
        assertThat(states.find(serviceId)).isEmpty();

        states.saveError(serviceId, "unreachable", T0);
        assertThat(states.find(serviceId)).hasValueSatisfying(s -> {
            assertThat(s.headSha()).isNull();
            assertThat(s.lastError()).isEqualTo("unreachable");
        });
        states.saveHead(serviceId, "a".repeat(40), T0.plusSeconds(1));
        states.saveError(serviceId, "timeout", T0.plusSeconds(2));
        assertThat(states.find(serviceId)).hasValueSatisfying(s -> {
            assertThat(s.headSha()).isEqualTo("a".repeat(40));
            assertThat(s.lastError()).isEqualTo("timeout");
        });
        states.saveHead(serviceId, "b".repeat(40), T0.plusSeconds(3));
        assertThat(states.find(serviceId)).hasValueSatisfying(s -> {
            assertThat(s.headSha()).isEqualTo("b".repeat(40));
            assertThat(s.lastError()).isNull();
            assertThat(s.fetchedAt()).isEqualTo(T0.plusSeconds(3));
        });
    }

    @Test
    void rewritesAreListedNewestFirst() {
        states.recordRewrite(serviceId, "a".repeat(40), "b".repeat(40), T0);
        states.recordRewrite(serviceId, "b".repeat(40), "c".repeat(40), T0.plusSeconds(1));

        assertThat(states.rewrites(serviceId, 10)).extracting(r -> r.newHead()).containsExactly("c".repeat(40), "b".repeat(40));
        assertThat(states.rewrites(serviceId, 1)).hasSize(1);
    }
}

package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.notify.Backoff;
import dev.drover.notify.Format;
import dev.drover.notify.HttpClientSender;
import dev.drover.notify.NotificationOutbox;
import dev.drover.notify.Sink;
import dev.drover.notify.TestReceiver;
import dev.drover.revision.RevisionSpec;
import dev.drover.spec.GatesSpec;
import dev.drover.store.jooq.JooqNotificationStore;
import dev.drover.store.jooq.JooqServiceStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole rollouts on the simulated backend told to a JSON and a Slack-compatible receiver over real HTTP. */
class NotificationScenarioTest {

    /** Two short stages, so a whole rollout takes a fraction of a second. */
    private static final RevisionSpec SHORT = RolloutRig.spec(List.of(
            RolloutRig.stage(List.of("canary-gpu", "canary-spot"), Duration.ofMinutes(2), 10, Duration.ofMinutes(20)),
            RolloutRig.stage(List.of("c1", "c2", "c3"), Duration.ofMinutes(2), 10, Duration.ofMinutes(20))),
            GatesSpec.DEFAULT);

    private static NotificationOutbox outbox(RolloutRig rig, TestReceiver receiver) {
        var dsl = rig.db.database().dsl();
        NotificationOutbox outbox = new NotificationOutbox(List.of(
                new Sink("hooks", receiver.url("/hooks"), Format.JSON, Set.of(), Optional.empty(), Optional.empty()),
                new Sink("chat", receiver.url("/chat"), Format.SLACK, Set.of(), Optional.empty(), Optional.empty())),
                rig.rollouts, new JooqServiceStore(dsl), new JooqNotificationStore(dsl),
                new HttpClientSender(Duration.ofSeconds(2)), new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 8),
                Duration.ofSeconds(2), rig.clock);
        outbox.pass(); // the sinks start at the newest event
        return outbox;
    }

    private static List<String> events(TestReceiver receiver) {
        return receiver.received().stream().filter(r -> r.path().equals("/hooks"))
                .map(r -> r.json().get("event").asText()).toList();
    }

    private static List<String> lines(TestReceiver receiver) {
        return receiver.received().stream().filter(r -> r.path().equals("/chat"))
                .map(r -> r.json().get("text").asText()).toList();
    }

    @Test
    void aPromotedRolloutIsToldStartedEachStagePassedAndPromoted() {
        try (RolloutRig rig = new RolloutRig(1); TestReceiver receiver = new TestReceiver()) {
            rig.live(rig.revision(SHORT));
            int candidate = rig.revision(SHORT);
            NotificationOutbox outbox = outbox(rig, receiver);
            Rollout rollout = rig.deploy(candidate);

            assertThat(rig.runUntilSettled(Duration.ofHours(3))).isTrue();
            outbox.pass();

            assertThat(events(receiver)).containsExactly("started", "stage-passed", "stage-passed", "succeeded");
            var promoted = receiver.received().stream().filter(r -> r.path().equals("/hooks")).toList().get(3).json();
            assertThat(promoted.get("service").asText()).isEqualTo("thumbnailer");
            assertThat(promoted.get("rolloutId").asLong()).isEqualTo(rollout.id());
            assertThat(promoted.get("revision").asInt()).isEqualTo(candidate);
            assertThat(lines(receiver)).hasSize(4).last().asString()
                    .startsWith("thumbnailer: rollout #" + rollout.id() + " of revision " + candidate + " promoted — ");
        }
    }

    @Test
    void aRollbackIsToldWithTheJudgesSentenceAndTheLockItLeaves() {
        try (RolloutRig rig = new RolloutRig(11); TestReceiver receiver = new TestReceiver()) {
            rig.live(rig.revision(RolloutRig.spec()));
            int candidate = rig.revision(RolloutRig.spec());
            rig.behaving(RolloutRig.worker(0.02, 1, 1, 0).onRevision(candidate, RolloutRig.worker(0.4, 1, 1, 0)));
            NotificationOutbox outbox = outbox(rig, receiver);
            rig.run(Duration.ofMinutes(5));
            Rollout rollout = rig.deploy(candidate);

            assertThat(rig.runUntilSettled(Duration.ofHours(3))).isTrue();
            rig.commands.unlock(rig.service.id(), "grace");
            outbox.pass();

            assertThat(events(receiver)).containsExactly("started", "rolled-back", "locked", "unlocked");
            String sentence = rig.events().stream().filter(e -> e.kind() == RolloutEvent.Kind.ROLLED_BACK).findFirst()
                    .orElseThrow().message();
            assertThat(sentence).contains("candidate fails");
            assertThat(lines(receiver)).contains("thumbnailer: rollout #" + rollout.id() + " of revision " + candidate
                    + " rolled back — " + sentence);
        }
    }

    @Test
    void aStagePausedAtItsDeadlineAndAnAbortAreTold() {
        try (RolloutRig rig = new RolloutRig(21); TestReceiver receiver = new TestReceiver()) {
            rig.live(rig.revision(SHORT));
            rig.jobsPerSecond(0.02);
            NotificationOutbox outbox = outbox(rig, receiver);
            Rollout rollout = rig.deploy(rig.revision(SHORT));

            rig.run(Duration.ofMinutes(30));
            rig.commands.abort(rig.service.id(), "grace", "too thin to judge");
            outbox.pass();

            assertThat(events(receiver)).containsExactly("started", "paused", "aborted");
            assertThat(lines(receiver)).last().asString().startsWith("thumbnailer: rollout #" + rollout.id()
                    + " of revision 2 aborted — ").contains("too thin to judge");
        }
    }
}

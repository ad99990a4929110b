package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** The deploy lock and the stage deadline: what holds a rollout back, and what always goes through. */
class LockScenarioTest {

    private static RolloutRig rig(long seed) {
        RolloutRig rig = new RolloutRig(seed);
        rig.live(rig.revision(RolloutRig.spec()));
        rig.run(Duration.ofMinutes(2));
        return rig;
    }

    @Test
    void aThinStagePausesAtItsDeadlineAndIsNotPromoted() {
        try (RolloutRig rig = rig(21)) {
            rig.jobsPerSecond(0.02); // a canary tier sees about one job every eight minutes
            Rollout rollout = rig.deploy(rig.revision(RolloutRig.spec()));

            rig.run(Duration.ofHours(3));

            Rollout paused = rig.rollouts.find(rollout.id()).orElseThrow();
            assertThat(paused.state()).isEqualTo(RolloutState.PAUSED);
            assertThat(paused.stage()).isZero();
            assertThat(paused.note()).contains("deadline").contains("not promoted on no data");
            assertThat(rig.events()).extracting(RolloutEvent::kind).containsOnlyOnce(RolloutEvent.Kind.PAUSED)
                    .doesNotContain(RolloutEvent.Kind.STAGE_PASSED);
            assertThat(rig.tiers().get("c1").candidate()).isNull();
            assertThat(rig.tiers().get("canary-gpu").candidate()).as("still judged on the canary").isEqualTo(2);
            assertThat(rig.rollouts.stages(paused.id()).get(0).verdicts()).isNotEmpty();
        }
    }

    @Test
    void aPersonsLockPausesPromotionAndQueuesTheNextRequestUntilUnlocked() {
        try (RolloutRig rig = rig(22)) {
            int second = rig.revision(RolloutRig.spec());
            Rollout first = rig.deploy(second);
            rig.run(Duration.ofMinutes(1));
            rig.commands.lock(rig.service.id(), "grace", "investigating a queue backlog");

            int third = rig.revision(RolloutRig.spec());
            Rollout queued = rig.rollouts.request(rig.service.id(), third, true, false, "drover", "new commit",
                    rig.clock.instant()); // what automatic deploys do
            rig.run(Duration.ofMinutes(90));

            Rollout held = rig.rollouts.find(first.id()).orElseThrow();
            assertThat(held.state()).isEqualTo(RolloutState.RUNNING);
            assertThat(held.stage()).as("judged, but not promoted").isZero();
            assertThat(held.note()).contains("promotion held").contains("grace").contains("queue backlog");
            assertThat(rig.events()).filteredOn(e -> e.kind() == RolloutEvent.Kind.PAUSED).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("passed; promotion held").contains("grace"));
            assertThat(rig.rollouts.find(queued.id()).orElseThrow().state()).isEqualTo(RolloutState.QUEUED);
            assertThatThrownBy(() -> rig.deploy(third)).isInstanceOfSatisfying(Refusal.class, r -> {
                assertThat(r.locked()).isTrue();
                assertThat(r.getMessage()).contains("grace").contains("investigating a queue backlog");
            });

            rig.commands.unlock(rig.service.id(), "grace");
            assertThat(rig.runUntilSettled(Duration.ofHours(4))).isTrue();
            assertThat(rig.rollouts.find(first.id()).orElseThrow().state()).isIn(RolloutState.SUCCEEDED,
                    RolloutState.SUPERSEDED);
            assertThat(rig.rollouts.find(queued.id()).orElseThrow().state()).isEqualTo(RolloutState.SUCCEEDED);
            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(third));
        }
    }

    @Test
    void aForcedDeployGoesThroughAPersonsLockAndSaysSo() {
        try (RolloutRig rig = rig(23)) {
            int candidate = rig.revision(RolloutRig.spec());
            rig.commands.lock(rig.service.id(), "grace", "freeze for the launch");

            Rollout forced = rig.commands.deploy(rig.service.id(), candidate, "ada", "hotfix", true);

            assertThat(forced.forced()).isTrue();
            assertThat(rig.rollouts.lock(rig.service.id()).locked()).isFalse();
            assertThat(rig.events()).extracting(RolloutEvent::message)
                    .anySatisfy(m -> assertThat(m).contains("forced").contains("freeze for the launch"));
        }
    }

    @Test
    void rollbackAndAbortGoThroughALockAndBumpTheFencingToken() {
        try (RolloutRig rig = rig(24)) {
            Rollout first = rig.deploy(rig.revision(RolloutRig.spec()));
            rig.run(Duration.ofMinutes(3));
            rig.commands.lock(rig.service.id(), "grace", "looks odd");
            long fence = rig.rollouts.lock(rig.service.id()).fence();

            rig.commands.abort(rig.service.id(), "grace", "stop it");

            assertThat(rig.rollouts.find(first.id()).orElseThrow().state()).isEqualTo(RolloutState.ABORTED);
            assertThat(rig.rollouts.lock(rig.service.id()).fence()).isGreaterThan(fence);
            assertThat(rig.tiers().values()).allSatisfy(t -> {
                assertThat(t.stable()).isEqualTo(1);
                assertThat(t.candidate()).isNull();
            });
            assertThat(rig.rollouts.lock(rig.service.id()).lockedBy()).as("an abort leaves the person's lock").isEqualTo("grace");

            Rollout second = rig.commands.deploy(rig.service.id(), 2, "ada", "again", true);
            rig.run(Duration.ofMinutes(3));
            rig.commands.lock(rig.service.id(), "grace", "looks odd again");
            fence = rig.rollouts.lock(rig.service.id()).fence();

            rig.commands.rollback(rig.service.id(), java.util.Optional.empty(), java.util.Optional.empty(), false,
                    "grace", "bad output");

            assertThat(rig.rollouts.find(second.id()).orElseThrow().state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(rig.rollouts.lock(rig.service.id()).fence()).isGreaterThan(fence);
            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(1));
            rig.run(Duration.ofMinutes(30));
            assertThat(rig.tiers().values()).as("nothing moves after the rollback").allSatisfy(t -> {
                assertThat(t.stable()).isEqualTo(1);
                assertThat(t.candidate()).isNull();
            });
        }
    }

    @Test
    void twoDeployRequestsAtOnceRunOneAndQueueTheOther() throws Exception {
        try (RolloutRig rig = rig(25)) {
            int a = rig.revision(RolloutRig.spec());
            int b = rig.revision(RolloutRig.spec());
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Rollout> first = CompletableFuture.supplyAsync(() -> {
                await(together);
                return rig.deploy(a);
            });
            CompletableFuture<Rollout> second = CompletableFuture.supplyAsync(() -> {
                await(together);
                return rig.deploy(b);
            });
            first.get();
            second.get();

            // two controllers reconcile at the same moment: only the lease holder starts a rollout
            RolloutEngine other = rig.otherEngine("controller-2");
            CyclicBarrier passes = new CyclicBarrier(2);
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> {
                await(passes);
                rig.engine().reconcile();
            });
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> {
                await(passes);
                other.reconcile();
            });
            one.get();
            two.get();

            List<Rollout> open = rig.rollouts.open(rig.service.id());
            assertThat(open).extracting(Rollout::state).containsExactlyInAnyOrder(RolloutState.RUNNING,
                    RolloutState.QUEUED);
            assertThat(rig.events()).filteredOn(e -> e.kind() == RolloutEvent.Kind.STARTED).hasSize(1);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

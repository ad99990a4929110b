package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.drover.judge.ArmCount;
import dev.drover.judge.GateVerdict;
import dev.drover.judge.JudgeInput.BootstrapLimits;
import dev.drover.judge.TierVerdict;
import dev.drover.judge.VerdictState;
import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.rollout.Budget;
import dev.drover.rollout.DeployLock;
import dev.drover.rollout.Policy;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.RolloutState;
import dev.drover.rollout.RolloutStore;
import dev.drover.rollout.StageRecord;
import dev.drover.rollout.TierChange;
import dev.drover.rollout.Transition;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.spec.CostPerJobGate;
import dev.drover.spec.DurationGate;
import dev.drover.spec.FailureRateGate;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ManualApprovalGate;
import dev.drover.spec.MemoryGate;
import dev.drover.spec.StageSpec;
import dev.drover.store.StaleVersionException;
import dev.drover.store.jooq.TestDatabases.Backend;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rollout store's contract on both databases: requests and their events, the lease and its fencing
 * token, and {@link RolloutStore#apply} writing a whole transition or, on a stale fence or version, nothing.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RolloutStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final RevisionSpec SPEC = new RevisionSpec(List.of("python", "work.py"), Map.of(), Map.of(), 1,
            512L << 20, 0, 3600, 3, 0, "optional", false,
            List.of(new RevisionSpec.Tier("canary", "cpu-spot", 10, 0), new RevisionSpec.Tier("c1", "cpu-ondemand", 90, 0)));
    private static final Policy POLICY = new Policy(
            List.of(new StageSpec(List.of("canary"), Duration.ofMinutes(10), 40, 0.5, Duration.ofHours(2)),
                    new StageSpec(List.of("c1"), Duration.ofMinutes(5), 30, 1.0, Duration.ofHours(6))),
            new GatesSpec(new FailureRateGate(2.0), new DurationGate(List.of(0.5, 0.99), 1.3, true),
                    new MemoryGate(1.4, false), CostPerJobGate.DEFAULT, new ManualApprovalGate(true)),
            new Budget(0.02, 0.001), new BootstrapLimits(0.2, 0.5), List.of("stage 1: bake raised from 2m to 10m"), 25,
            java.util.Set.of("canary"), List.of("stage 2 (minJobs 3) is too small"));

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private RolloutStore store;
    private TierStateStore tiers;
    private JooqServiceStore services;
    private long serviceId;
    private int rev1;
    private int rev2;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        store = new JooqRolloutStore(db.database().dsl());
        tiers = new JooqTierStateStore(db.database().dsl());
        services = new JooqServiceStore(db.database().dsl());
        serviceId = service("thumbnailer");
        rev1 = revision(1);
        rev2 = revision(2);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private long service(String name) {
        return services.create(new ServiceSettings(name, "https://git.example/" + name + ".git", "main", null, null),
                ServiceOrigin.API, T0).id();
    }

    /** A green commit and its revision, as a build leaves them. */
    private int revision(int n) {
        String sha = String.format("%040x", n);
        return GreenRevisions.create(new JooqCommitStore(db.database().dsl()), new JooqRevisionStore(db.database().dsl()),
                serviceId, sha, "registry/thumbnailer@sha256:" + sha + sha.substring(0, 24), SPEC, T0);
    }

    private Rollout requested() {
        return store.request(serviceId, rev2, false, false, "ada", "ship it", T0);
    }

    private Rollout reread(Rollout rollout) {
        return store.find(rollout.id()).orElseThrow();
    }

    private List<RolloutEvent> events() {
        return store.events(serviceId, 0, 100);
    }

    /** Waits for the current lease to expire (by the database's clock), then takes it. */
    private long takeOnceExpired(String holder) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> store.lease(serviceId, holder, LEASE), OptionalLong::isPresent).getAsLong();
    }

    private static RolloutEvent event(Rollout rollout, RolloutEvent.Kind kind, String message, Instant at) {
        return RolloutEvent.of(rollout.serviceId(), rollout.id(), kind, message, at);
    }

    @Test
    void aRequestIsAQueuedRolloutWithItsRequestedEvent() {
        Rollout r = store.request(serviceId, rev2, false, false, "ada", "ship it", T0);

        assertThat(r.id()).isPositive();
        assertThat(r.serviceId()).isEqualTo(serviceId);
        assertThat(r.revision()).isEqualTo(rev2);
        assertThat(r.state()).isEqualTo(RolloutState.QUEUED);
        assertThat(r.fromRevision()).isNull();
        assertThat(r.stage()).isZero();
        assertThat(r.policy()).isNull();
        assertThat(r.baselines()).isEmpty();
        assertThat(r.note()).isEqualTo("queued");
        assertThat(r.promoteThrough()).isEqualTo(-1);
        assertThat(r.automatic()).isFalse();
        assertThat(r.forced()).isFalse();
        assertThat(r.requestedBy()).isEqualTo("ada");
        assertThat(r.reason()).isEqualTo("ship it");
        assertThat(r.requestedAt()).isEqualTo(T0);
        assertThat(r.updatedAt()).isEqualTo(T0);
        assertThat(r.startedAt()).isNull();
        assertThat(r.finishedAt()).isNull();
        assertThat(r.version()).isEqualTo(1);
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.id()).isPositive();
            assertThat(e.serviceId()).isEqualTo(serviceId);
            assertThat(e.rolloutId()).isEqualTo(r.id());
            assertThat(e.kind()).isEqualTo(RolloutEvent.Kind.REQUESTED);
            assertThat(e.message()).isEqualTo("ada requested a rollout of revision 2: ship it");
            assertThat(e.at()).isEqualTo(T0);
        });
    }

    @Test
    void findListOpenRequestedAndServicesWithOpenRolloutsAgree() {
        long other = service("resizer");
        Rollout first = store.request(serviceId, rev1, true, false, "commit-queue", null, T0);
        Rollout second = store.request(serviceId, rev2, false, true, "ada", "hotfix", T1);
        Rollout elsewhere = store.request(other, 7, false, false, "bob", null, T1);

        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(elsewhere.id() + 1000)).isEmpty();
        assertThat(store.list(serviceId, 10)).containsExactly(second, first);
        assertThat(store.list(serviceId, 1)).containsExactly(second);
        assertThat(store.open(serviceId)).containsExactly(first, second);
        assertThat(store.requested(serviceId, rev2)).isTrue();
        assertThat(store.requested(serviceId, 3)).isFalse();
        assertThat(store.requested(other, rev2)).isFalse();
        assertThat(store.servicesWithOpenRollouts()).containsExactly(serviceId, other);
        assertThat(events()).extracting(RolloutEvent::message).containsExactly(
                "automatic requested a rollout of revision 1",
                "ada requested a rollout of revision 2: hotfix (forced past a lock)");

        store.apply(Transition.on(serviceId, store.lock(serviceId).fence())
                .save(first.withState(RolloutState.SUPERSEDED, "revision 2 came", T2)).build());
        store.apply(Transition.on(other, store.lock(other).fence())
                .save(elsewhere.withState(RolloutState.ABORTED, "not now", T2)).build());

        assertThat(store.open(serviceId)).containsExactly(second);
        assertThat(store.open(other)).isEmpty();
        assertThat(store.requested(serviceId, rev1)).isTrue();
        assertThat(store.servicesWithOpenRollouts()).containsExactly(serviceId);
        assertThat(reread(first).finishedAt()).isEqualTo(T2);
        assertThat(store.list(serviceId, 10)).extracting(Rollout::state)
                .containsExactly(RolloutState.QUEUED, RolloutState.SUPERSEDED);
    }

    @Test
    void theLeaseHasOneHolderAtATimeWhoRenewsItWithTheSameFence() {
        assertThat(store.lock(serviceId)).isEqualTo(DeployLock.free(serviceId));

        OptionalLong first = store.lease(serviceId, "controller-1", LEASE);
        OptionalLong renewed = store.lease(serviceId, "controller-1", LEASE);
        OptionalLong other = store.lease(serviceId, "controller-2", LEASE);

        assertThat(first).hasValue(1);
        assertThat(renewed).hasValue(1);
        assertThat(other).isEmpty();
        DeployLock lock = store.lock(serviceId);
        assertThat(lock.leaseHolder()).isEqualTo("controller-1");
        assertThat(lock.leaseExpiresAt()).isNotNull();
        assertThat(lock.fence()).isEqualTo(1);
        assertThat(lock.locked()).isFalse();
    }

    @Test
    void anExpiredLeaseGoesToAnotherHolderWithAHigherFence() {
        long first = store.lease(serviceId, "controller-1", Duration.ofMillis(1)).getAsLong();

        long taken = takeOnceExpired("controller-2");

        assertThat(taken).isEqualTo(first + 1);
        assertThat(store.lock(serviceId).leaseHolder()).isEqualTo("controller-2");
        assertThat(store.lease(serviceId, "controller-1", LEASE)).isEmpty();
        assertThat(store.lease(serviceId, "controller-2", LEASE)).hasValue(taken);
    }

    @Test
    void applyWithAStaleFenceThrowsAndChangesNothing() {
        Rollout queued = requested();
        long old = store.lease(serviceId, "controller-1", Duration.ofMillis(1)).getAsLong();
        long current = takeOnceExpired("controller-2");
        Transition late = Transition.on(serviceId, old)
                .save(queued.started(POLICY, null, T1))
                .tier(new TierChange("canary", null, rev2, 1.0))
                .lock(new Transition.LockChange(DeployLock.Kind.PERSON, "ada", "freeze"))
                .event(event(queued, RolloutEvent.Kind.STARTED, "started", T1))
                .build();

        assertThatThrownBy(() -> store.apply(late)).isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("deploy lock");

        assertThat(reread(queued)).isEqualTo(queued);
        assertThat(tiers.list(serviceId)).isEmpty();
        assertThat(events()).extracting(RolloutEvent::kind).containsExactly(RolloutEvent.Kind.REQUESTED);
        DeployLock lock = store.lock(serviceId);
        assertThat(lock.fence()).isEqualTo(current);
        assertThat(lock.leaseHolder()).isEqualTo("controller-2");
        assertThat(lock.locked()).isFalse();
    }

    @Test
    void savingARolloutReadAtAnOldVersionThrowsAndChangesNothing() {
        Rollout read = requested();
        long fence = store.lease(serviceId, "controller-1", LEASE).getAsLong();
        store.apply(Transition.on(serviceId, fence).save(read.started(POLICY, null, T1)).build());
        Rollout saved = reread(read);
        Transition stale = Transition.on(serviceId, fence)
                .save(read.withState(RolloutState.ABORTED, "stop", T2))
                .tier(TierChange.stable("canary", rev2))
                .event(event(read, RolloutEvent.Kind.ABORTED, "aborted", T2))
                .build();

        assertThatThrownBy(() -> store.apply(stale)).isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("rollout '" + read.id() + "'").hasMessageContaining("version 1");

        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.state()).isEqualTo(RolloutState.RUNNING);
        assertThat(reread(read)).isEqualTo(saved);
        assertThat(tiers.list(serviceId)).isEmpty();
        assertThat(events()).hasSize(1);
    }

    @Test
    void aTransitionSetsEachTierAsAWholeAndRemembersThePreviousStable() {
        tiers.deployAll(serviceId, List.of("canary", "c1"), rev1, T0);
        Rollout queued = requested();
        long fence = store.lease(serviceId, "controller-1", LEASE).getAsLong();

        store.apply(Transition.on(serviceId, fence)
                .tier(new TierChange("canary", rev1, rev2, 0.5))
                .tier(TierChange.stable("c1", rev2))
                .tier(new TierChange("c2", null, rev2, 1.0))
                .save(queued.started(POLICY, rev1, T1))
                .build());

        assertThat(tiers.list(serviceId)).extracting(TierState::tier, TierState::stable, TierState::candidate,
                        TierState::split, TierState::previousStable)
                .containsExactlyInAnyOrder(
                        tuple("canary", rev1, rev2, 0.5, null),
                        tuple("c1", rev2, null, 0.0, rev1),
                        tuple("c2", null, rev2, 1.0, null));

        store.apply(Transition.on(serviceId, fence).tier(TierChange.stable("canary", rev2)).build());
        store.apply(Transition.on(serviceId, fence).tier(TierChange.stable("canary", rev2)).build());

        TierState canary = tiers.find(serviceId, "canary").orElseThrow();
        assertThat(canary.stable()).isEqualTo(rev2);
        assertThat(canary.candidate()).isNull();
        assertThat(canary.previousStable()).isEqualTo(rev1);
    }

    @Test
    void aStageRecordAndItsVerdictsRoundTrip() {
        Rollout running = startedRollout();
        GateVerdict everyField = new GateVerdict("duration", VerdictState.FAIL, "p95 over tolerance", ArmCount.of(40),
                ArmCount.rate(40, 2), 2.05, 4.31, 2.878, "candidate runs 2.1x as long as baseline at p95 on canary");
        GateVerdict noData = GateVerdict.waiting("memory", VerdictState.NO_DATA, "memory was not measured on canary",
                ArmCount.of(0), ArmCount.of(0));
        TierVerdict verdict = new TierVerdict("canary", List.of(everyField, noData));
        StageRecord stage = new StageRecord(running.id(), 0, List.of("canary", "canary-gpu"), T1, null, null,
                List.of(verdict));
        long fence = store.lock(serviceId).fence();

        store.apply(Transition.on(serviceId, fence).stage(stage).build());

        assertThat(store.stages(running.id())).containsExactly(stage);
        assertThat(store.stages(running.id()).get(0).verdicts().get(0).gates().get(0)).isEqualTo(everyField);

        StageRecord ended = stage.withVerdicts(List.of(new TierVerdict("canary", List.of(noData)))).ended("failed", T2);
        StageRecord next = new StageRecord(running.id(), 1, List.of("c1"), T2, null, null, List.of());
        store.apply(Transition.on(serviceId, fence).stage(ended).stage(next).build());

        assertThat(store.stages(running.id())).containsExactly(ended, next);
    }

    @Test
    void aTransitionSetsAndClearsAPersonsLock() {
        long fence = store.lease(serviceId, "controller-1", LEASE).getAsLong();

        store.apply(Transition.on(serviceId, fence)
                .lock(new Transition.LockChange(DeployLock.Kind.PERSON, "ada", "holiday freeze")).build());

        DeployLock locked = store.lock(serviceId);
        assertThat(locked.kind()).isEqualTo(DeployLock.Kind.PERSON);
        assertThat(locked.lockedBy()).isEqualTo("ada");
        assertThat(locked.reason()).isEqualTo("holiday freeze");
        assertThat(locked.lockedAt()).isNotNull();
        assertThat(locked.describe()).isEqualTo("locked by ada: holiday freeze");
        assertThat(locked.fence()).isEqualTo(fence);
        assertThat(locked.leaseHolder()).isEqualTo("controller-1");

        store.apply(Transition.on(serviceId, fence).lock(Transition.LockChange.clear()).releaseLease().build());

        DeployLock cleared = store.lock(serviceId);
        assertThat(cleared.locked()).isFalse();
        assertThat(cleared.lockedBy()).isNull();
        assertThat(cleared.reason()).isNull();
        assertThat(cleared.lockedAt()).isNull();
        assertThat(cleared.leaseHolder()).isNull();
        assertThat(cleared.leaseExpiresAt()).isNull();
        assertThat(cleared.fence()).isEqualTo(fence);
    }

    @Test
    void aTransitionsEventsAreStoredInOrderWithTheirIds() {
        Rollout queued = requested();
        long requestedId = events().get(0).id();
        long fence = store.lease(serviceId, "controller-1", LEASE).getAsLong();
        List<RolloutEvent> sent = List.of(
                event(queued, RolloutEvent.Kind.STARTED, "started revision 2", T1),
                event(queued, RolloutEvent.Kind.STAGE_STARTED, "stage 1 of 2: canary", T1),
                RolloutEvent.of(serviceId, null, RolloutEvent.Kind.LOCKED, "locked by ada: freeze", T2));
        Transition.Builder t = Transition.on(serviceId, fence).save(queued.started(POLICY, rev1, T1));
        sent.forEach(t::event);

        List<RolloutEvent> stored = store.apply(t.build());

        assertThat(stored).extracting(RolloutEvent::kind, RolloutEvent::message, RolloutEvent::at,
                        RolloutEvent::rolloutId)
                .containsExactlyElementsOf(sent.stream().map(e -> tuple(e.kind(),
                        e.message(), e.at(), e.rolloutId())).toList());
        assertThat(stored).extracting(RolloutEvent::id).isSorted().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isGreaterThan(requestedId));
        assertThat(store.events(serviceId, requestedId, 100)).containsExactlyElementsOf(stored);
        assertThat(store.events(serviceId, 0, 2)).extracting(RolloutEvent::kind)
                .containsExactly(RolloutEvent.Kind.REQUESTED, RolloutEvent.Kind.STARTED);
        assertThat(store.events(serviceId, stored.get(2).id(), 100)).isEmpty();
    }

    @Test
    void aPreemptingTransitionGoesThroughWhoeverHoldsTheLeaseAndBumpsTheFence() {
        Rollout running = startedRollout();
        DeployLock before = store.lock(serviceId);
        assertThat(before.leaseHolder()).isEqualTo("controller-1");

        store.apply(Transition.on(serviceId, before.fence()).preempt()
                .save(running.withState(RolloutState.ABORTED, "aborted by ada", T2)).releaseLease()
                .event(event(running, RolloutEvent.Kind.ABORTED, "ada aborted the rollout", T2))
                .build());

        assertThat(store.lock(serviceId).fence()).isEqualTo(before.fence() + 1);
        assertThat(reread(running).state()).isEqualTo(RolloutState.ABORTED);
        Transition leadersLate = Transition.on(serviceId, before.fence())
                .save(reread(running).withNote("stage 1 passed", T2)).build();
        assertThatThrownBy(() -> store.apply(leadersLate)).isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("deploy lock");
        assertThat(reread(running).note()).isEqualTo("aborted by ada");
    }

    @Test
    void thePolicyAndBaselinesOfAStartedRolloutRoundTrip() {
        Rollout queued = requested();
        long fence = store.lease(serviceId, "controller-1", LEASE).getAsLong();
        Map<String, Integer> baselines = Map.of("canary", rev1, "c1", 0);
        Rollout started = queued.started(POLICY, rev1, T1).withStage(1, T2, baselines).promotedThrough(0, T2);

        store.apply(Transition.on(serviceId, fence).save(started).build());

        Rollout found = reread(queued);
        assertThat(found.policy()).isEqualTo(POLICY);
        assertThat(found.baselines()).isEqualTo(baselines);
        assertThat(found.version()).isEqualTo(2);
        assertThat(found).usingRecursiveComparison().ignoringFields("version").isEqualTo(started);
        assertThat(found.bootstrap()).isFalse();
    }

    @Test
    void aFirstRevisionsRolloutRoundTripsWithoutAFromRevision() {
        Rollout queued = requested();
        long fence = store.lease(serviceId, "controller-1", LEASE).getAsLong();

        store.apply(Transition.on(serviceId, fence).save(queued.started(POLICY, null, T1)).build());

        Rollout found = reread(queued);
        assertThat(found.bootstrap()).isTrue();
        assertThat(found.fromRevision()).isNull();
        assertThat(found.startedAt()).isEqualTo(T1);
        assertThat(found.policy()).isEqualTo(POLICY);
    }

    /** A rollout of revision 2 from 1, running its first stage under controller-1's lease. */
    private Rollout startedRollout() {
        Rollout queued = requested();
        long fence = store.lease(serviceId, "controller-1", LEASE).getAsLong();
        Rollout started = queued.started(POLICY, rev1, T1).withStage(0, T1, Map.of("canary", rev1));
        store.apply(Transition.on(serviceId, fence).save(started).build());
        return reread(queued);
    }
}

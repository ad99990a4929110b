package dev.drover.rollout;

import dev.drover.judge.TierVerdict;
import dev.drover.judge.VerdictState;
import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceStore;
import dev.drover.store.StaleVersionException;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollout reconcile loop. Each pass, per service: request a rollout of a new green revision when
 * automatic deploys are on; take or renew the service's lease (skip it while another controller leads);
 * then either start the next queued rollout or advance the one in flight: observe the job records and
 * the clock, decide with {@link RolloutDecider}, apply the transition in one transaction fenced by the
 * lease's token and the rollout's version, and publish the stored events after commit. A crash at any
 * point leaves either the old state or the new one, and the next pass decides again from there.
 */
public final class RolloutEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);

    private final RolloutStore rollouts;
    private final TierStateStore tiers;
    private final RevisionStore revisions;
    private final ServiceStore services;
    private final PolicyCompiler compiler;
    private final RolloutDecider decider;
    private final Evidence evidence;
    private final CanaryLoad canaryLoad;
    private final Runnable signal;
    private final Consumer<RolloutEvent> publish;
    private final String holder;
    private final Duration lease;
    private final Clock clock;

    public RolloutEngine(RolloutStore rollouts, TierStateStore tiers, RevisionStore revisions, ServiceStore services,
                         dev.drover.job.JobStore jobs, PolicyCompiler compiler, RolloutDecider decider,
                         Consumer<RolloutEvent> publish, Runnable signal, String holder, Duration lease,
                         Clock clock) {
        this.rollouts = rollouts;
        this.tiers = tiers;
        this.revisions = revisions;
        this.services = services;
        this.compiler = compiler;
        this.decider = decider;
        this.evidence = new Evidence(jobs, clock);
        this.canaryLoad = new CanaryLoad(jobs);
        this.signal = signal;
        this.publish = publish;
        this.holder = holder;
        this.lease = lease;
        this.clock = clock;
    }

    /** One pass over every service. */
    public void reconcile() {
        Set<Long> ids = new LinkedHashSet<>();
        for (Service service : services.list()) {
            if (services.autoDeploy(service.id())) {
                requestNewest(service);
            }
        }
        ids.addAll(rollouts.servicesWithOpenRollouts());
        for (long id : ids) {
            try {
                reconcile(id);
            } catch (StaleVersionException e) {
                LOG.info("rollout of service {} changed under this pass ({}); deciding again next pass", id, e.getMessage());
            } catch (RuntimeException e) { // one service's trouble never stops the others'
                LOG.error("rollout pass of service {} failed; it is retried next pass", id, e);
            }
        }
    }

    /** Automatic deploys: the newest green revision, once, unless it is already what runs. */
    private void requestNewest(Service service) {
        List<Revision> newest = revisions.list(service.id(), 1);
        if (newest.isEmpty() || rollouts.requested(service.id(), newest.get(0).number())) {
            return;
        }
        Revision revision = newest.get(0);
        if (Stables.stableEverywhere(tiers.list(service.id()), revision.number())) {
            return;
        }
        rollouts.request(service.id(), revision.number(), true, false, Moves.BY_DROVER,
                "new green revision from commit " + revision.commitSha().substring(0, Math.min(12, revision.commitSha().length())),
                clock.instant());
    }

    void reconcile(long serviceId) {
        List<Rollout> open = rollouts.open(serviceId);
        if (open.isEmpty()) {
            return;
        }
        OptionalLong fence = rollouts.lease(serviceId, holder, lease);
        if (fence.isEmpty()) {
            return; // another controller leads this service's rollouts
        }
        Optional<Rollout> inFlight = open.stream().filter(r -> r.state().inFlight()).findFirst();
        if (inFlight.isPresent()) {
            advance(inFlight.get(), fence.getAsLong());
        } else {
            new Starts(rollouts, tiers, revisions, compiler, clock).next(serviceId, open, fence.getAsLong())
                    .ifPresent(this::apply);
        }
    }

    private void advance(Rollout rollout, long fence) {
        Instant now = clock.instant();
        Map<String, TierState> current = Stables.byTier(tiers.list(rollout.serviceId()));
        Map<String, TierEvidence> seen = evidence.ofStage(rollout);
        RolloutDecider.Step step = decider.decide(rollout, rollouts.lock(rollout.serviceId()), seen, now);
        StageRecord stage = rollouts.stages(rollout.id()).stream().filter(s -> s.stage() == rollout.stage())
                .findFirst().orElseGet(() -> new StageRecord(rollout.id(), rollout.stage(),
                        rollout.policy().stage(rollout.stage()).tiers(), rollout.stageStartedAt(), null, null, List.of()));
        List<RevisionSpec.Tier> candidateTiers = revisions.find(rollout.serviceId(), rollout.revision())
                .map(r -> r.spec().tiers()).orElse(List.of());
        List<String> newTiers = candidateTiers.stream().map(RevisionSpec.Tier::name)
                .filter(t -> !current.containsKey(t) && !Moves.touched(rollout).contains(t)).toList();
        Optional<Transition> transition = Moves.step(rollout, step, stage, current, newTiers, fence, now);
        transition.ifPresent(this::apply);
        if (transition.isEmpty() || transition.get().stages().stream().allMatch(s -> s.endedAt() == null)) {
            Map<String, Integer> gpus = new LinkedHashMap<>();
            candidateTiers.forEach(t -> gpus.put(t.name(), t.gpus()));
            Set<String> held = step.verdicts().stream().filter(v -> v.state() == VerdictState.PENDING)
                    .map(TierVerdict::tier).collect(Collectors.toSet());
            int replays = canaryLoad.topUp(rollout, seen, gpus, held, now).size();
            if (replays > 0) {
                LOG.info("canary load: service={} rollout={} replays={} (stage {} is thin on real traffic)",
                        rollout.serviceId(), rollout.id(), replays, rollout.stage() + 1);
                signal.run();
            }
        }
    }

    private void apply(Transition transition) {
        List<RolloutEvent> stored = rollouts.apply(transition);
        for (RolloutEvent event : stored) {
            LOG.info("rollout event: service={} rollout={} kind={} {}", event.serviceId(), event.rolloutId(),
                    event.kind().wireName(), event.message());
            try {
                publish.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a rollout event listener failed: {}", e.getMessage(), e);
            }
        }
    }
}

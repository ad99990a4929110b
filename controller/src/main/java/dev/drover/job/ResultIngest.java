package dev.drover.job;

import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import dev.drover.fleet.Agent;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.target.PriceBook;
import dev.drover.target.Target;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each attempt's result once: keyed by attempt, only from the agent it was given to. A result
 * for an attempt already given up on (its agent's lease ran out) is kept as a late result and changes
 * nothing. Then the job succeeds, fails, or goes back to the queue by its retry policy.
 */
public final class ResultIngest {
    private static final Logger LOG = LoggerFactory.getLogger(ResultIngest.class);
    private static final int LOG_TAIL = 4000;

    private final JobStore jobs;
    private final RevisionStore revisions;
    private final Routes routes;
    private final List<Target> targets;
    private final WorkSignal signal;
    private final PriceBook prices;
    private final CheckIn checkIn;
    private final Clock clock;

    public ResultIngest(JobStore jobs, RevisionStore revisions, Routes routes, List<Target> targets, WorkSignal signal,
                        Clock clock) {
        this(jobs, revisions, routes, targets, signal, PriceBook.NONE, CheckIn.none(clock), clock);
    }

    /**
     * With live prices for aws-batch targets (their instance type's spot or on-demand price, else the fixed one),
     * and the window in which agents check in after this controller's start ({@code agent-lost} inside it spends no retry).
     */
    public ResultIngest(JobStore jobs, RevisionStore revisions, Routes routes, List<Target> targets, WorkSignal signal,
                        PriceBook prices, CheckIn checkIn, Clock clock) {
        this.prices = prices;
        this.checkIn = checkIn;
        this.jobs = jobs;
        this.revisions = revisions;
        this.routes = routes;
        this.targets = targets;
        this.signal = signal;
        this.clock = clock;
    }

    /** How a result was taken. */
    public enum Disposition { RECORDED, DUPLICATE, LATE, UNKNOWN, NOT_YOURS }

    public Disposition ingest(Agent agent, AttemptResult result) {
        return ingest(agent, result, List.of());
    }

    /**
     * A result with the runs a backend made of the attempt on its own (AWS Batch's retries after a host
     * went away), each on its host: the attempt's cost is the sum of the runs' costs, each at its host's
     * live price where known, and the attempt records the last run's instance type and zone.
     */
    public Disposition ingest(Agent agent, AttemptResult result, List<Run> runs) {
        Optional<Attempt> found = jobs.attempt(result.attemptId());
        if (found.isEmpty()) {
            return Disposition.UNKNOWN;
        }
        Attempt attempt = found.get();
        if (attempt.agentId() != agent.id()) {
            return Disposition.NOT_YOURS;
        }
        Outcome outcome = Outcome.parse(result.outcome());
        if (!attempt.running()) {
            if (attempt.outcome() == Outcome.AGENT_LOST && outcome != Outcome.AGENT_LOST) {
                jobs.lateResult(attempt.id(), outcome.wireName(), result.detail(), clock.instant());
                return Disposition.LATE;
            }
            return Disposition.DUPLICATE;
        }
        Optional<RevisionSpec> spec = specOf(attempt);
        Measured measured = measured(agent, attempt, result, outcome, runs, spec);
        return finish(attempt, measured, settle(attempt, outcome, result.detail(), spec))
                ? Disposition.RECORDED : Disposition.DUPLICATE;
    }

    /**
     * The attempt was taken back before it started (its rollout ended while it waited on a backend's
     * queue): it ends cancelled, and the job goes back to the queue to run on what is live now, no
     * failure counted. A job a person cancelled meanwhile ends cancelled.
     */
    public void rerouted(Attempt attempt, String why) {
        takeBack(attempt, "rerouted: " + why, JobMove.reroute("attempt " + attempt.number()
                + " taken back before it started: " + why));
    }

    /**
     * Ends an attempt that never ran as cancelled, no failure counted; its job moves {@code again}, unless it ended
     * meanwhile or a person cancelled it (then it ends cancelled). False when the attempt had ended already.
     */
    private boolean takeBack(Attempt attempt, String detail, JobMove again) {
        Measured measured = new Measured(Outcome.CANCELLED, null, null, null, null, null, null, null, null, null,
                detail, null, null, null, null, clock.instant());
        Job job = jobs.find(attempt.jobId()).orElseThrow();
        return finish(attempt, measured, job.status().finished() ? JobMove.NONE
                : job.cancelRequested() ? JobMove.finish(JobStatus.CANCELLED, "cancelled", clock.instant()) : again);
    }

    /**
     * What an agent holds (attempts running, and ended ones whose results wait in its spool) against what it was
     * given: an attempt given at least {@code grace} ago that it does not hold never reached it. The answer that gave
     * it was lost: a controller killed after writing it, or the network. It ends cancelled, and its job runs again
     * with no retry spent (a job a person cancelled meanwhile ends cancelled). Returns how many were taken back.
     */
    public int reconcile(Agent agent, Collection<Long> running, Collection<Long> unreported, Duration grace) {
        Instant given = clock.instant().minus(grace);
        int taken = 0;
        for (Attempt attempt : jobs.running(agent.id())) {
            if (running.contains(attempt.id()) || unreported.contains(attempt.id()) || attempt.dispatchedAt().isAfter(given)) {
                continue;
            }
            String why = "never reached agent " + agent.name() + ": the answer that gave it was lost";
            if (takeBack(attempt, why, JobMove.retry("attempt " + attempt.number() + " " + why
                    + "; running it again, no retry spent"))) {
                LOG.warn("attempt taken back: job={} attempt={} why={}", attempt.jobId(), attempt.number(), why);
                taken++;
            }
        }
        return taken;
    }

    /** The agent holding the attempt went silent past its lease: the attempt is lost and the job retried. */
    public void lost(Attempt attempt, String why) {
        Measured measured = new Measured(Outcome.AGENT_LOST, null, attempt.startedAt(), clock.instant(), null, null,
                null, null, null, null, why, null, null, null, null, clock.instant());
        if (finish(attempt, measured, settle(attempt, Outcome.AGENT_LOST, why, specOf(attempt)))) {
            LOG.warn("attempt lost: job={} attempt={} why={}", attempt.jobId(), attempt.number(), why);
        }
    }

    /**
     * The attempt's result and its job's move in one write; then wakes the dispatchers: a slot came free on the
     * attempt's agent (which may be waiting for work already), and the job may be queued again.
     */
    private boolean finish(Attempt attempt, Measured measured, JobMove move) {
        if (!jobs.finishAttempt(attempt.id(), measured, move)) {
            return false;
        }
        signal.signal();
        return true;
    }

    private Optional<RevisionSpec> specOf(Attempt attempt) {
        return revisions.find(attempt.serviceId(), attempt.revision()).map(r -> r.spec());
    }

    /** What the attempt's end does to its job, by the revision's retry policy. */
    private JobMove settle(Attempt attempt, Outcome outcome, String detail, Optional<RevisionSpec> spec) {
        Job job = jobs.find(attempt.jobId()).orElseThrow();
        if (job.status().finished()) {
            return JobMove.NONE;
        }
        // On AWS Batch, Batch itself retried the host terminations (the job definition's retryStrategy): not again.
        boolean onBatch = spec.flatMap(s -> targetOf(s, attempt.tier())).map(Target::batch).orElse(false);
        int infra = onBatch ? 0 : spec.map(RevisionSpec::infraRetries).orElse(0);
        int code = spec.map(RevisionSpec::codeRetries).orElse(0);
        String ended = "attempt " + attempt.number() + " ended " + outcome.wireName() + (detail == null ? "" : ": " + detail);
        if (outcome == Outcome.SUCCEEDED) {
            return JobMove.finish(JobStatus.SUCCEEDED, null, clock.instant());
        } else if (outcome == Outcome.CANCELLED || job.cancelRequested()) {
            return JobMove.finish(JobStatus.CANCELLED, "cancelled", clock.instant());
        } else if (outcome == Outcome.AGENT_LOST && checkIn.open(clock.instant())) {
            return JobMove.retry(ended + "; the agent lost its lease while no controller was up: retrying, no retry spent");
        } else if (Retries.retry(job, outcome, infra, code)) {
            return JobMove.requeue(outcome.infrastructure(), ended + "; retrying");
        }
        return JobMove.finish(JobStatus.FAILED, ended, clock.instant());
    }

    private Optional<Target> targetOf(RevisionSpec spec, String tier) {
        return spec.tier(tier).flatMap(t -> targets.stream().filter(x -> x.name().equals(t.target())).findFirst());
    }

    private Measured measured(Agent agent, Attempt attempt, AttemptResult r, Outcome outcome, List<Run> runs,
                              Optional<RevisionSpec> spec) {
        Double cost = null;
        Optional<Target> target = spec.flatMap(s -> targetOf(s, attempt.tier()));
        if (spec.isPresent() && target.isPresent()) {
            List<Run> priced = runs.isEmpty() ? List.of(new Run(r.startedAt(), r.endedAt(), Host.UNKNOWN)) : runs;
            if (priced.stream().anyMatch(run -> run.startedAt() != null && run.endedAt() != null)) {
                cost = priced.stream().mapToDouble(run -> cost(spec.get(), attempt.tier(), target.get(), agent, run)).sum();
            }
        }
        Host last = runs.isEmpty() ? Host.UNKNOWN : runs.get(runs.size() - 1).host();
        String log = r.log() == null ? "" : r.log();
        String tail = log.length() <= LOG_TAIL ? log : log.substring(log.length() - LOG_TAIL);
        return new Measured(outcome, r.exitCode(), r.startedAt(), r.endedAt(), r.cpuAvg(), r.cpuPeak(), r.memoryPeakBytes(),
                r.gpuUtilization(), r.gpuMemoryBytes(), cost, r.detail(), log, tail, last.instanceType(),
                last.availabilityZone(), clock.instant());
    }

    /**
     * One run's cost: on an aws-batch target at the live price of the run's instance type in its zone
     * (any zone's when that zone has none; the target's instance type when the host is not known), else
     * at the target's fixed price; the job's share of the run's host where its size is known, else of the agent.
     */
    private double cost(RevisionSpec spec, String tier, Target t, Agent agent, Run run) {
        int gpus = spec.tier(tier).map(RevisionSpec.Tier::gpus).orElse(0);
        Host host = run.host();
        String type = host.instanceType() != null ? host.instanceType() : t.instanceType();
        String zone = host.instanceType() != null ? host.availabilityZone() : null;
        Optional<BigDecimal> live = !t.batch() || type == null ? Optional.empty()
                : prices.pricePerHour(type, zone, t.capacity())
                        .or(() -> zone == null ? Optional.empty() : prices.pricePerHour(type, null, t.capacity()));
        double price = live.orElse(t.pricePerHour()).doubleValue();
        boolean sized = host.vcpus() > 0 || host.memoryBytes() > 0 || host.gpus() > 0;
        return sized
                ? Costs.of(run.millis(), price, spec.vcpus(), spec.memoryBytes(), gpus, host.vcpus(), host.memoryBytes(), host.gpus())
                : Costs.of(run.millis(), price, spec.vcpus(), spec.memoryBytes(), gpus, agent);
    }
}

package dev.drover.aws;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import dev.drover.fleet.Agent;
import dev.drover.fleet.AgentStore;
import dev.drover.job.Arm;
import dev.drover.job.Attempt;
import dev.drover.job.Dispatcher;
import dev.drover.job.Host;
import dev.drover.job.Job;
import dev.drover.job.JobStore;
import dev.drover.job.LogSource;
import dev.drover.job.ResultIngest;
import dev.drover.job.Run;
import dev.drover.revision.Revision;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.Services;
import dev.drover.target.Capacity;
import dev.drover.target.Target;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.ContainerOverrides;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobSummary;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.KeyValuesPair;

/**
 * Runs one {@code aws-batch} target's jobs on its AWS Batch job queue. To the rest of the controller it
 * is an agent (a stand-in registered as {@code aws-batch:<target>}): it takes work from the same
 * dispatcher, so routing, arms and the record of attempts are the agents', and reports results through
 * the same ingest. Each pass:
 * <ol>
 *   <li>terminates the Batch jobs of attempts a person cancelled;</li>
 *   <li>reads its submitted jobs ({@code DescribeJobs}, 100 at a time) and reports the finished ones,
 *       their class read from Batch's status reason ({@link BatchOutcomes}), each of Batch's runs of
 *       them on the host ECS says it had ({@link BatchHosts}), for its cost;</li>
 *   <li>submits what the dispatcher hands it, by job-definition ARN, under a deterministic job name,
 *       with the arm and revision in tags. A submission that failed is looked up by name
 *       ({@code ListJobs}) before it is tried again, so a job never runs twice because an answer was lost.</li>
 * </ol>
 * Before that, each stable job-definition name is brought to its tier's stable revision; a candidate's job still
 * waiting on Batch when its rollout ended is terminated and taken back (it runs again on what is live).
 * The stand-in's lease is kept far ahead: Batch jobs run on while the controller restarts, and the
 * next pass finds them by the job ids stored with the attempts.
 */
public final class BatchBackend {
    static final int DESCRIBE_LIMIT = 100;
    static final int LOG_LIMIT = 256 * 1024;
    /** Candidate job definitions kept per tier (besides live ones); older ones are deregistered. */
    static final int CANDIDATES_RETAINED = 5;
    /** Batch states of a job that has not started yet. */
    private static final Set<String> WAITING = Set.of("SUBMITTED", "PENDING", "RUNNABLE");
    static final String AGENT_PREFIX = "aws-batch:";
    private static final Logger LOG = LoggerFactory.getLogger(BatchBackend.class);
    private static final Duration STAND_IN_LEASE = Duration.ofDays(3650);
    private static final Duration ORPHAN_AFTER = Duration.ofMinutes(2);

    /** The controller's parts every target's backend works with. */
    public record Shared(Dispatcher dispatcher, JobStore jobs, AgentStore agents, ResultIngest ingest, Services services,
                         TierStateStore tiers, RevisionStore revisions, Clock clock) {
    }

    /** The AWS side every target's backend works with: Batch, its job definitions, CloudWatch logs, ECS hosts. */
    public record Aws(BatchClient batch, BatchJobDefinitions definitions, LogSource logs, BatchHosts hosts) {
    }

    private final BatchClient batch;
    private final BatchTarget target;
    private final Dispatcher dispatcher;
    private final JobStore jobs;
    private final AgentStore agents;
    private final ResultIngest ingest;
    private final Services services;
    private final TierStateStore tiers;
    private final RevisionStore revisions;
    private final BatchJobDefinitions definitions;
    private final LogSource logs;
    private final BatchHosts hosts;
    private final Clock clock;
    /** Attempts handed out whose submission has not been confirmed yet, kept for the next try. */
    private final Map<Long, Assignment> unsubmitted = Collections.synchronizedMap(new HashMap<>());
    /** Job names submitted at least once: a second try first looks for the first. */
    private final Set<String> triedOnce = Collections.synchronizedSet(new HashSet<>());

    public BatchBackend(BatchTarget target, Aws aws, Shared shared) {
        this.target = target;
        this.batch = aws.batch();
        this.definitions = aws.definitions();
        this.logs = aws.logs();
        this.hosts = aws.hosts();
        this.dispatcher = shared.dispatcher();
        this.jobs = shared.jobs();
        this.agents = shared.agents();
        this.ingest = shared.ingest();
        this.services = shared.services();
        this.tiers = shared.tiers();
        this.revisions = shared.revisions();
        this.clock = shared.clock();
    }

    public String name() {
        return AGENT_PREFIX + target.name();
    }

    public synchronized void pass() {
        syncStable();
        Agent self = standIn();
        // One read of the attempts in flight serves the whole pass: what poll finishes has a job id, so
        // recoverOrphans (attempts without one) never mistakes it for an orphan.
        Map<Long, String> refs = jobs.backendRefs(self.id());
        List<Attempt> running = jobs.running(self.id());
        terminateCancelled(self, refs);
        poll(self, refs, running);
        recoverOrphans(refs, running);
        retryUnsubmitted(self);
        int free = target.maxInFlight() - jobs.running(self.id()).size();
        for (Assignment a : dispatcher.assign(self, free)) {
            unsubmitted.put(a.attemptId(), a);
            submit(self, a);
        }
    }

    /**
     * Keeps each stable name's latest active job definition on its tier's stable revision, so that
     * applications submitting by name get it right after a promotion or a rollback.
     */
    private void syncStable() {
        for (Service service : services.list()) {
            for (TierState tier : tiers.list(service.id())) {
                if (tier.stable() == null) {
                    continue;
                }
                Optional<Revision> stable = revisions.find(service.id(), tier.stable());
                boolean here = stable.flatMap(r -> r.spec().tier(tier.tier()))
                        .map(t -> t.target().equals(target.name())).orElse(false);
                if (here) {
                    try {
                        definitions.arnFor(service.name(), tier.tier(), stable.get(), true, target);
                        Set<Integer> live = new HashSet<>();
                        live.add(tier.stable());
                        if (tier.candidate() != null) {
                            live.add(tier.candidate());
                        }
                        definitions.pruneCandidates(service.name(), tier.tier(), live, CANDIDATES_RETAINED);
                    } catch (SdkException e) {
                        LOG.warn("AWS Batch: could not register {} revision {} as stable: {}",
                                BatchNames.stable(service.name(), tier.tier()), tier.stable(), e.getMessage());
                    }
                }
            }
        }
    }

    private Agent standIn() {
        Instant now = clock.instant();
        Target t = target.target();
        List<String> gpus = Collections.nCopies(Math.max(t.gpus(), 0) == 0 ? 0 : 64,
                t.gpuModel() == null ? "AWS Batch GPU" : t.gpuModel());
        return agents.register(name(), Map.of(Target.BATCH_LABEL, t.name()), gpus, target.maxInFlight(), 1, 1,
                "aws-batch", now, now.plus(STAND_IN_LEASE));
    }

    private void terminateCancelled(Agent self, Map<Long, String> refs) {
        for (Attempt a : jobs.cancelRequested(self.id())) {
            String jobId = refs.get(a.id());
            if (jobId != null) {
                batch.terminateJob(b -> b.jobId(jobId).reason(BatchOutcomes.TERMINATED_BY_DROVER + ": cancelled by a person"));
            }
        }
    }

    private void poll(Agent self, Map<Long, String> refs, List<Attempt> running) {
        Map<Long, Attempt> attempts = new HashMap<>();
        running.forEach(a -> attempts.put(a.id(), a));
        Map<Long, List<TierState>> tiersOf = new HashMap<>();
        Map<String, Long> attemptOf = new HashMap<>();
        refs.forEach((attempt, jobId) -> attemptOf.put(jobId, attempt));
        List<String> ids = new ArrayList<>(refs.values());
        List<JobDetail> ended = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += DESCRIBE_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + DESCRIBE_LIMIT));
            for (JobDetail job : batch.describeJobs(b -> b.jobs(chunk)).jobs()) {
                String status = job.statusAsString();
                long attemptId = attemptOf.get(job.jobId());
                if ("FAILED".equals(status) && job.statusReason() != null
                        && job.statusReason().startsWith(BatchOutcomes.REROUTED_BY_DROVER)) {
                    Optional.ofNullable(attempts.get(attemptId)).ifPresent(a -> ingest.rerouted(a, job.statusReason()));
                } else if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                    ended.add(job);
                } else if (WAITING.contains(status)) {
                    takeBackIfStale(job, attempts.get(attemptId),
                            serviceId -> tiersOf.computeIfAbsent(serviceId, tiers::list));
                }
            }
        }
        Map<String, Host> where = hosts.describe(ended.stream().flatMap(j -> j.attempts().stream())
                .map(BatchBackend::containerInstance).filter(Objects::nonNull).distinct().toList());
        for (JobDetail job : ended) {
            long attemptId = attemptOf.get(job.jobId());
            List<Run> runs = runs(job, where);
            ingest.ingest(self, result(attemptId, job, runs), runs);
        }
    }

    private static String containerInstance(AttemptDetail attempt) {
        return attempt.container() == null ? null : attempt.container().containerInstanceArn();
    }

    /** Each time Batch ran the job, on the host it ran on; one run with the job's times when it never started one. */
    static List<Run> runs(JobDetail job, Map<String, Host> where) {
        if (job.attempts().isEmpty()) {
            return List.of(new Run(millis(job.startedAt()), millis(job.stoppedAt()), Host.UNKNOWN));
        }
        return job.attempts().stream().map(a -> new Run(millis(a.startedAt()), millis(a.stoppedAt()),
                where.getOrDefault(containerInstance(a), Host.UNKNOWN))).toList();
    }

    /**
     * A candidate's job still waiting on Batch for capacity when its revision is no longer the candidate
     * on its tier (the rollout was rolled back or aborted) is terminated; its attempt is then taken back
     * and the job runs again on what is live now.
     */
    private void takeBackIfStale(JobDetail job, Attempt a, Function<Long, List<TierState>> tiersOf) {
        if (a == null || a.arm() != Arm.CANDIDATE) {
            return;
        }
        boolean stillCandidate = tiersOf.apply(a.serviceId()).stream()
                .anyMatch(t -> t.tier().equals(a.tier()) && Integer.valueOf(a.revision()).equals(t.candidate()));
        if (!stillCandidate) {
            batch.terminateJob(b -> b.jobId(job.jobId()).reason(BatchOutcomes.REROUTED_BY_DROVER
                    + " to the stable revision: revision " + a.revision() + " is no longer the candidate on " + a.tier()));
        }
    }

    AttemptResult result(long attemptId, JobDetail job, List<Run> runs) {
        List<AttemptDetail> attempts = job.attempts();
        AttemptDetail last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        Integer exitCode = last != null && last.container() != null ? last.container().exitCode()
                : job.container() == null ? null : job.container().exitCode();
        String containerReason = last != null && last.container() != null ? last.container().reason()
                : job.container() == null ? null : job.container().reason();
        String reason = job.statusReason() != null ? job.statusReason() : last == null ? null : last.statusReason();
        Outcome outcome = BatchOutcomes.of(job.statusAsString(), reason, containerReason, exitCode,
                target.target().capacity() == Capacity.SPOT);
        Instant started = millis(last != null ? last.startedAt() : job.startedAt());
        Instant ended = millis(last != null ? last.stoppedAt() : job.stoppedAt());
        if (started == null && ended != null) {
            started = ended; // never ran (terminated while RUNNABLE): no time to price
        }
        StringBuilder detail = new StringBuilder("AWS Batch job " + job.jobId());
        String host = runs.isEmpty() ? null : runs.get(runs.size() - 1).host().describe();
        if (host != null) {
            detail.append(" on ").append(host);
        }
        if (reason != null) {
            detail.append(": ").append(reason);
        }
        if (attempts.size() > 1) {
            detail.append(" (Batch ran it ").append(attempts.size()).append(" times: ");
            for (int i = 0; i < attempts.size(); i++) {
                AttemptDetail a = attempts.get(i);
                Run run = i < runs.size() ? runs.get(i) : null;
                detail.append(i == 0 ? "" : "; ").append(a.statusReason());
                if (run != null && run.startedAt() != null && run.endedAt() != null) {
                    detail.append(", ").append(run.millis()).append(" ms");
                }
                if (run != null && run.host().describe() != null) {
                    detail.append(" on ").append(run.host().describe());
                }
            }
            detail.append(')');
        }
        return new AttemptResult(attemptId, outcome.wireName(), exitCode, started, ended, null, null, null, null, null,
                detail.length() > 1900 ? detail.substring(0, 1900) : detail.toString(), log(job));
    }

    /** The job's CloudWatch log, read once when it ends and kept like an agent's log; a note when unreadable. */
    private String log(JobDetail job) {
        String stream = job.container() == null ? null : job.container().logStreamName();
        if (stream == null) {
            return null;
        }
        try {
            return logs.read(stream, LOG_LIMIT);
        } catch (LogSource.Unreadable e) {
            return "(the log could not be read from CloudWatch Logs: " + e.getMessage() + ")\n";
        }
    }

    private static Instant millis(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    /**
     * Running attempts with no Batch job id that this process did not hand out (it restarted between
     * taking the work and recording the submission): found by name, or taken back and queued again with
     * no failure counted, since nothing ran (Batch retries nothing Drover never gave it).
     */
    private void recoverOrphans(Map<Long, String> refs, List<Attempt> running) {
        for (Attempt a : running) {
            if (refs.containsKey(a.id()) || unsubmitted.containsKey(a.id())
                    || a.dispatchedAt().isAfter(clock.instant().minus(ORPHAN_AFTER))) {
                continue; // recorded, ours in flight, or maybe another controller's in flight
            }
            String name = BatchNames.job(a.jobId(), a.number());
            triedOnce.add(name);
            Optional<String> found = findByName(name);
            if (found.isPresent()) {
                jobs.setBackendRef(a.id(), found.get());
            } else {
                ingest.rerouted(a, "it never reached AWS Batch (the controller stopped before submitting it)");
            }
        }
    }

    private void retryUnsubmitted(Agent self) {
        for (Assignment a : new ArrayList<>(unsubmitted.values())) {
            submit(self, a);
        }
    }

    private void submit(Agent self, Assignment a) {
        String name = BatchNames.job(a.jobId(), a.attempt());
        try {
            Optional<String> already = findByName(name);
            String jobId = already.isPresent() ? already.get() : batch.submitJob(b -> b
                    .jobName(name)
                    .jobQueue(target.jobQueue())
                    .jobDefinition(definitionArn(a))
                    .containerOverrides(ContainerOverrides.builder().environment(a.env().entrySet().stream()
                            .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList()).build())
                    .tags(Map.of("drover:job", a.jobId(), "drover:attempt", Integer.toString(a.attempt()),
                            "drover:arm", a.arm(), "drover:revision", Integer.toString(a.revision()), "drover:tier", a.tier()))
                    .propagateTags(true)).jobId();
            jobs.setBackendRef(a.attemptId(), jobId);
            unsubmitted.remove(a.attemptId());
        } catch (SdkException e) {
            LOG.warn("AWS Batch submission of {} to {} failed, tried again next pass: {}", name, target.jobQueue(),
                    e.getMessage());
        }
    }

    /** Only attempts whose submission may have reached Batch are looked up: a first try goes straight to SubmitJob. */
    private Optional<String> findByName(String name) {
        if (!triedOnce.add(name)) {
            return batch.listJobsPaginator(b -> b.jobQueue(target.jobQueue())
                            .filters(KeyValuesPair.builder().name("JOB_NAME").values(name).build()))
                    .jobSummaryList().stream().filter(s -> name.equals(s.jobName())).map(JobSummary::jobId).findFirst();
        }
        return Optional.empty();
    }

    private String definitionArn(Assignment a) {
        Job job = jobs.find(a.jobId()).orElseThrow();
        Revision revision = revisions.find(job.serviceId(), a.revision()).orElseThrow();
        Arm arm = Arm.parse(a.arm());
        boolean stable = arm == Arm.STABLE || arm == Arm.BASELINE;
        return definitions.arnFor(a.service(), a.tier(), revision, stable, target);
    }
}

package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Outcome;
import dev.drover.commit.CommitStore;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStore;
import dev.drover.job.JobSubmission;
import dev.drover.job.NewJob;
import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutCommands;
import dev.drover.rollout.RolloutEngine;
import dev.drover.rollout.RolloutState;
import dev.drover.rollout.RolloutStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.spec.GatesSpec;
import dev.drover.target.Target;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole rollouts on the {@code aws-batch} backend against {@link FakeBatch}: the product's ladder (a GPU-spot and
 * a CPU-spot canary side by side, then c1, c2, c3 on on-demand), a good revision promoted through every stage,
 * a bad one rolled back automatically with the stable job definitions never naming it, and a spot reclaim
 * counted as infrastructure.
 */
class BatchRolloutTest {
    private static final List<String> TIERS = List.of("canary-gpu", "canary-spot", "c1", "c2", "c3");
    private final FakeBatch batch = new FakeBatch(0.05);
    private ApplicationContext context;
    private AwsClients clients;
    private final List<BatchBackend> backends = new ArrayList<>();
    private Service service;

    @BeforeEach
    void start() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("drover.rollouts.min-bake", "0s");
        settings.put("drover.rollouts.min-jobs", "1");
        settings.put("drover.jobs.routing-seed", "11");
        target(settings, "gpu-spot", "spot", 1, "0.50");
        target(settings, "cpu-spot", "spot", 0, "0.05");
        target(settings, "cpu-ondemand", "on-demand", 0, "0.10");
        settings.put("drover.aws.region", FakeBatch.REGION);
        settings.put("drover.aws.endpoints.batch", batch.endpoint());
        settings.put("drover.aws.endpoints.ec2", batch.hosts().ec2Endpoint());
        settings.put("drover.aws.batch-poll", "0s"); // the test drives the passes
        context = ApplicationContext.run(settings, "test");
        clients = new AwsClients(FakeBatch.REGION, Map.of(AwsClients.BATCH, batch.endpoint(),
                AwsClients.ECS, batch.hosts().ecsEndpoint()), FakeAws.CREDENTIALS);
        var client = clients.batch();
        var aws = new BatchBackend.Aws(client, new BatchJobDefinitions(client), (stream, max) -> "log of " + stream + "\n",
                new BatchHosts(clients.ecs()));
        for (Target t : context.getBeansOfType(Target.class)) {
            if (t.batch()) {
                backends.add(new BatchBackend(new BatchTarget(t, "drover-" + t.name(), List.of(), null, null, 200), aws,
                        context.getBean(BatchBackend.Shared.class)));
            }
        }
        service = context.getBean(Services.class).add(new ServiceSettings("thumbs", "file:///none", "main", null, null));
        context.getBean(dev.drover.service.ServiceStore.class).autoDeploy(service.id(), false);
        revision("a", Map.of());
        context.getBean(TierStateStore.class).deployAll(service.id(), TIERS, 1, Instant.now());
    }

    private static void target(Map<String, Object> settings, String name, String capacity, int gpus, String price) {
        settings.put("drover.targets." + name + ".backend", "aws-batch");
        settings.put("drover.targets." + name + ".capacity", capacity);
        settings.put("drover.targets." + name + ".gpus", Integer.toString(gpus));
        settings.put("drover.targets." + name + ".price-per-hour", price);
        settings.put("drover.targets." + name + ".job-queue", "drover-" + name);
    }

    private int revision(String sha, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("DURATION", "1"));
        all.putAll(env);
        RevisionSpec spec = new RevisionSpec(List.of("python", "-m", "worker"), all, Map.of(), 1, 1L << 30, 64L << 20, 600,
                2, 0, "optional", false,
                List.of(new RevisionSpec.Tier("canary-gpu", "gpu-spot", 10, 1), new RevisionSpec.Tier("canary-spot", "cpu-spot", 10, 0),
                        new RevisionSpec.Tier("c1", "cpu-ondemand", 20, 0), new RevisionSpec.Tier("c2", "cpu-ondemand", 30, 0),
                        new RevisionSpec.Tier("c3", "cpu-ondemand", 30, 0)),
                List.of(new RevisionSpec.Stage(List.of("canary-gpu", "canary-spot"), 0, 5, 0.5, 3600),
                        new RevisionSpec.Stage(List.of("c1"), 0, 5, 0.5, 3600),
                        new RevisionSpec.Stage(List.of("c2"), 0, 5, 0.5, 3600),
                        new RevisionSpec.Stage(List.of("c3"), 0, 5, 0.5, 3600)),
                // Every gate on: AWS Batch reports no peak memory, so the memory gate is not judged on its tiers.
                GatesSpec.DEFAULT);
        return GreenRevisions.create(context.getBean(CommitStore.class), context.getBean(RevisionStore.class), service.id(),
                sha.repeat(40), "1.dkr.ecr.us-east-1.amazonaws.com/thumbs@sha256:" + sha.repeat(64), spec, Instant.now());
    }

    @AfterEach
    void stop() {
        clients.close();
        context.close();
        batch.close();
    }

    /** Jobs keep coming, Batch runs them, the engine judges; until the rollout ends or a minute passes. */
    private Rollout run(Rollout rollout) throws InterruptedException {
        RolloutStore rollouts = context.getBean(RolloutStore.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            context.getBean(JobSubmission.class).submit(service, Collections.nCopies(10, new NewJob(Map.of(), false, null)));
            context.getBean(JobSubmission.class).submit(service, Collections.nCopies(2, new NewJob(Map.of(), true, null)));
            for (int i = 0; i < 4; i++) {
                backends.forEach(BatchBackend::pass);
                Thread.sleep(30);
            }
            context.getBean(RolloutEngine.class).reconcile();
            Rollout now = rollouts.find(rollout.id()).orElseThrow();
            if (!now.state().open()) {
                return now;
            }
        }
        return rollouts.find(rollout.id()).orElseThrow();
    }

    @Test
    void aGoodRevisionGoesThroughEveryStageAndABadOneIsRolledBackWithTheStableNamesNeverOnIt() throws Exception {
        int good = revision("b", Map.of());
        Rollout first = run(context.getBean(RolloutCommands.class).deploy(service.id(), good, "ada", "ship", false));
        assertThat(first.state()).as(first.note()).isEqualTo(RolloutState.SUCCEEDED);
        assertThat(context.getBean(RolloutStore.class).events(service.id(), 0, 1000))
                .anySatisfy(e -> assertThat(e.message()).contains("memory gate not judged on c1, c2, c3, canary-gpu, canary-spot"));
        assertThat(context.getBean(TierStateStore.class).list(service.id())).extracting(TierState::stable)
                .containsOnly(good);

        int bad = revision("c", Map.of("FAIL_RATE", "1"));
        Rollout second = run(context.getBean(RolloutCommands.class).deploy(service.id(), bad, "ada", "ship", false));
        assertThat(second.state()).as(second.note()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(context.getBean(TierStateStore.class).list(service.id())).extracting(TierState::stable)
                .containsOnly(good);

        for (BatchBackend b : backends) {
            b.pass(); // the stable names are brought to the stable revision at every pass
        }
        List<String> definitions = batch.definitionNames();
        for (String tier : TIERS) {
            String stable = BatchNames.stable("thumbs", tier);
            List<String> ofTier = definitions.stream().filter(d -> d.startsWith(stable + ":")).toList();
            assertThat(ofTier).as(tier).isNotEmpty().noneMatch(d -> d.endsWith("=r" + bad));
            assertThat(ofTier.get(ofTier.size() - 1)).as("latest of " + stable).endsWith("=r" + good);
        }
        assertThat(definitions).anyMatch(d -> d.startsWith(BatchNames.candidates("thumbs", "canary-gpu")) && d.endsWith("=r" + bad));
        Map<String, String> used = batch.definitionsUsed();
        Map<String, Map<String, String>> tags = batch.tags();
        assertThat(tags).allSatisfy((job, t) -> {
            boolean candidate = "candidate".equals(t.get("drover:arm"));
            assertThat(used.get(job)).as(job).contains(candidate ? "-candidates:" : t.get("drover:tier") + ":");
        });
        assertThat(batch.aws().unsigned()).isEmpty();
    }

    @Test
    void aRollbackTakesBackTheCandidatesJobsStillWaitingOnBatchAndRunsThemOnTheStableRevision() throws Exception {
        int candidate = revision("b", Map.of());
        context.getBean(RolloutCommands.class).deploy(service.id(), candidate, "ada", "ship", false);
        context.getBean(RolloutEngine.class).reconcile();
        batch.hold("drover-gpu-spot");
        batch.hold("drover-cpu-spot");
        List<Job> jobs = new ArrayList<>(context.getBean(JobSubmission.class).submit(service,
                Collections.nCopies(30, new NewJob(Map.of(), false, null))));
        jobs.addAll(context.getBean(JobSubmission.class).submit(service, Collections.nCopies(6, new NewJob(Map.of(), true, null))));
        for (int i = 0; i < 3; i++) {
            backends.forEach(BatchBackend::pass);
        }
        JobStore store = context.getBean(JobStore.class);
        List<Job> waitingCandidates = jobs.stream().filter(j -> store.attempts(j.id()).stream()
                .anyMatch(a -> a.arm() == dev.drover.job.Arm.CANDIDATE)).toList();
        assertThat(waitingCandidates).as("candidate jobs waiting on Batch for capacity").isNotEmpty();

        context.getBean(RolloutCommands.class).rollback(service.id(), java.util.Optional.empty(), java.util.Optional.empty(),
                false, "ada", "bad thumbnails");
        for (int i = 0; i < 3; i++) {
            backends.forEach(BatchBackend::pass);
            Thread.sleep(30);
        }
        batch.release("drover-gpu-spot");
        batch.release("drover-cpu-spot");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!jobs.stream().allMatch(j -> store.find(j.id()).orElseThrow().status().finished()) && System.nanoTime() < deadline) {
            backends.forEach(BatchBackend::pass);
            Thread.sleep(30);
        }

        for (Job job : waitingCandidates) {
            List<Attempt> attempts = store.attempts(job.id());
            assertThat(store.find(job.id()).orElseThrow().status()).as(job.id()).isEqualTo(dev.drover.job.JobStatus.SUCCEEDED);
            assertThat(attempts.get(0).outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(attempts.get(0).detail()).startsWith("rerouted: Terminated by Drover: rerouted to the stable revision");
            Attempt last = attempts.get(attempts.size() - 1);
            assertThat(last.revision()).as("ran on the stable revision").isEqualTo(1);
            assertThat(last.arm()).isEqualTo(dev.drover.job.Arm.STABLE);
        }
        assertThat(batch.terminated().values()).isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).startsWith(BatchOutcomes.REROUTED_BY_DROVER));
    }

    @Test
    void aSpotReclaimIsInfrastructureAndBatchRetriedItNotDrover() throws Exception {
        Job job = context.getBean(JobSubmission.class).submit(service, List.of(new NewJob(Map.of("SPOT_RECLAIM", "1"), true,
                null))).get(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!context.getBean(JobStore.class).find(job.id()).orElseThrow().status().finished() && System.nanoTime() < deadline) {
            backends.forEach(BatchBackend::pass);
            Thread.sleep(30);
        }
        List<Attempt> attempts = context.getBean(JobStore.class).attempts(job.id());
        assertThat(attempts).as("one Drover attempt: Batch did the retries").hasSize(1);
        assertThat(attempts.get(0).outcome()).isEqualTo(Outcome.SPOT_INTERRUPTION);
        assertThat(attempts.get(0).outcome().infrastructure()).isTrue();
        assertThat(attempts.get(0).detail()).contains("Host EC2").contains("Batch ran it 3 times");
        assertThat(attempts.get(0).tier()).isEqualTo("canary-gpu");
    }

    @Test
    void eachRunIsPricedAtItsHostsSpotPriceInItsZoneAndTheAttemptNamesItsHost() throws Exception {
        FakeBatchHosts hosts = batch.hosts();
        hosts.forQueue("drover-gpu-spot", new FakeBatchHosts.HostType("g5.xlarge", 4, 15_576, 1, List.of("us-east-1a", "us-east-1b")));
        // us-east-1d has no spot price of its own: its jobs take the mean of the zones that have one.
        hosts.forQueue("drover-cpu-spot", new FakeBatchHosts.HostType("m5.2xlarge", 8, 31_000, 0, List.of("us-east-1d")));
        hosts.forQueue("drover-cpu-ondemand", new FakeBatchHosts.HostType("m5.2xlarge", 8, 31_000, 0, List.of("us-east-1c")));
        hosts.spotPrice("g5.xlarge", "us-east-1a", "0.4000");
        hosts.spotPrice("g5.xlarge", "us-east-1b", "0.6000");
        hosts.spotPrice("m5.2xlarge", "us-east-1c", "0.1600");
        JobSubmission submission = context.getBean(JobSubmission.class);
        List<Job> jobs = new ArrayList<>(submission.submit(service, List.of(new NewJob(Map.of("SPOT_RECLAIM", "1"), true, null))));
        jobs.addAll(submission.submit(service, Collections.nCopies(20, new NewJob(Map.of(), false, null))));
        JobStore store = context.getBean(JobStore.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!jobs.stream().allMatch(j -> store.find(j.id()).orElseThrow().status().finished()) && System.nanoTime() < deadline) {
            backends.forEach(BatchBackend::pass);
            Thread.sleep(30);
        }

        Attempt reclaimed = store.attempts(jobs.get(0).id()).get(0);
        List<FakeBatch.RunOn> runs = batch.runs(BatchNames.job(jobs.get(0).id(), 1));
        assertThat(runs).extracting(FakeBatch.RunOn::zone).containsExactly("us-east-1a", "us-east-1b", "us-east-1a");
        // One GPU of a one-GPU host: each run costs the whole host, at its zone's price.
        double expected = runs.stream().mapToDouble(r -> r.millis() / 3_600_000.0
                * ("us-east-1a".equals(r.zone()) ? 0.40 : 0.60)).sum();
        assertThat(reclaimed.cost()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(reclaimed.instanceType()).isEqualTo("g5.xlarge");
        assertThat(reclaimed.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(reclaimed.detail()).contains("on g5.xlarge in us-east-1b");

        assertThat(jobs.subList(1, jobs.size())).as("some CPU jobs ran on the spot canary, some on demand")
                .anyMatch(j -> "canary-spot".equals(store.attempts(j.id()).get(0).tier()))
                .anyMatch(j -> !"canary-spot".equals(store.attempts(j.id()).get(0).tier()));
        for (Job job : jobs.subList(1, jobs.size())) {
            Attempt a = store.attempts(job.id()).get(0);
            FakeBatch.RunOn run = batch.runs(BatchNames.job(job.id(), 1)).get(0);
            // 1 vCPU and 1 GiB of an 8-vCPU host: an eighth of it, at the spot price or the target's on-demand one.
            double price = "canary-spot".equals(a.tier()) ? 0.16 : 0.10;
            assertThat(a.cost()).as(a.tier()).isCloseTo(run.millis() / 3_600_000.0 * price / 8,
                    org.assertj.core.data.Offset.offset(1e-12));
            assertThat(a.instanceType()).isEqualTo("m5.2xlarge");
            assertThat(a.availabilityZone()).isEqualTo("canary-spot".equals(a.tier()) ? "us-east-1d" : "us-east-1c");
        }
        assertThat(hosts.ecs().unsigned()).isEmpty();
        assertThat(hosts.ec2().unsigned()).isEmpty();
        assertThat(hosts.ecs().requests()).allSatisfy(r -> assertThat(r.body()).contains("\"cluster\":\"drover-"));
    }

    @Test
    void anAttemptThatNeverReachedBatchGoesBackToTheQueueWithNoFailureCounted() throws Exception {
        backends.forEach(BatchBackend::pass); // the stand-ins register
        JobStore store = context.getBean(JobStore.class);
        Job job = context.getBean(JobSubmission.class).submit(service, List.of(new NewJob(Map.of(), true, null))).get(0);
        long standIn = context.getBean(dev.drover.fleet.AgentStore.class).byName("aws-batch:gpu-spot").orElseThrow().id();
        // A controller took the work three minutes ago and stopped before it submitted it: no job id, no Batch job.
        Attempt orphan = store.claim(store.find(job.id()).orElseThrow(), standIn, 1, dev.drover.job.Arm.STABLE,
                Instant.now().minus(Duration.ofMinutes(3))).orElseThrow();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!store.find(job.id()).orElseThrow().status().finished() && System.nanoTime() < deadline) {
            backends.forEach(BatchBackend::pass);
            Thread.sleep(30);
        }

        Job done = store.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(dev.drover.job.JobStatus.SUCCEEDED);
        assertThat(done.infraFailures()).isZero();
        List<Attempt> attempts = store.attempts(job.id());
        assertThat(attempts.get(0).id()).isEqualTo(orphan.id());
        assertThat(attempts.get(0).outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(attempts.get(0).detail()).contains("never reached AWS Batch");
        assertThat(attempts).hasSize(2);
        assertThat(batch.submittedNames()).containsExactly(BatchNames.job(job.id(), 2));
    }
}

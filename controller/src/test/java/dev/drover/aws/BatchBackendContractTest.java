package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStore;
import dev.drover.job.JobSubmission;
import dev.drover.job.NewJob;
import dev.drover.job.sim.ContractBackend;
import dev.drover.job.sim.JobBackendContract;
import dev.drover.job.sim.TierStates;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.store.jooq.Database;
import dev.drover.target.Target;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The job backend contract on the {@code aws-batch} backend: the controller's real dispatcher, stores and
 * ingest in this JVM, the AWS SDK talking to {@link FakeBatch} (Batch's REST-JSON protocol, jobs that
 * move SUBMITTED -> RUNNABLE -> RUNNING -> SUCCEEDED/FAILED), one request in five throttled.
 */
class BatchBackendContractTest extends JobBackendContract {

    @Override
    protected ContractBackend open(Path dir) {
        return new OnBatch(dir);
    }

    /** After the contract: every request was signed, DescribeJobs never asked for more than 100. */
    @Test
    void theBackendSignsEveryRequestKeepsToTheApisLimitsAndNamesJobsByAttempt() {
        OnBatch backend = new OnBatch(dir);
        try {
            List<Job> jobs = backend.submit(java.util.Collections.nCopies(3, new NewJob(Map.of("DURATION", "1"), false, null)));
            assertThat(backend.runUntilSettled(Duration.ofSeconds(60))).isTrue();
            assertThat(backend.batch.aws().unsigned()).isEmpty();
            Attempt attempt = backend.attempts(jobs.get(0).id()).get(0);
            assertThat(backend.context.getBean(JobStore.class).log(attempt.id())).contains("worker: done");
            assertThat(attempt.detail()).startsWith("AWS Batch job ");
            assertThat(backend.cloudWatch.requests()).anySatisfy(r -> assertThat(r.body())
                    .contains("\"logGroupName\":\"/aws/batch/job\"").contains("worker/default/"));
            assertThat(backend.batch.largestDescribe()).isBetween(1, BatchBackend.DESCRIBE_LIMIT);
            assertThat(backend.batch.submittedNames()).containsExactlyInAnyOrderElementsOf(
                    jobs.stream().map(j -> "drover-" + j.id() + "-1").toList());
            assertThat(backend.batch.tags().values()).allSatisfy(t -> assertThat(t)
                    .containsKeys("drover:job", "drover:arm", "drover:revision", "drover:tier")
                    .containsEntry("drover:arm", "stable"));
            assertThat(backend.batch.definitionNames()).isNotEmpty().allSatisfy(n -> assertThat(n)
                    .matches("drover-" + OnBatch.SERVICE + "-(canary|main):1=r1")).doesNotHaveDuplicates();
            var definition = backend.batch.definition(backend.batch.definitionsUsed().values().iterator().next());
            assertThat(definition.path("containerProperties").path("image").asText()).contains("@sha256:");
            assertThat(definition.path("retryStrategy").path("attempts").asInt()).isEqualTo(3);
            assertThat(definition.path("retryStrategy").path("evaluateOnExit").get(0).path("onStatusReason").asText())
                    .isEqualTo("Host EC2*");
            assertThat(definition.path("containerProperties").path("linuxParameters").path("sharedMemorySize").asInt())
                    .isEqualTo(64);
        } finally {
            backend.close();
        }
    }

    /** A controller without its HTTP server, its one {@code cpu} target on AWS Batch, and the fake Batch. */
    static final class OnBatch implements ContractBackend {
        static final String SERVICE = "batchsvc";
        private static final List<String> TIERS = List.of("canary", "main");
        final FakeBatch batch = new FakeBatch(0.2);
        /** CloudWatch Logs: every stream holds one line, on one page, then the same forward token (the end). */
        final FakeAws cloudWatch = new FakeAws().handler(r -> FakeAws.Reply.amzJson(r.body().contains("f/1")
                ? "{\"events\":[],\"nextForwardToken\":\"f/1\"}"
                : "{\"events\":[{\"timestamp\":1,\"message\":\"worker: done\",\"ingestionTime\":2}],"
                + "\"nextForwardToken\":\"f/1\"}"));
        final ApplicationContext context;
        private final AwsClients clients;
        private final BatchBackend backend;
        private final List<String> submitted = new ArrayList<>();

        OnBatch(Path dir) {
            context = ApplicationContext.run(Map.of(
                    "drover.home", dir.resolve("home").toString(),
                    "drover.jobs.routing-seed", "7",
                    "drover.targets.cpu.backend", "aws-batch",
                    "drover.targets.cpu.capacity", "spot",
                    "drover.targets.cpu.price-per-hour", "1.0",
                    "drover.targets.cpu.job-queue", "drover-cpu-spot",
                    "drover.aws.region", FakeBatch.REGION,
                    "drover.aws.endpoints.batch", batch.endpoint(),
                    "drover.aws.endpoints.ec2", batch.hosts().ec2Endpoint(),
                    "drover.aws.batch-poll", "0s"), "test"); // the test drives its own backend's passes
            batch.throttleEvery(5);
            clients = new AwsClients(FakeBatch.REGION, Map.of(AwsClients.BATCH, batch.endpoint(),
                    AwsClients.LOGS, cloudWatch.endpoint(), AwsClients.ECS, batch.hosts().ecsEndpoint()), FakeAws.CREDENTIALS);
            CloudWatchJobLogs logs = CloudWatchJobLogs.of(clients, CloudWatchJobLogs.DEFAULT_LOG_GROUP);
            Service service = context.getBean(Services.class).add(new ServiceSettings(SERVICE, "file:///none", "main", null,
                    null));
            context.getBean(CommitStore.class).record(service.id(), new SeenCommit("c".repeat(40), List.of(), "Ada", "a@x",
                    "v1", Instant.now()), CommitStatus.GREEN, null, Instant.now());
            addRevision();
            deploy(1, null, 0);
            Target cpu = context.getBeansOfType(Target.class).stream().filter(t -> t.name().equals("cpu")).findFirst()
                    .orElseThrow();
            var client = clients.batch();
            backend = new BatchBackend(new BatchTarget(cpu, "drover-cpu-spot", List.of(), null, null, 64),
                    new BatchBackend.Aws(client, new BatchJobDefinitions(client), logs, new BatchHosts(clients.ecs())),
                    context.getBean(BatchBackend.Shared.class));
        }

        private Service service() {
            return context.getBean(Services.class).find(SERVICE).orElseThrow();
        }

        @Override
        public int addRevision() {
            var revisions = context.getBean(RevisionStore.class);
            int next = revisions.list(service().id(), 1).stream().findFirst().map(r -> r.number() + 1).orElse(1);
            long commitId = context.getBean(CommitStore.class).find(service().id(), "c".repeat(40)).orElseThrow().id();
            RevisionSpec spec = new RevisionSpec(List.of("sh", "/app/work.sh"), Map.of("DURATION", "1"), Map.of(), 0.5,
                    256L << 20, 64L << 20, 600, 2, 0, "optional", false,
                    List.of(new RevisionSpec.Tier("canary", "cpu", 20, 0), new RevisionSpec.Tier("main", "cpu", 80, 0)));
            return revisions.create(service().id(), commitId, "123456789012.dkr.ecr.us-east-1.amazonaws.com/worker@sha256:"
                    + Integer.toHexString(next).repeat(64).substring(0, 64), spec, Instant.now()).number();
        }

        @Override
        public void deploy(int stable, Integer candidate, double split) {
            TierStates.put(context.getBean(Database.class), service().id(), TIERS, stable, candidate, split, Instant.now());
        }

        @Override
        public void addHost(String name) {
            // AWS Batch scales its compute environments itself: nothing to add.
        }

        @Override
        public List<Job> submit(List<NewJob> jobs) {
            List<Job> created = context.getBean(JobSubmission.class).submit(service(), jobs);
            created.forEach(j -> submitted.add(j.id()));
            return created;
        }

        @Override
        public boolean runUntilSettled(Duration max) {
            return runUntil(max, () -> submitted.stream().allMatch(id -> job(id).status().finished()));
        }

        @Override
        public boolean runUntilRunning(String jobId, Duration max) {
            return runUntil(max, () -> attempts(jobId).stream().anyMatch(Attempt::running)
                    && batch.submittedNames().stream().anyMatch(n -> n.startsWith("drover-" + jobId)));
        }

        private boolean runUntil(Duration max, java.util.function.BooleanSupplier done) {
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                backend.pass();
                if (done.getAsBoolean()) {
                    return true;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }

        @Override
        public Job cancel(String jobId) {
            return context.getBean(JobSubmission.class).cancel(job(jobId));
        }

        @Override
        public Job job(String id) {
            return context.getBean(JobStore.class).find(id).orElseThrow();
        }

        @Override
        public List<Attempt> attempts(String jobId) {
            return context.getBean(JobStore.class).attempts(jobId);
        }

        @Override
        public boolean measuresMemory() {
            return false;
        }

        @Override
        public String diagnostics() {
            return "Batch jobs: " + batch.submittedNames() + "\nrequests: " + batch.aws().requests().size();
        }

        @Override
        public void close() {
            clients.close();
            context.close();
            batch.close();
            cloudWatch.close();
        }
    }
}

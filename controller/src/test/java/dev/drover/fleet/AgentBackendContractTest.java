package dev.drover.fleet;

import static org.awaitility.Awaitility.await;

import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.job.JobSubmission;
import dev.drover.job.NewJob;
import dev.drover.job.sim.ContractBackend;
import dev.drover.job.sim.JobBackendContract;
import dev.drover.job.sim.TierStates;
import dev.drover.revision.RevisionStore;
import dev.drover.store.jooq.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The job backend contract on real agents: a controller in this JVM, agent processes running the demo
 * worker's containers on the real Docker engine. Skipped without an engine, except under
 * {@code ./drover test} ({@code DROVER_TEST_DOCKER=1}), which fails instead (see {@code TestEngine}).
 */
class AgentBackendContractTest extends JobBackendContract {

    @Override
    protected ContractBackend open(Path dir) throws Exception {
        return new Agents(dir);
    }

    /** A {@link Cluster} with agent {@code worker-1}; a candidate is written to the tier state directly. */
    private static final class Agents implements ContractBackend {
        private static final List<String> TIERS = List.of("canary", "main");
        private final Cluster cluster;
        private final List<AgentProcess> agents = new ArrayList<>();
        private final List<String> submitted = new ArrayList<>();

        Agents(Path dir) throws Exception {
            cluster = new Cluster(dir, Map.of());
            addHost("worker-1");
        }

        @Override
        public int addRevision() {
            int next = cluster.bean(RevisionStore.class).list(cluster.service().id(), 1).get(0).number() + 1;
            cluster.revision(next, 600, 256L << 20);
            return next;
        }

        @Override
        public void deploy(int stable, Integer candidate, double split) {
            TierStates.put(cluster.bean(Database.class), cluster.service().id(), TIERS, stable, candidate, split,
                    Instant.now());
        }

        @Override
        public void addHost(String name) throws Exception {
            agents.add(cluster.agent(name));
        }

        @Override
        public List<Job> submit(List<NewJob> jobs) {
            List<Job> created = cluster.bean(JobSubmission.class).submit(cluster.service(), jobs);
            created.forEach(j -> submitted.add(j.id()));
            return created;
        }

        @Override
        public boolean runUntilSettled(Duration max) {
            return within(max, () -> submitted.stream().allMatch(id -> job(id).status().finished()));
        }

        @Override
        public boolean runUntilRunning(String jobId, Duration max) {
            return within(max, () -> job(jobId).status() == JobStatus.RUNNING);
        }

        private static boolean within(Duration max, Callable<Boolean> done) {
            try {
                await().atMost(max).pollInterval(Duration.ofMillis(100)).until(done);
                return true;
            } catch (ConditionTimeoutException e) {
                return false;
            }
        }

        @Override
        public Job cancel(String jobId) {
            return cluster.bean(JobSubmission.class).cancel(job(jobId));
        }

        @Override
        public Job job(String id) {
            return cluster.job(id);
        }

        @Override
        public List<Attempt> attempts(String jobId) {
            return cluster.attempts(jobId);
        }

        @Override
        public String diagnostics() {
            return agents.stream().map(a -> "--- " + a.name() + "\n" + a.log()).collect(Collectors.joining("\n"));
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}

package dev.drover.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import dev.drover.fleet.Agent;
import dev.drover.job.sim.ControllerSide;
import dev.drover.job.sim.SimulatedWorld;
import dev.drover.target.PriceBook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A controller down longer than the agents' lease: on its return the agents get a lease plus the margin
 * to check in, their held results count with their real outcomes, the attempts they stopped themselves
 * meanwhile spend no retry, and an agent that never comes back is still given up on (and its job run again).
 */
class CheckInTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MARGIN = Duration.ofSeconds(15);

    private final SimulatedWorld world = SimulatedWorld.open(3);
    private final ControllerSide side = world.controller();
    private final CheckIn checkIn = new CheckIn(LEASE.plus(MARGIN), world.clock());
    private final ResultIngest ingest = new ResultIngest(side.jobs(), side.revisions(), side.routes(),
            List.of(SimulatedWorld.CPU), new WorkSignal(), PriceBook.NONE, checkIn, world.clock());
    private final LeaseReaper reaper = new LeaseReaper(side.jobs(), ingest, MARGIN, checkIn, world.clock());

    private Agent agent(String name) {
        return side.fleet().register(name, SimulatedWorld.LABELS, List.of(), 4, 4, 8L << 30, "test");
    }

    private Assignment take(Agent agent) {
        List<Assignment> given = side.dispatcher().assign(agent, 1);
        assertThat(given).hasSize(1);
        return given.get(0);
    }

    private AttemptResult result(Assignment a, Outcome outcome) {
        Instant now = world.clock().instant();
        return new AttemptResult(a.attemptId(), outcome.wireName(), outcome == Outcome.SUCCEEDED ? 0 : null,
                now.minusSeconds(20), now.minusSeconds(10), null, null, null, null, null,
                outcome == Outcome.AGENT_LOST ? "lease lost: the controller was unreachable for 31s" : null, "");
    }

    private Job job(Assignment a) {
        return side.jobs().find(a.jobId()).orElseThrow();
    }

    @Test
    void finishedWorkHeldThroughALongOutageCountsAndNothingReruns() {
        Agent holder = agent("holder-1");
        List<Job> jobs = world.submit(List.of(new NewJob(Map.of(), false, null), new NewJob(Map.of(), false, null)));
        assertThat(jobs).hasSize(2);
        Assignment done = take(holder);
        Assignment stopped = take(holder);

        // The controller goes down for ten minutes; the agent's lease lapsed long ago when it comes back.
        world.clock().advance(Duration.ofMinutes(10));
        checkIn.open();
        assertThat(reaper.reap()).as("no attempt is given up on while agents check in").isZero();
        world.clock().advance(LEASE);
        assertThat(reaper.reap()).isZero();

        side.fleet().renew(holder);
        assertThat(ingest.ingest(holder, result(done, Outcome.SUCCEEDED))).isEqualTo(ResultIngest.Disposition.RECORDED);
        assertThat(ingest.ingest(holder, result(stopped, Outcome.AGENT_LOST))).isEqualTo(ResultIngest.Disposition.RECORDED);

        assertThat(job(done).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(side.jobs().attempts(done.jobId())).hasSize(1);
        Job again = job(stopped);
        assertThat(again.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(again.infraFailures()).as("the controller's downtime spends no retry").isZero();
        assertThat(again.reason()).contains("no controller was up");
    }

    @Test
    void anAgentStillSilentWhenTheWindowEndsIsGivenUpOnAndItsJobRunsAgainCounted() {
        Agent silent = agent("silent-1");
        world.submit(List.of(new NewJob(Map.of(), false, null)));
        Assignment held = take(silent);

        world.clock().advance(Duration.ofMinutes(10));
        checkIn.open();
        world.clock().advance(LEASE.plus(MARGIN).minusSeconds(1));
        assertThat(reaper.reap()).isZero();
        world.clock().advance(Duration.ofSeconds(1));
        assertThat(reaper.reap()).as("the window is over: a silent agent is gone").isEqualTo(1);

        assertThat(side.jobs().attempts(held.jobId())).extracting(Attempt::outcome).containsExactly(Outcome.AGENT_LOST);
        Job again = job(held);
        assertThat(again.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(again.infraFailures()).isEqualTo(1);

        Agent rescuer = agent("rescuer-1");
        Assignment rerun = take(rescuer);
        assertThat(rerun.jobId()).isEqualTo(held.jobId());
        assertThat(ingest.ingest(rescuer, result(rerun, Outcome.SUCCEEDED))).isEqualTo(ResultIngest.Disposition.RECORDED);
        assertThat(ingest.ingest(silent, result(held, Outcome.SUCCEEDED)))
                .as("the silent agent's result comes after its attempt was given up on")
                .isEqualTo(ResultIngest.Disposition.LATE);
        assertThat(job(held).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(side.jobs().attempts(held.jobId())).hasSize(2);
    }

    @Test
    void aLeaderThatStopsWatchingReapsNothingUntilItWatchesAgainForAWholeWindow() {
        Agent silent = agent("silent-2");
        world.submit(List.of(new NewJob(Map.of(), false, null)));
        take(silent);
        checkIn.open();
        world.clock().advance(Duration.ofMinutes(5));
        checkIn.close();
        assertThat(reaper.reap()).as("not watching").isZero();
        checkIn.open();
        assertThat(reaper.reap()).isZero();
        world.clock().advance(LEASE.plus(MARGIN));
        assertThat(reaper.reap()).isEqualTo(1);
    }

    /**
     * A controller killed after it wrote an assignment and before its answer left: the agent never got the attempt.
     * Its heartbeats say what it holds; once the attempt is older than the lease and held nowhere, it is taken back
     * and the job runs again with no retry spent. Attempts running or waiting in the spool are left alone.
     */
    @Test
    void anAttemptWhoseAnswerWasLostIsTakenBackFromTheAgentsHeartbeatAndRunsAgain() {
        Agent holder = agent("holder-3");
        world.submit(List.of(new NewJob(Map.of(), false, null), new NewJob(Map.of(), false, null),
                new NewJob(Map.of(), false, null)));
        Assignment lost = take(holder);
        Assignment running = take(holder);
        Assignment spooled = take(holder);

        assertThat(ingest.reconcile(holder, List.of(running.attemptId()), List.of(spooled.attemptId()), LEASE))
                .as("an answer may still be on its way within the lease").isZero();
        world.clock().advance(LEASE.plusSeconds(1));
        assertThat(ingest.reconcile(holder, List.of(running.attemptId()), List.of(spooled.attemptId()), LEASE)).isOne();

        Job again = job(lost);
        assertThat(again.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(again.infraFailures()).as("it never ran: no retry spent").isZero();
        assertThat(again.reason()).contains("never reached agent holder-3");
        assertThat(side.jobs().attempts(lost.jobId())).singleElement().satisfies(a ->
                assertThat(a.outcome()).isEqualTo(Outcome.CANCELLED));
        assertThat(job(running).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job(spooled).status()).isEqualTo(JobStatus.RUNNING);
    }
}

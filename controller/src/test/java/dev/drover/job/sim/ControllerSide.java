package dev.drover.job.sim;

import dev.drover.fleet.AgentStore;
import dev.drover.fleet.Fleet;
import dev.drover.job.Dispatcher;
import dev.drover.job.JobStore;
import dev.drover.job.JobSubmission;
import dev.drover.job.LeaseReaper;
import dev.drover.job.ResultIngest;
import dev.drover.job.Routes;
import dev.drover.job.WorkSignal;
import dev.drover.revision.RevisionStore;
import dev.drover.service.ServiceStore;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqAgentStore;
import dev.drover.store.jooq.JooqJobStore;
import dev.drover.store.jooq.JooqRevisionStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.JooqTierStateStore;
import dev.drover.target.Target;
import dev.drover.tier.TierStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The controller's job objects wired by hand on a database, as {@code JobsFactory} wires them in the
 * server (a fixed routing seed, as {@code drover.jobs.routing-seed}; no secrets), without Micronaut.
 */
public record ControllerSide(ServiceStore services, RevisionStore revisions, TierStateStore tiers, AgentStore agents,
                             JobStore jobs, Fleet fleet, Routes routes, Dispatcher dispatcher, ResultIngest ingest,
                             LeaseReaper reaper, JobSubmission submission) {

    public static ControllerSide on(Database database, List<Target> targets, Clock clock, Duration lease,
                                    Duration lostMargin, long routingSeed) {
        var dsl = database.dsl();
        ServiceStore services = new JooqServiceStore(dsl);
        RevisionStore revisions = new JooqRevisionStore(dsl);
        TierStateStore tiers = new JooqTierStateStore(dsl);
        AgentStore agents = new JooqAgentStore(dsl);
        JobStore jobs = new JooqJobStore(dsl);
        WorkSignal signal = new WorkSignal();
        Routes routes = new Routes(tiers, revisions, new Random(routingSeed));
        Dispatcher dispatcher = new Dispatcher(jobs, routes, revisions, services, targets, name -> Optional.empty(), clock);
        ResultIngest ingest = new ResultIngest(jobs, revisions, routes, targets, signal, clock);
        return new ControllerSide(services, revisions, tiers, agents, jobs, new Fleet(agents, lease, clock), routes,
                dispatcher, ingest, new LeaseReaper(jobs, ingest, lostMargin, clock),
                new JobSubmission(jobs, routes, revisions, signal, clock));
    }
}

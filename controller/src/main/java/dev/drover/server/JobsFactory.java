package dev.drover.server;

import dev.drover.fleet.AgentStore;
import dev.drover.fleet.Fleet;
import dev.drover.job.CheckIn;
import dev.drover.job.Dispatcher;
import dev.drover.job.JobStore;
import dev.drover.job.JobSubmission;
import dev.drover.job.LeaseReaper;
import dev.drover.job.ResultIngest;
import dev.drover.job.Routes;
import dev.drover.job.WorkSignal;
import dev.drover.revision.RevisionStore;
import dev.drover.secret.Secrets;
import dev.drover.service.ServiceStore;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqAgentStore;
import dev.drover.store.jooq.JooqJobStore;
import dev.drover.store.jooq.JooqTierStateStore;
import dev.drover.target.PriceBook;
import dev.drover.target.Target;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Wires jobs: agents and their leases, routing, dispatch, ingest, the reaper. */
@Factory
public class JobsFactory {

    @Singleton
    AgentStore agentStore(Database database) {
        return new JooqAgentStore(database.dsl());
    }

    @Singleton
    TierStateStore tierStateStore(Database database) {
        return new JooqTierStateStore(database.dsl());
    }

    @Singleton
    JobStore jobStore(Database database) {
        return new JooqJobStore(database.dsl());
    }

    @Singleton
    WorkSignal workSignal() {
        return new WorkSignal();
    }

    @Singleton
    Fleet fleet(AgentStore agents, AgentsConfig config, Clock clock) {
        return new Fleet(agents, config.lease(), clock);
    }

    @Singleton
    Routes routes(TierStateStore tiers, RevisionStore revisions, JobsConfig config) {
        RandomGenerator random = config.routingSeed() == null ? new SplittableRandom()
                : new Random(config.routingSeed());
        return new Routes(tiers, revisions, random);
    }

    @Singleton
    Dispatcher dispatcher(JobStore jobs, Routes routes, RevisionStore revisions, ServiceStore services,
                          List<Target> targets, Secrets secrets, Clock clock) {
        return new Dispatcher(jobs, routes, revisions, services, targets, secrets, clock);
    }

    @Singleton
    CheckIn checkIn(AgentsConfig config, Clock clock) {
        return new CheckIn(config.lease().plus(config.lostMargin()), clock);
    }

    @Singleton
    ResultIngest resultIngest(JobStore jobs, RevisionStore revisions, Routes routes, List<Target> targets,
                              WorkSignal signal, PriceBook prices, CheckIn checkIn, Clock clock) {
        return new ResultIngest(jobs, revisions, routes, targets, signal, prices, checkIn, clock);
    }

    @Singleton
    JobSubmission jobSubmission(JobStore jobs, Routes routes, RevisionStore revisions, WorkSignal signal, Clock clock) {
        return new JobSubmission(jobs, routes, revisions, signal, clock);
    }

    @Singleton
    LeaseReaper leaseReaper(JobStore jobs, ResultIngest ingest, AgentsConfig config, CheckIn checkIn, Clock clock) {
        return new LeaseReaper(jobs, ingest, config.lostMargin(), checkIn, clock);
    }
}

package dev.drover.server;

import dev.drover.aws.AwsClients;
import dev.drover.aws.BatchBackend;
import dev.drover.aws.BatchTarget;
import dev.drover.aws.Ec2PriceBook;
import dev.drover.aws.OnDemandPrices;
import dev.drover.fleet.AgentStore;
import dev.drover.job.Dispatcher;
import dev.drover.job.JobStore;
import dev.drover.job.ResultIngest;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Services;
import dev.drover.target.PriceBook;
import dev.drover.target.Target;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** AWS, when a target runs on AWS Batch: the targets' queues and live prices (the loop is {@link BatchLoop}). */
@Factory
public class AwsFactory {

    @Singleton
    List<BatchTarget> batchTargets(List<ConfiguredTarget> configured, List<Target> targets) {
        return targets.stream().filter(Target::batch).map(t -> {
            ConfiguredTarget c = configured.stream().filter(x -> x.name().equals(t.name())).findFirst().orElseThrow();
            return new BatchTarget(t, c.jobQueue(), c.computeEnvironments(), c.jobRoleArn(), c.executionRoleArn(),
                    c.maxInFlight());
        }).toList();
    }

    /** The controller's parts each aws-batch target's backend works with. */
    @Singleton
    BatchBackend.Shared batchShared(Dispatcher dispatcher, JobStore jobs, AgentStore agents, ResultIngest ingest,
                                    Services services, TierStateStore tiers, RevisionStore revisions, Clock clock) {
        return new BatchBackend.Shared(dispatcher, jobs, agents, ingest, services, tiers, revisions, clock);
    }

    /** Live spot and on-demand prices for aws-batch targets' costs; none without such a target. */
    @Singleton
    PriceBook priceBook(List<BatchTarget> batchTargets, AwsConfig config) {
        if (batchTargets.isEmpty()) {
            return PriceBook.NONE;
        }
        return Ec2PriceBook.of(AwsClients.of(config.region(), config.endpoints()), OnDemandPrices.of(config.onDemandPrices()),
                config.spotPriceRefresh());
    }
}

package dev.drover.server;

import dev.drover.aws.AwsClients;
import dev.drover.aws.BatchBackend;
import dev.drover.aws.BatchCheck;
import dev.drover.aws.BatchHosts;
import dev.drover.aws.BatchJobDefinitions;
import dev.drover.aws.BatchTarget;
import dev.drover.aws.CloudWatchJobLogs;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.batch.BatchClient;

/**
 * Drives the aws-batch targets: at start-up checks their job queues and compute environments (a problem
 * stops the controller with what to fix), then every {@code drover.aws.batch-poll} lets each target's
 * {@link BatchBackend} sync stable job definitions, terminate cancelled jobs, read states and submit work.
 */
@Singleton
public class BatchLoop {
    private static final Logger LOG = LoggerFactory.getLogger(BatchLoop.class);

    private final List<BatchTarget> targets;
    private final AwsConfig config;
    private final BatchBackend.Shared shared;
    private final Ticker ticker;
    private final List<BatchBackend> backends = new ArrayList<>();
    private AwsClients clients;

    public BatchLoop(List<BatchTarget> targets, AwsConfig config, BatchBackend.Shared shared, Leadership leadership) {
        this.ticker = new Ticker("drover-aws-batch", leadership::leads);
        this.targets = targets;
        this.config = config;
        this.shared = shared;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (targets.isEmpty()) {
            return;
        }
        clients = AwsClients.of(config.region(), config.endpoints());
        BatchClient batch = clients.batch();
        List<String> problems = BatchCheck.problems(batch, config.region(), targets);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("AWS Batch is not ready for Drover:\n  " + String.join("\n  ", problems));
        }
        BatchBackend.Aws aws = new BatchBackend.Aws(batch, new BatchJobDefinitions(batch),
                CloudWatchJobLogs.of(clients, config.logGroup()), new BatchHosts(clients.ecs()));
        for (BatchTarget t : targets) {
            backends.add(new BatchBackend(t, aws, shared));
            LOG.info("target {} runs on AWS Batch queue {} ({})", t.name(), t.jobQueue(), config.region());
        }
        if (!config.batchPoll().isZero()) {
            ticker.every("AWS Batch", Duration.ofSeconds(1), config.batchPoll(), this::pass);
        }
    }

    /** One pass of every target; one target's failure (AWS down, throttled past retries) never stops the others. */
    void pass() {
        for (BatchBackend b : backends) {
            try {
                b.pass();
            } catch (RuntimeException e) {
                LOG.error("AWS Batch pass of {} failed, tried again next pass: {}", b.name(), e.getMessage(), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        ticker.stop();
        if (clients != null) {
            clients.close();
        }
    }
}

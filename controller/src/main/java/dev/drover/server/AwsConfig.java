package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Map;

/**
 * {@code drover.aws.*}: how the controller reaches AWS (credentials come from the default chain:
 * environment, profile, container or instance role). Used by ECR pushes ({@code drover.builds.registry-auth: ecr}).
 *
 * @param region           the AWS region of the registry and the job queues, e.g. {@code us-east-1}; empty: none
 * @param endpoints        an endpoint override per AWS service, keyed {@code ecr}, {@code batch}, {@code ec2},
 *                         {@code logs} (a VPC endpoint, or a test's local server); none by default
 * @param batchPoll        how often each aws-batch target submits new work and reads its jobs' states
 * @param spotPriceRefresh how long spot prices are used before they are read again
 * @param onDemandPrices   US dollars per hour by instance type (read through {@code OnDemandPrices}: Micronaut
 *                         splits keys at dots)
 * @param logGroup         the CloudWatch Logs group Batch jobs log to
 */
@ConfigurationProperties("drover.aws")
public record AwsConfig(
        @Bindable(defaultValue = "") String region,
        @Nullable Map<String, String> endpoints,
        @Bindable(defaultValue = "10s") Duration batchPoll,
        @Bindable(defaultValue = "15m") Duration spotPriceRefresh,
        @Nullable Map<String, Object> onDemandPrices,
        @Bindable(defaultValue = "/aws/batch/job") String logGroup) {

    public AwsConfig {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    /** A region and endpoints, every other setting at its default. */
    public AwsConfig(String region, Map<String, String> endpoints) {
        this(region, endpoints, Duration.ofSeconds(10), Duration.ofMinutes(15), null, "/aws/batch/job");
    }
}

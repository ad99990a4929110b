package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * {@code drover.aws.*}: how the controller reaches AWS (credentials come from the default chain:
 * environment, profile, container or instance role). Used by ECR pushes ({@code drover.builds.registry-auth: ecr}).
 *
 * @param region    the AWS region of the registry (and, later, the job queues), e.g. {@code us-east-1}; empty: none
 * @param endpoints an endpoint override per AWS service, keyed {@code ecr}, {@code batch}, {@code ec2},
 *                  {@code logs} (a VPC endpoint, or a test's local server); none by default
 */
@ConfigurationProperties("drover.aws")
public record AwsConfig(
        @Bindable(defaultValue = "") String region,
        @Nullable Map<String, String> endpoints) {

    public AwsConfig {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }
}

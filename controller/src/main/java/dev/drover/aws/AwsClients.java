package dev.drover.aws;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Builds the AWS clients Drover uses, all alike: one region, one credentials provider (the default
 * chain: environment, profile, container or instance role), the JDK's HTTP client, and where
 * configured an endpoint override per service (a VPC endpoint, or a test's local server).
 */
public final class AwsClients implements AutoCloseable {
    /** The services an endpoint may be overridden for, by their key in {@code drover.aws.endpoints}. */
    public static final String BATCH = "batch";
    public static final String ECR = "ecr";
    public static final String EC2 = "ec2";
    public static final String LOGS = "logs";
    public static final String ECS = "ecs";

    private final Region region;
    private final Map<String, String> endpoints;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();

    public AwsClients(String region, Map<String, String> endpoints, AwsCredentialsProvider credentials) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("drover.aws.region is required for aws-batch targets and ECR: "
                    + "set it to the region of your job queues, e.g. us-east-1");
        }
        this.region = Region.of(region.trim());
        this.endpoints = Map.copyOf(endpoints);
        this.credentials = credentials;
    }

    /** The default credentials chain. */
    public static AwsClients of(String region, Map<String, String> endpoints) {
        return new AwsClients(region, endpoints, DefaultCredentialsProvider.builder().build());
    }

    public Region region() {
        return region;
    }

    public BatchClient batch() {
        return configure(BatchClient.builder().httpClient(http), BATCH).build();
    }

    public EcrClient ecr() {
        return configure(EcrClient.builder().httpClient(http), ECR).build();
    }

    public Ec2Client ec2() {
        return configure(Ec2Client.builder().httpClient(http), EC2).build();
    }

    public CloudWatchLogsClient logs() {
        return configure(CloudWatchLogsClient.builder().httpClient(http), LOGS).build();
    }

    public EcsClient ecs() {
        return configure(EcsClient.builder().httpClient(http), ECS).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(region).credentialsProvider(credentials);
        String endpoint = endpoints.get(service);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.trim()));
        }
        return builder;
    }

    @Override
    public void close() {
        http.close();
    }
}

package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The clients go to the configured endpoint, sign every request, and retry throttling with backoff. */
class AwsClientsTest {

    @Test
    void aThrottledCallIsRetriedSignedAtTheOverriddenEndpoint() {
        AtomicInteger calls = new AtomicInteger();
        try (FakeAws ecr = new FakeAws().handler(r -> calls.incrementAndGet() <= 2
                ? FakeAws.Reply.throttled("application/x-amz-json-1.1")
                : FakeAws.Reply.amzJson("{\"authorizationData\":[{\"authorizationToken\":\"QVdTOnNlY3JldA==\","
                        + "\"expiresAt\":1.7639E9,\"proxyEndpoint\":\"https://1.dkr.ecr.us-east-1.amazonaws.com\"}]}"));
             AwsClients clients = new AwsClients("us-east-1", Map.of(AwsClients.ECR, ecr.endpoint()), FakeAws.CREDENTIALS);
             var client = clients.ecr()) {
            var token = client.getAuthorizationToken(b -> { });

            assertThat(token.authorizationData().get(0).authorizationToken()).isEqualTo("QVdTOnNlY3JldA==");
            assertThat(ecr.requests()).hasSize(3).allSatisfy(r -> {
                assertThat(r.target()).isEqualTo("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");
                assertThat(r.header("Authorization")).contains("/us-east-1/ecr/aws4_request");
            });
            assertThat(ecr.unsigned()).isEmpty();
        }
    }

    @Test
    void withoutARegionTheErrorSaysWhatToSet() {
        assertThatThrownBy(() -> new AwsClients(" ", Map.of(), FakeAws.CREDENTIALS))
                .hasMessageContaining("drover.aws.region");
    }
}

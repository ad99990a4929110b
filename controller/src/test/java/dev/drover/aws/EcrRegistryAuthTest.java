package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.agent.run.MutableClock;
import dev.drover.build.BuildFailure;
import dev.drover.build.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ECR logins from GetAuthorizationToken (JSON 1.1 on FakeAws): decoded, kept until near expiry, ECR hosts only. */
class EcrRegistryAuthTest {
    private static final String TARGET = "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken";
    private static final String PROXY = "https://123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String REPOSITORY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/drover/thumbnailer";
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger tokens = new AtomicInteger();
    private final FakeAws ecr = new FakeAws().handler(r -> FakeAws.Reply.amzJson(token(
            "AWS:pw-" + tokens.incrementAndGet(), clock.instant().plus(Duration.ofHours(12)))));
    private final AwsClients clients = new AwsClients("us-east-1", Map.of(AwsClients.ECR, ecr.endpoint()),
            FakeAws.CREDENTIALS);
    private final EcrRegistryAuth auth = new EcrRegistryAuth(clients.ecr(), clock);

    @AfterEach
    void close() {
        auth.close();
        clients.close();
        ecr.close();
    }

    static String token(String login, Instant expiresAt) {
        String encoded = Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
        return "{\"authorizationData\":[{\"authorizationToken\":\"" + encoded + "\",\"expiresAt\":"
                + expiresAt.getEpochSecond() + ",\"proxyEndpoint\":\"" + PROXY + "\"}]}";
    }

    @Test
    void theTokenIsDecodedIntoUserPasswordAndTheProxyEndpoint() {
        RegistryCredentials login = auth.credentialsFor(REPOSITORY).orElseThrow();

        assertThat(login.username()).isEqualTo("AWS");
        assertThat(login.password()).isEqualTo("pw-1");
        assertThat(login.serverAddress()).isEqualTo(PROXY);
        assertThat(login.toString()).contains("AWS", PROXY).doesNotContain("pw-1");
        assertThat(ecr.requests()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo(TARGET);
            assertThat(r.header("Authorization")).contains("/us-east-1/ecr/aws4_request");
        });
        assertThat(ecr.unsigned()).isEmpty();
    }

    @Test
    void theTokenIsKeptUntilTenMinutesBeforeItExpiresThenRefreshed() {
        assertThat(auth.credentialsFor(REPOSITORY).orElseThrow().password()).isEqualTo("pw-1");

        clock.advance(Duration.ofHours(12).minus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(auth.credentialsFor(REPOSITORY).orElseThrow().password()).isEqualTo("pw-1");
        assertThat(auth.credentialsFor(REPOSITORY + "-worker").orElseThrow().password()).isEqualTo("pw-1");
        assertThat(ecr.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.credentialsFor(REPOSITORY).orElseThrow().password()).isEqualTo("pw-2");
        assertThat(ecr.requests()).hasSize(2);

        clock.advance(Duration.ofHours(1));
        assertThat(auth.credentialsFor(REPOSITORY).orElseThrow().password()).isEqualTo("pw-2");
        assertThat(ecr.requests()).hasSize(2);
    }

    @Test
    void otherRegistriesGetNothingAndAwsIsNotAsked() {
        for (String repository : new String[] {"127.0.0.1:5000/drover/thumbnailer", "registry.example.com/drover/api",
                "ghcr.io/acme/api", "123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example/x", "thumbnailer"}) {
            assertThat(auth.credentialsFor(repository)).as(repository).isEmpty();
        }
        assertThat(ecr.requests()).isEmpty();
    }

    @Test
    void aRegistryInAnotherRegionIsRefusedNamingTheRegionSetting() {
        assertThatThrownBy(() -> auth.credentialsFor("123456789012.dkr.ecr.eu-west-1.amazonaws.com/drover/api"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("eu-west-1").hasMessageContaining("drover.aws.region is us-east-1");
        assertThat(ecr.requests()).isEmpty();
    }

    @Test
    void accessDeniedSaysWhichPermissionToGrant() {
        ecr.handler(r -> FakeAws.Reply.error(400, "application/x-amz-json-1.1", "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/drover/i-1 is not authorized"));

        assertThatThrownBy(() -> auth.credentialsFor(REPOSITORY))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("ecr:GetAuthorizationToken")
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("us-east-1");
    }

    @Test
    void rejectedCredentialsPointAtTheControllersAwsIdentity() {
        ecr.handler(r -> FakeAws.Reply.error(400, "application/x-amz-json-1.1", "UnrecognizedClientException",
                "The security token included in the request is invalid."));

        assertThatThrownBy(() -> auth.credentialsFor(REPOSITORY))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("did not accept the controller's credentials")
                .hasMessageContaining("UnrecognizedClientException");
    }

    @Test
    void aTokenThatIsNotUserColonPasswordIsRefused() {
        ecr.handler(r -> FakeAws.Reply.amzJson(token("no-colon-here", T0.plus(Duration.ofHours(12)))));

        assertThatThrownBy(() -> auth.credentialsFor(REPOSITORY))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("not user:password");
    }
}

package dev.drover.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.aws.EcrRegistryAuth;
import dev.drover.build.RegistryAuth;
import dev.drover.build.RegistryCredentials;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** drover.builds.registry-auth picks the login pushes use, and a setting missing for it is named at start. */
class RegistryAuthSettingsTest {
    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/drover";
    private final BuildsFactory factory = new BuildsFactory();
    private final Clock clock = Clock.systemUTC();

    private static BuildConfig builds(String registry, String auth, String user, String password) {
        return new BuildConfig(true, "unix:///var/run/docker.sock", registry, auth, user, password, 2,
                Duration.ofMinutes(30), 262_144);
    }

    private RegistryAuth auth(BuildConfig builds, String region) {
        return factory.registryAuth(builds, new AwsConfig(region, null), clock);
    }

    @Test
    void noneIsNoLogin() {
        assertThat(auth(builds("127.0.0.1:5000/drover", "none", "", ""), "")).isSameAs(RegistryAuth.NONE);
    }

    @Test
    void basicLogsInToTheConfiguredRegistryOnly() {
        RegistryAuth auth = auth(builds("registry.example.com/drover", "basic", "drover", "s3cret"), "");

        assertThat(auth.credentialsFor("registry.example.com/drover/api"))
                .contains(new RegistryCredentials("drover", "s3cret", "registry.example.com"));
        assertThat(auth.credentialsFor("other.example.com/drover/api")).isEmpty();
    }

    @Test
    void basicWithoutAPasswordNamesBothSettings() {
        assertThatThrownBy(() -> auth(builds("registry.example.com/drover", "basic", "drover", ""), ""))
                .hasMessageContaining("drover.builds.registry-username")
                .hasMessageContaining("drover.builds.registry-password");
    }

    @Test
    void ecrNeedsAnEcrRegistryAndARegion() {
        assertThat(auth(builds(ECR, "ecr", "", ""), "us-east-1")).isInstanceOf(EcrRegistryAuth.class);
        assertThatThrownBy(() -> auth(builds(ECR, "ecr", "", ""), ""))
                .hasMessageContaining("drover.aws.region");
        assertThatThrownBy(() -> auth(builds("registry.example.com/drover", "ecr", "", ""), "us-east-1"))
                .hasMessageContaining("not an ECR registry");
    }

    @Test
    void aLoginWithoutARegistryOrAnUnknownModeIsRefused() {
        assertThatThrownBy(() -> auth(builds("", "basic", "drover", "s3cret"), ""))
                .hasMessageContaining("drover.builds.registry is empty");
        assertThatThrownBy(() -> auth(builds("registry.example.com/drover", "ldap", "", ""), ""))
                .hasMessageContaining("use none, ecr or basic");
    }

    @Test
    void theControllerWiresTheEcrLoginFromItsSettings() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "drover.builds.registry", ECR, "drover.builds.registry-auth", "ecr",
                "drover.aws.region", "us-east-1", "drover.aws.endpoints.ecr", "http://127.0.0.1:9"), "test")) {
            assertThat(context.getBean(AwsConfig.class).region()).isEqualTo("us-east-1");
            assertThat(context.getBean(AwsConfig.class).endpoints()).containsExactly(Map.entry("ecr", "http://127.0.0.1:9"));
            assertThat(context.getBean(RegistryAuth.class)).isInstanceOf(EcrRegistryAuth.class);
        }
    }

    @Test
    void theConfigurationNeverPrintsThePassword() {
        assertThat(builds("registry.example.com/drover", "basic", "drover", "s3cret").toString())
                .contains("registryUsername=drover").doesNotContain("s3cret");
        assertThat(new AwsConfig("us-east-1", Map.of("ecr", "http://127.0.0.1:1")).endpoints())
                .containsEntry("ecr", "http://127.0.0.1:1");
    }
}

package dev.drover.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import dev.drover.aws.AwsClients;
import dev.drover.aws.EcrRegistryAuth;
import dev.drover.aws.FakeAws;
import dev.drover.docker.DockerEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push path against a real OCI registry that wants a login (Debian's docker-registry with htpasswd on
 * loopback), the login coming from ECR's GetAuthorizationToken (FakeAws answers with the registry's password,
 * as ECR's token carries the password of its registry): refused without a login, pushed with it, the digest
 * recorded and pulled back by digest; a commit's tag, once pushed, keeps its digest.
 */
class AuthenticatedPushTest {
    private static final String PASSWORD = "ecr-" + UUID.randomUUID();

    @TempDir
    static Path registryDir;
    private static DockerClient docker;
    private static AuthRegistry registry;

    @TempDir
    Path dir;
    private FakeAws ecr;
    private AwsClients aws;
    private EcrRegistryAuth ecrAuth;
    private final List<String> log = new ArrayList<>();
    private BuildFixture fixture;

    @BeforeAll
    static void startRegistry() throws IOException {
        docker = TestDocker.client();
        registry = AuthRegistry.start(registryDir, "AWS", PASSWORD);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void fakeEcr() {
        String token = Base64.getEncoder().encodeToString(("AWS:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        ecr = new FakeAws().handler(r -> FakeAws.Reply.amzJson("{\"authorizationData\":[{\"authorizationToken\":\""
                + token + "\",\"expiresAt\":" + Instant.now().plus(Duration.ofHours(12)).getEpochSecond()
                + ",\"proxyEndpoint\":\"http://" + registry.address() + "\"}]}"));
        aws = new AwsClients("us-east-1", Map.of(AwsClients.ECR, ecr.endpoint()), FakeAws.CREDENTIALS);
        // ECR's own host check would not match 127.0.0.1: this registry stands in for an ECR registry.
        ecrAuth = new EcrRegistryAuth(aws.ecr(), Clock.systemUTC(), registry.address()::equals);
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
        ecrAuth.close();
        aws.close();
        ecr.close();
    }

    private String repository(String name) {
        return registry.address() + "/drover-test/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }

    /** An image no registry has yet: the test base image and a file of its own. */
    private static String uniqueImage(DockerEngine engine) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            add(tar, "Dockerfile", "FROM " + TestDocker.BASE + "\nCOPY stamp /stamp\n");
            add(tar, "stamp", UUID.randomUUID() + "\n");
        }
        return engine.build(new ByteArrayInputStream(bytes.toByteArray()), "Dockerfile",
                "drover-test/push:" + UUID.randomUUID(), Map.of(), line -> { });
    }

    private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Test
    void withoutALoginThePushIsRefusedSayingWhatToSet() throws IOException {
        DockerEngine anonymous = new DockerEngine(docker, Duration.ofMinutes(2));
        String image = uniqueImage(anonymous);
        String repository = repository("anonymous");

        assertThatThrownBy(() -> anonymous.pushed(repository, "t1"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("could not look up " + repository + ":t1")
                .hasMessageContaining("set drover.builds.registry-auth");
        assertThatThrownBy(() -> anonymous.push(image, repository, "t1", log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("push of " + repository + ":t1 failed")
                .hasMessageContaining("set drover.builds.registry-auth");
    }

    @Test
    void anEcrTokenPushesTheDigestIsRecordedAndTheImagePullsBackByDigest() throws Exception {
        DockerEngine engine = new DockerEngine(docker, Duration.ofMinutes(2), ecrAuth);
        String image = uniqueImage(engine);
        String repository = repository("ecr");
        String tag = sha();

        assertThat(engine.pushed(repository, tag)).isEmpty();
        String digest = engine.push(image, repository, tag, log::add);

        assertThat(digest).matches(Pattern.quote(repository) + "@sha256:[0-9a-f]{64}");
        assertThat(engine.pushed(repository, tag)).contains(digest);
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("push: "));

        docker.removeImageCmd(image).withForce(true).exec();
        assertThatThrownBy(() -> docker.inspectImageCmd(image).exec()).isInstanceOf(NotFoundException.class);
        docker.pullImageCmd(digest).withAuthConfig(new AuthConfig().withUsername("AWS").withPassword(PASSWORD)
                .withRegistryAddress(registry.address())).start().awaitCompletion(60, TimeUnit.SECONDS);
        InspectImageResponse pulled = docker.inspectImageCmd(digest).exec();
        assertThat(pulled.getId()).isEqualTo(image);
        assertThat(pulled.getRepoDigests()).contains(digest);

        assertThat(ecr.requests()).as("one token for the lookups and the push").singleElement()
                .satisfies(r -> assertThat(r.target()).isEqualTo("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken"));
        assertThat(ecr.unsigned()).isEmpty();
    }

    @Test
    void aBasicLoginPushesAndAWrongPasswordIsRefusedNamingTheSettings() throws IOException {
        DockerEngine wrong = new DockerEngine(docker, Duration.ofMinutes(2),
                RegistryAuth.basic(registry.address(), "AWS", "not-" + PASSWORD));
        DockerEngine right = new DockerEngine(docker, Duration.ofMinutes(2),
                RegistryAuth.basic(registry.address(), "AWS", PASSWORD));
        String image = uniqueImage(right);
        String repository = repository("basic");

        assertThatThrownBy(() -> wrong.push(image, repository, "t1", log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("refused Drover's login")
                .hasMessageContaining("drover.builds.registry-username");
        assertThat(right.push(image, repository, "t1", log::add)).startsWith(repository + "@sha256:");
    }

    @Test
    void aGreenCommitIsPushedUnderItsFullShaAndTheRevisionNamesTheDigest() throws Exception {
        fixture = new BuildFixture(dir, Optional.of(registry.address() + "/drover-test"), ecrAuth);
        String sha = fixture.repo.commit("first", worker());
        fixture.repo.push();

        Build build = fixture.fetchAndBuild().orElseThrow();

        assertThat(build.status()).as(build.failure() + "\n" + build.buildLog()).isEqualTo(BuildStatus.GREEN);
        String repository = registry.address() + "/drover-test/" + fixture.service.name();
        assertThat(build.imageRef()).startsWith(repository + "@sha256:");
        assertThat(fixture.engine().pushed(repository, sha)).contains(build.imageRef());
        assertThat(fixture.revisions.find(fixture.service.id(), 1))
                .hasValueSatisfying(r -> assertThat(r.imageRef()).isEqualTo(build.imageRef()));
    }

    @Test
    void aCommitWhoseTagWasPushedBeforeKeepsThatDigest() throws Exception {
        fixture = new BuildFixture(dir, Optional.of(registry.address() + "/drover-test"), ecrAuth);
        String sha = fixture.repo.commit("first", worker());
        fixture.repo.push();
        String repository = registry.address() + "/drover-test/" + fixture.service.name();
        // The same commit pushed before, from bytes that differ (another build host, a build before a restart).
        String earlier = fixture.engine().push(uniqueImage(fixture.engine()), repository, sha, log::add);

        Build build = fixture.fetchAndBuild().orElseThrow();

        assertThat(build.status()).as(build.failure() + "\n" + build.buildLog()).isEqualTo(BuildStatus.GREEN);
        assertThat(build.imageRef()).isEqualTo(earlier);
        assertThat(build.buildLog()).contains(repository + ":" + sha + " was pushed before as " + earlier);
        assertThat(fixture.engine().pushed(repository, sha)).contains(earlier);
        assertThat(fixture.revisions.find(fixture.service.id(), 1))
                .hasValueSatisfying(r -> assertThat(r.imageRef()).isEqualTo(earlier));
    }

    private Map<String, String> worker() {
        return Map.of(
                "drover.yaml", fixture.spec("[\"sh\", \"-c\", \"test -e /app/src/work.sh\"]", "1m"),
                "Dockerfile", "FROM " + TestDocker.BASE + "\nCOPY src/ /app/src/\nRUN echo " + UUID.randomUUID() + "\n",
                "src/work.sh", "echo working\n");
    }
}

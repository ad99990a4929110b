package dev.drover.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.commit.Commit;
import dev.drover.commit.CommitStore;
import dev.drover.git.TestRepo;
import dev.drover.secret.SecretText;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks on the real HTTP server against a real repository on disk (polling off). */
@MicronautTest
class WebhookHttpTest {
    private static final SecretText SECRET = new SecretText("s3cret-hook");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    Services services;

    @Inject
    CommitStore commits;

    @Inject
    DeliveryStore deliveries;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestRepo repo;
    private Service service;
    private String name;

    @BeforeEach
    void setUp() {
        name = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        repo = TestRepo.create(dir);
        repo.commit("first", Map.of("drover.yaml", TestRepo.validSpec(name)));
        repo.push();
        service = services.add(new ServiceSettings(name, repo.url(), "main", SECRET, null));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    private HttpResponse<String> post(String provider, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/hooks/" + provider + "/" + name))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length == 0 || java.util.Arrays.stream(headers).noneMatch("Content-Type"::equals)) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String push(String ref, String after) {
        return "{\"ref\":\"" + ref + "\",\"before\":\"" + "0".repeat(40) + "\",\"after\":\"" + after
                + "\",\"repository\":{\"name\":\"x\"},\"commits\":[]}";
    }

    private HttpResponse<String> github(String body, String delivery) {
        return post("github", body, "X-GitHub-Event", "push", "X-GitHub-Delivery", delivery,
                "X-Hub-Signature-256", Hmac.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> recorded() {
        return commits.list(service.id(), 100).stream().map(Commit::sha).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    @Test
    void aSignedGitHubPushRecordsTheCommitOnceAndARedeliveryChangesNothing() {
        String sha = repo.commit("second");
        repo.push();

        HttpResponse<String> first = github(push("refs/heads/main", sha), "d-1");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).path("outcome").asText()).isEqualTo("accepted");
        assertThat(recorded()).containsExactly(sha);

        HttpResponse<String> again = github(push("refs/heads/main", sha), "d-1");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("reason").asText()).isEqualTo("redelivery of d-1");
        assertThat(recorded()).containsExactly(sha);
    }

    @Test
    void aWrongOrMissingSignatureIs401AndRecordsNothing() {
        String sha = repo.commit("second");
        repo.push();
        String body = push("refs/heads/main", sha);

        HttpResponse<String> wrong = post("github", body, "X-GitHub-Event", "push",
                "X-Hub-Signature-256", Hmac.sign(new SecretText("not-the-secret"), body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> missing = post("github", body, "X-GitHub-Event", "push");
        HttpResponse<String> tampered = post("github", body.replace("x", "y"), "X-GitHub-Event", "push",
                "X-Hub-Signature-256", Hmac.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));

        for (HttpResponse<String> response : List.of(wrong, missing, tampered)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(response).path("detail").asText()).contains("signature missing or wrong");
        }
        assertThat(recorded()).isEmpty();
        assertThat(deliveries.list(name, 10)).extracting(Delivery::outcome).containsOnly(DeliveryOutcome.REFUSED);
    }

    @Test
    void pushesToOtherBranchesPingsAndDeletionsAreAcceptedAndIgnored() {
        assertThat(json(github(push("refs/heads/feature", "a".repeat(40)), "d-2")).path("reason").asText())
                .isEqualTo("push to refs/heads/feature; this service follows refs/heads/main");
        assertThat(json(github(push("refs/heads/main", "0".repeat(40)), "d-3")).path("outcome").asText()).isEqualTo("ignored");
        String ping = "{\"zen\":\"hi\"}";
        HttpResponse<String> pinged = post("github", ping, "X-GitHub-Event", "ping",
                "X-Hub-Signature-256", Hmac.sign(SECRET, ping.getBytes(StandardCharsets.UTF_8)));
        assertThat(pinged.statusCode()).isEqualTo(200);
        assertThat(recorded()).isEmpty();
    }

    @Test
    void malformedJsonIs400OversizedIs413AndAnUnknownServiceIs404() {
        String garbage = "{not json";
        HttpResponse<String> malformed = post("github", garbage, "X-GitHub-Event", "push",
                "X-Hub-Signature-256", Hmac.sign(SECRET, garbage.getBytes(StandardCharsets.UTF_8)));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("detail").asText()).contains("not JSON");

        HttpResponse<String> huge = github("{\"pad\":\"" + "x".repeat(70_000) + "\"}", "d-4");
        assertThat(huge.statusCode()).isEqualTo(413);

        HttpResponse<String> unknown = post("github", "{}", "X-GitHub-Event", "push");
        assertThat(unknown.statusCode()).isEqualTo(401);
        name = "no-such-service";
        assertThat(post("github", "{}", "X-GitHub-Event", "push").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormEncodedGitHubDeliveryIsReadToo() {
        String sha = repo.commit("second");
        repo.push();
        String body = "payload=" + URLEncoder.encode(push("refs/heads/main", sha), StandardCharsets.UTF_8);

        HttpResponse<String> response = post("github", body, "Content-Type", "application/x-www-form-urlencoded",
                "X-GitHub-Event", "push", "X-Hub-Signature-256", Hmac.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(recorded()).containsExactly(sha);
    }

    @Test
    void gitLabPushesCarryTheSecretAsAToken() {
        String sha = repo.commit("second");
        repo.push();
        String body = push("refs/heads/main", sha);

        assertThat(post("gitlab", body, "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", "wrong").statusCode()).isEqualTo(401);
        assertThat(recorded()).isEmpty();
        HttpResponse<String> ok = post("gitlab", body, "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET.value(),
                "X-Gitlab-Event-UUID", "u-1");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(post("gitlab", body, "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET.value(),
                "X-Gitlab-Event-UUID", "u-1").statusCode()).isEqualTo(200);
        assertThat(post("gitlab", push("refs/heads/dev", sha), "X-Gitlab-Event", "Push Hook",
                "X-Gitlab-Token", SECRET.value()).statusCode()).isEqualTo(200);
        assertThat(recorded()).containsExactly(sha);
    }

    @Test
    void genericGitHooksAreSignedLikeGitHubs() {
        String sha = repo.commit("second");
        repo.push();
        String body = "{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(40) + "\",\"after\":\"" + sha + "\"}";

        assertThat(post("git", body, "X-Drover-Signature-256", "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(recorded()).isEmpty();
        assertThat(post("git", body, "X-Drover-Signature-256", Hmac.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(202);
        assertThat(recorded()).containsExactly(sha);
    }

    @Test
    void everyDeliveryIsRecordedWithWhatBecameOfIt() {
        String sha = repo.commit("second");
        repo.push();
        github(push("refs/heads/main", sha), "d-5");
        post("github", "{}", "X-GitHub-Event", "push");

        List<Delivery> recordedDeliveries = deliveries.list(name, 10);
        assertThat(recordedDeliveries).extracting(Delivery::outcome)
                .containsExactly(DeliveryOutcome.REFUSED, DeliveryOutcome.ACCEPTED);
        assertThat(recordedDeliveries.get(1).reason()).isEqualTo("fetched: 1 new commit");
        assertThat(recordedDeliveries.get(1).deliveryId()).isEqualTo("d-5");
        assertThat(recordedDeliveries.get(1).afterSha()).isEqualTo(sha);
    }
}

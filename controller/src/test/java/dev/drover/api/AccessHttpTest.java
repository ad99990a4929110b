package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer on a real server: tokens, roles, problems and the audit of every mutating call. */
@MicronautTest
class AccessHttpTest {
    @Inject
    EmbeddedServer server;

    @Inject
    AccessTokens tokens;

    private Http http;
    private String admin;
    private String viewer;

    @BeforeEach
    void setUp() {
        http = new Http(URI.create(server.getURL().toString() + "/"));
        String suffix = Long.toString(System.nanoTime(), 36);
        admin = tokens.issue("admin-" + suffix, Role.ADMIN, "test").secret().value();
        viewer = tokens.issue("viewer-" + suffix, Role.VIEWER, "test").secret().value();
    }

    @Test
    void withoutATokenEveryApiCallIs401WithAProblemThatSaysWhatToSend() {
        Http.Reply reply = http.get("api/v1/status", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("title").asText()).isEqualTo("Authentication required");
        assertThat(problem.path("detail").asText()).contains("Authorization: Bearer");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/status");
        assertThat(problem.path("requestId").asText()).isNotBlank();
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"drover\"");
    }

    @Test
    void anUnknownTokenIs401AndSaysSo() {
        Http.Reply reply = http.get("api/v1/status", "drv_not-a-real-token");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("detail").asText()).contains("unknown or revoked");
    }

    @Test
    void aViewerTokenOnAnAdminCallIs403NamingTheRoleNeeded() {
        Http.Reply reply = http.post("api/v1/tokens", viewer, "{\"name\":\"x1\",\"role\":\"viewer\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("title").asText()).isEqualTo("Role too low");
        assertThat(reply.json().path("detail").asText()).contains("has role viewer").contains("admin");
    }

    @Test
    void aViewerReadsStatusAndIsToldWhoItIs() {
        Http.Reply reply = http.get("api/v1/status", viewer);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode status = reply.json();
        assertThat(status.path("health").asText()).isEqualTo("UP");
        assertThat(status.path("database").asText()).startsWith("H2");
        assertThat(status.path("version").asText()).isNotBlank();
        assertThat(status.path("caller").path("role").asText()).isEqualTo("viewer");
        assertThat(status.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void anAdminCreatesATokenWhoseSecretWorksAtOnce() {
        Http.Reply created = http.post("api/v1/tokens", admin, "{\"name\":\"ci-bot\",\"role\":\"deployer\"}");

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        assertThat(created.json().path("token").path("role").asText()).isEqualTo("deployer");
        assertThat(created.json().path("token").has("hash")).isFalse();
        assertThat(http.get("api/v1/status", secret).json().path("caller").path("name").asText()).isEqualTo("ci-bot");
        assertThat(http.get("api/v1/tokens", admin).body()).contains("ci-bot").doesNotContain(secret);
    }

    @Test
    void badInputIsA400ProblemAndADuplicateA409() {
        Http.Reply badRole = http.post("api/v1/tokens", admin, "{\"name\":\"x2\",\"role\":\"root\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.contentType()).startsWith("application/problem+json");
        assertThat(badRole.json().path("detail").asText()).contains("unknown role 'root'");

        Http.Reply malformed = http.post("api/v1/tokens", admin, "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        http.post("api/v1/tokens", admin, "{\"name\":\"twice\",\"role\":\"viewer\"}");
        Http.Reply duplicate = http.post("api/v1/tokens", admin, "{\"name\":\"twice\",\"role\":\"viewer\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("detail").asText()).contains("'twice' already exists");
    }

    @Test
    void everyMutatingCallIsAuditedAllowedOrRefused() {
        http.post("api/v1/tokens", null, "{\"name\":\"a1\",\"role\":\"viewer\"}", "X-Drover-Reason", "no token");
        http.post("api/v1/tokens", viewer, "{\"name\":\"a2\",\"role\":\"viewer\"}", "X-Drover-Reason", "too low");
        http.post("api/v1/tokens", admin, "{\"name\":\"a3\",\"role\":\"viewer\",\"reason\":\"new teammate\"}");
        http.post("api/v1/tokens", admin, "{\"name\":\"a4\",\"role\":\"nope\"}");

        JsonNode audit = http.get("api/v1/audit?limit=4&action=token.create", viewer).json();
        List<String> rows = new ArrayList<>();
        for (JsonNode e : audit) {
            rows.add(e.path("actor").asText().replaceAll("-[a-z0-9]+$", "") + " " + e.path("outcome").asText()
                    + " " + e.path("status").asInt() + " " + e.path("target").asText() + " " + e.path("reason").asText());
        }
        assertThat(rows).containsExactly(
                "admin rejected 400 token/a4 null",
                "admin ok 201 token/a3 new teammate",
                "viewer refused 403 /api/v1/tokens too low",
                "anonymous refused 401 /api/v1/tokens no token");
        assertThat(audit.get(2).path("detail").asText()).contains("has role viewer");
        assertThat(audit.get(0).path("requestId").asText()).isNotBlank();
    }

    @Test
    void readsAreNotAudited() {
        long before = http.get("api/v1/audit?limit=1000", viewer).json().size();
        http.get("api/v1/status", viewer);
        http.get("api/v1/tokens", admin);
        assertThat(http.get("api/v1/audit?limit=1000", viewer).json().size()).isEqualTo(before);
    }

    @Test
    void requestIdsAreEchoedOrMinted() {
        Http.Reply given = http.post("api/v1/tokens", null, "{}", "X-Request-Id", "trace-123");
        assertThat(given.raw().headers().firstValue("X-Request-Id")).contains("trace-123");
        assertThat(given.json().path("requestId").asText()).isEqualTo("trace-123");

        Http.Reply minted = http.get("api/v1/status", viewer);
        assertThat(minted.raw().headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(16));
    }
}

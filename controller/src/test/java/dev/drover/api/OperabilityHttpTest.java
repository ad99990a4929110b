package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What operators and their tools read without a token: health, metrics, the OpenAPI document, the front page. */
@MicronautTest
class OperabilityHttpTest {
    @Inject
    EmbeddedServer server;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(URI.create(server.getURL().toString() + "/"));
    }

    @Test
    void healthIsOpenAndIncludesTheDatabase() {
        Http.Reply health = http.get("health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("details").path("database").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreServed() {
        http.get("api/v1/status", null);
        Http.Reply metrics = http.getAccepting("prometheus", "text/plain");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Http.Reply openapi = http.getAccepting("openapi/drover.yml", "*/*");

        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("openapi: 3").contains("/api/v1/tokens").contains("/api/v1/audit")
                .contains("/api/v1/status").contains("bearer");
    }

    @Test
    void theFrontPageIsServed() {
        Http.Reply page = http.getAccepting("", "text/html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Drover</title>");
    }

    @Test
    void anUnknownApiPathIsAProblemNotAPage() {
        Http.Reply missing = http.get("api/v1/nothing-here", null);

        assertThat(missing.status()).isIn(401, 404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }
}

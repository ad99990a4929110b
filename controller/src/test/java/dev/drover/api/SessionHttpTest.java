package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.audit.AuditQuery;
import dev.drover.audit.AuditStore;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's sign-in over real HTTP: the cookie, its CSRF token, sign-out, revocation, and the page's headers. */
@MicronautTest
class SessionHttpTest {
    @Inject
    EmbeddedServer server;

    @Inject
    AccessTokens tokens;

    @Inject
    AuditStore audit;

    private Http http;
    private String name;
    private String deployer;

    @BeforeEach
    void setUp() {
        http = new Http(URI.create(server.getURL().toString() + "/"));
        name = "oncall-" + Long.toString(System.nanoTime(), 36);
        deployer = tokens.issue(name, Role.DEPLOYER, "test").secret().value();
    }

    private record Signed(String cookie, String csrf, Http.Reply reply) {
    }

    private Signed signIn(String token, String... headers) {
        Http.Reply reply = http.send("POST", "api/v1/session", "{\"token\":\"" + token + "\"}", headers);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String setCookie = reply.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return new Signed(setCookie.substring("drover_session=".length(), setCookie.indexOf(';')),
                reply.json().path("csrfToken").asText(), reply);
    }

    @Test
    void aTokenBecomesAnHttpOnlyStrictCookieWhoseSecretIsNotTheTokenAndTheAnswerCarriesTheCsrfToken() {
        Signed s = signIn(deployer);

        String setCookie = s.reply().raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("drover_session=drs_").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/").contains("Max-Age=43200")
                .doesNotContainIgnoringCase("Secure");
        assertThat(s.cookie()).isNotEqualTo(deployer);
        JsonNode body = s.reply().json();
        assertThat(body.path("name").asText()).isEqualTo(name);
        assertThat(body.path("role").asText()).isEqualTo("deployer");
        assertThat(s.csrf()).hasSizeGreaterThan(40);
        assertThat(s.reply().body()).doesNotContain(deployer).doesNotContain(s.cookie());

        Http.Reply status = http.send("GET", "api/v1/status", null, "Cookie", "drover_session=" + s.cookie());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("caller").path("name").asText()).isEqualTo(name);
        Http.Reply again = http.send("GET", "api/v1/session", null, "Cookie", "drover_session=" + s.cookie());
        assertThat(again.json().path("csrfToken").asText()).isEqualTo(s.csrf());
        assertThat(audit.list(new AuditQuery(20, null, null, "session.start")))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("token/" + name));
    }

    @Test
    void behindATlsProxyTheCookieIsSecure() {
        String setCookie = signIn(deployer, "X-Forwarded-Proto", "https").reply().raw().headers()
                .firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("Secure");
    }

    @Test
    void anUnknownTokenIsRefusedAndNobodySignedInReadsAsNobody() {
        Http.Reply refused = http.send("POST", "api/v1/session", "{\"token\":\"drv_nope\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("unknown or revoked");
        assertThat(refused.raw().headers().firstValue("Set-Cookie")).isEmpty();

        Http.Reply nobody = http.send("GET", "api/v1/session", null);
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.json().path("role").isNull()).isTrue();

        Http.Reply blank = http.send("POST", "api/v1/session", "{}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("detail").asText()).contains("token is required");
    }

    @Test
    void aStateChangeWithTheCookieNeedsTheCsrfTokenButABearerTokenDoesNot() {
        Signed s = signIn(deployer);
        String cookie = "drover_session=" + s.cookie();

        Http.Reply without = http.send("POST", "api/v1/services/none/lock", "{\"reason\":\"r\"}", "Cookie", cookie);
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().path("title").asText()).isEqualTo("CSRF token missing or wrong");
        Http.Reply wrong = http.send("DELETE", "api/v1/session", null, "Cookie", cookie, "X-CSRF-Token", "forged");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(audit.list(new AuditQuery(20, null, name, "session.end")))
                .anySatisfy(e -> assertThat(e.outcome().wireName()).isEqualTo("refused"));

        assertThat(http.post("api/v1/services/none/lock", deployer, "{\"reason\":\"r\"}").status())
                .as("a bearer token goes through to the endpoint (which finds no service)").isEqualTo(404);
    }

    @Test
    void signingOutOrRevokingTheTokenEndsTheSession() {
        Signed first = signIn(deployer);
        Http.Reply out = http.send("DELETE", "api/v1/session", null, "Cookie", "drover_session=" + first.cookie(),
                "X-CSRF-Token", first.csrf());
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        Http.Reply after = http.send("GET", "api/v1/status", null, "Cookie", "drover_session=" + first.cookie());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().path("detail").asText()).contains("sign in again");

        Signed second = signIn(deployer);
        tokens.revoke(name);
        assertThat(http.send("GET", "api/v1/status", null, "Cookie", "drover_session=" + second.cookie()).status())
                .isEqualTo(401);
    }

    @Test
    void theDashboardIsServedWithHeadersThatKeepItToItself() {
        Http.Reply page = http.send("GET", "", null, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/app.js\">")
                .containsPattern("/webjars/chart.js/\\d+\\.\\d+\\.\\d+/dist/chart.umd.min.js");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        Http.Reply chart = http.send("GET", page.body().replaceAll("(?s).*src=\"/(webjars/[^\"]+)\".*", "$1"), null,
                "Accept", "*/*");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart");
        Http.Reply script = http.send("GET", "assets/app.js", null, "Accept", "*/*");
        assertThat(script.contentType()).contains("javascript");
    }
}

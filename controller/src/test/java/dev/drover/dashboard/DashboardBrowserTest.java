package dev.drover.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.TestPorts;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.api.Http;
import dev.drover.commit.CommitStore;
import dev.drover.commit.CommitIntake;
import dev.drover.commit.MirrorException;
import dev.drover.job.FakeAgent;
import dev.drover.job.JobSubmission;
import dev.drover.job.NewJob;
import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.RolloutCommands;
import dev.drover.rollout.RolloutEngine;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against a controller with real data: services with tiers and
 * revisions, a rollout in flight whose jobs a hand-played agent runs, a locked service, sessions for a
 * viewer and a deployer. Screenshots of every page at 1280 px and at phone width land in target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;

    /** A fixed port and a named in-memory database, so the last test can restart the controller under the page. */
    private static final Map<String, Object> PROPERTIES = Map.of(
            "drover.http.port", TestPorts.free(),
            "drover.database.url", "jdbc:h2:mem:dashboard-" + System.nanoTime()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "drover.rollouts.min-bake", "0s",
            "drover.rollouts.min-jobs", "1",
            "drover.targets.cpu.labels.capacity", "on-demand",
            "drover.dashboard.live-interval", "300ms");

    private static EmbeddedServer server;
    private static ApplicationContext context;
    private static String base;
    private static String viewer;
    private static String deployer;
    private static FakeAgent agent;
    private static Service thumbnailer;
    private static long rolloutId;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, PROPERTIES, "test");
        context = server.getApplicationContext();
        base = server.getURL().toString();
        AccessTokens tokens = context.getBean(AccessTokens.class);
        viewer = tokens.issue("dash-viewer", Role.VIEWER, "test").secret().value();
        deployer = tokens.issue("dash-deployer", Role.DEPLOYER, "test").secret().value();
        agent = new FakeAgent(URI.create(base + "/"), tokens.issue("dash-agent", Role.AGENT, "test").secret().value());
        assertThat(agent.register("{\"capacity\":\"on-demand\"}", 8, 0).status()).isEqualTo(200);

        RolloutCommands commands = context.getBean(RolloutCommands.class);
        TierStateStore tiers = context.getBean(TierStateStore.class);
        thumbnailer = service("thumbnailer");
        tiers.deployAll(thumbnailer.id(), List.of("canary", "main"), 1, Instant.now());
        commands.deploy(thumbnailer.id(), 2, "dash-deployer", "ship the new resize kernel", false);
        context.getBean(RolloutEngine.class).reconcile();
        rolloutId = context.getBean(dev.drover.rollout.RolloutStore.class).open(thumbnailer.id()).get(0).id();

        Service reports = service("reports");
        tiers.deployAll(reports.id(), List.of("canary", "main"), 1, Instant.now());
        commands.lock(reports.id(), "oncall-ada", "incident 4711: storage migration");

        Service resizer = service("resizer");
        tiers.deployAll(resizer.id(), List.of("canary", "main"), 1, Instant.now());
        commands.deploy(resizer.id(), 2, "dash-deployer", "new sizes", false);
        context.getBean(RolloutEngine.class).reconcile();
        commands.promote(resizer.id(), true, "dash-deployer");
        for (int i = 0; i < 3; i++) {
            context.getBean(RolloutEngine.class).reconcile();
        }

        Service archiver = service("archiver");
        tiers.deployAll(archiver.id(), List.of("canary", "main"), 1, Instant.now());
        assertThatThrownBy(() -> context.getBean(CommitIntake.class).synchronize(archiver))
                .as("fetching file:///none fails, and the service keeps why").isInstanceOf(MirrorException.class);

        driver = TestBrowser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // the page redraws itself on every live change
    }

    /** A service with revisions 1 and 2 of a two-stage ladder: canary (half the canary tier's jobs), then main. */
    private static Service service(String name) {
        Service s = context.getBean(Services.class).add(new ServiceSettings(name, "file:///none", "main", null, null));
        RevisionSpec spec = new RevisionSpec(List.of("python", "-m", "worker"), Map.of(), Map.of(), 1, 1L << 30, 64L << 20,
                600, 1, 0, "optional", false,
                List.of(new RevisionSpec.Tier("canary", "cpu", 50, 0), new RevisionSpec.Tier("main", "cpu", 50, 0)),
                List.of(new RevisionSpec.Stage(List.of("canary"), 0, 3, 0.5, 3600),
                        new RevisionSpec.Stage(List.of("main"), 0, 3, 0.5, 3600)), null);
        for (String sha : List.of("a", "b")) {
            GreenRevisions.create(context.getBean(CommitStore.class), context.getBean(RevisionStore.class), s.id(),
                    sha.repeat(40), "127.0.0.1:5000/" + name + "@sha256:" + sha.repeat(64), spec, Instant.now());
        }
        return s;
    }

    @AfterAll
    static void stop() {
        TestBrowser.quit(driver);
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsEachTiersRevisionsTheLockAndTheRolloutInFlight() {
        signIn(viewer, "dash-viewer");
        assertThat(text("section[data-service=thumbnailer]")).contains("canary").contains("main").contains("revision 1").contains("revision 2")
                .contains("Rollout #" + rolloutId + ": revision 2 (from 1)").contains("Stage 1 of 2 (canary)");
        assertThat(driver.findElements(By.cssSelector("section[data-service=thumbnailer] progress"))).hasSize(1);
        assertThat(text("section[data-service=reports] [data-test=lock]")).contains("oncall-ada").contains("incident 4711: storage migration")
                .contains("since");
        assertThat(text("section[data-service=resizer]")).contains("Unlocked");
        assertThat(text("section[data-service=archiver] [data-test=fetch-error]")).contains("New commits are not coming in")
                .contains("failed: fetching file:///none");
    }

    @Test
    @Order(2)
    void aRolloutProgressingInTheBackendProgressesOnThePageWithoutAReload() {
        signIn(viewer, "dash-viewer");
        js("window.__sameDocument = true");
        assertThat(progressLabel()).contains("Stage 1 of 2");

        submit(thumbnailer, 40);
        runQueuedJobs();
        wait.until(d -> progressLabel().contains("jobs judged canary") && !progressLabel().contains("canary 0/0"));
        for (int i = 0; i < 5; i++) {
            context.getBean(RolloutEngine.class).reconcile();
        }
        wait.until(d -> progressLabel().contains("Stage 2 of 2 (main)"));
        assertThat(js("return window.__sameDocument === true")).isEqualTo(true);
        assertThat(text("section[data-service=thumbnailer] [data-test=verdicts]")).contains("main")
                .contains("Stage 2");
    }

    @Test
    @Order(3)
    void aDeployerRollsBackFromThePageWithAReasonAndTheAuditLogShowsIt() {
        signIn(deployer, "dash-deployer");
        open("#/services/resizer", "resizer");
        WebElement rollback = tabTo("rollback-resizer");
        rollback.sendKeys(Keys.ENTER);
        WebElement dialog = wait.until(d -> d.findElement(By.cssSelector("dialog[open]")));
        WebElement confirm = dialog.findElement(By.id("action-confirm"));
        assertThat(confirm.getText()).isEqualTo("Roll back to revision 1");
        assertThat(dialog.getText()).contains("main: revision 2 → 1").contains("canary: revision 2 → 1");

        confirm.click(); // no reason: the form does not submit
        assertThat(driver.findElements(By.cssSelector("dialog[open]"))).hasSize(1);
        assertThat(auditedRollbacks()).isZero();

        dialog.findElement(By.id("action-reason")).sendKeys("bad thumbnails in run 42");
        confirm.click();
        wait.until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
        wait.until(d -> main().contains("Locked after a rollback by dash-deployer"));
        assertThat(text("main section:first-of-type table tbody").lines()).hasSize(2).allSatisfy(row ->
                assertThat(row).contains("revision 1").doesNotContain("revision 2"));

        open("#/audit", "Audit log");
        wait.until(d -> main().contains("bad thumbnails in run 42"));
        String entry = text("main tbody").lines().filter(r -> r.contains("bad thumbnails in run 42")).findFirst()
                .orElseThrow();
        assertThat(entry).contains("dash-deployer").contains("rollback").contains("service/resizer").contains("ok");
    }

    @Test
    @Order(4)
    void aViewerSeesNoActionsAndTheApiRefusesAViewerOrAMissingCsrfToken() throws Exception {
        signIn(viewer, "dash-viewer");
        assertThat(driver.findElements(By.cssSelector(".actions button"))).isEmpty();
        assertThat(main()).doesNotContain("Roll back").doesNotContain("Lock…");
        assertThat(js("return document.cookie")).asString().doesNotContain("drover_session");
        String viewerCookie = driver.manage().getCookieNamed("drover_session").getValue();
        assertThat(driver.manage().getCookieNamed("drover_session").isHttpOnly()).isTrue();
        assertThat(driver.manage().getCookieNamed("drover_session").getSameSite()).isEqualTo("Strict");

        Http.Reply asViewer = lock("archiver", viewerCookie, csrf(viewerCookie));
        assertThat(asViewer.status()).isEqualTo(403);
        assertThat(asViewer.body()).contains("dash-viewer").contains("deployer");

        Http.Reply signedIn = post("api/v1/session", null, null, "{\"token\":\"" + deployer + "\"}");
        assertThat(signedIn.status()).isEqualTo(200);
        String setCookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String deployerCookie = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));

        Http.Reply noToken = lock("archiver", deployerCookie, null);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");
        Http.Reply wrongToken = lock("archiver", deployerCookie, csrf(viewerCookie));
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(http().get("api/v1/services/archiver/lock", deployer).body()).contains("\"locked\":false");

        Http.Reply allowed = lock("archiver", deployerCookie, csrf(deployerCookie));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"locked\":true");
        assertThat(post("api/v1/services/archiver/unlock", deployerCookie, csrf(deployerCookie), "{}").status())
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void noPageLogsAConsoleErrorAtEitherWidthAndEachIsPhotographed() throws IOException {
        driver.get(base + "/health");
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        wait.until(d -> d.findElement(By.id("token")).isDisplayed());
        photograph("signin");

        signIn(deployer, "dash-deployer");
        String jobId = firstJob();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("overview", "#/");
        pages.put("service", "#/services/thumbnailer");
        pages.put("rollout", "#/services/thumbnailer/rollouts/" + rolloutId + "?stage=1");
        pages.put("jobs", "#/jobs?service=thumbnailer");
        pages.put("job", "#/jobs/" + jobId);
        pages.put("cost", "#/cost?service=thumbnailer");
        pages.put("agents", "#/agents");
        pages.put("audit", "#/audit");
        Map<String, String> headings = Map.of("overview", "Overview", "service", "thumbnailer", "rollout", "rollout #",
                "jobs", "Jobs", "job", "Job", "cost", "Cost", "agents", "Agents", "audit", "Audit log");
        for (var page : pages.entrySet()) {
            open(page.getValue(), headings.get(page.getKey()));
            photograph(page.getKey());
        }
        assertThat(main()).contains("dash-agent");
        open("#/services/thumbnailer/rollouts/" + rolloutId + "?stage=1", "rollout #");
        assertThat(driver.findElements(By.cssSelector("main canvas"))).isNotEmpty();
        assertThat(main()).contains("Code failures").contains("Duration p95").contains("Cost per job");
    }

    @Test
    @Order(6)
    void aLostConnectionSaysSoAndTheLiveViewComesBack() {
        signIn(viewer, "dash-viewer");
        server.stop(); // the controller goes away (its database and the session in it stay); the page stays
        wait.until(d -> text("#live").contains("reconnecting") || text("#live").contains("retrying"));
        server = ApplicationContext.run(EmbeddedServer.class, PROPERTIES, "test");
        context = server.getApplicationContext();
        context.getBean(RolloutCommands.class).lock(thumbnailer.id(), "oncall-bo", "while the page was cut off");
        wait.until(d -> text("#live").equals("Live"));
        wait.until(d -> text("section[data-service=thumbnailer]").contains("while the page was cut off"));
        assertThat(text("#user")).contains("dash-viewer");
        TestBrowser.consoleErrors(driver); // the refused reconnects while it was down are logged; they are the point here
    }

    // --- the browser

    private static void signIn(String token, String name) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(DESKTOP, 900));
        driver.get(base + "/health"); // the origin, without the dashboard's scripts running
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        WebElement input = wait.until(d -> d.findElement(By.id("token")));
        input.sendKeys(token);
        driver.findElement(By.id("signin")).click();
        wait.until(d -> d.findElement(By.id("user")).getText().contains(name));
        wait.until(d -> d.findElement(By.id("live")).getText().equals("Live"));
        wait.until(d -> !d.findElements(By.cssSelector("main section.card")).isEmpty());
        assertThat(TestBrowser.consoleErrors(driver)).isEmpty();
    }

    private static void open(String hash, String heading) {
        driver.get(base + "/" + hash);
        wait.until(d -> d.findElements(By.cssSelector("main h1")).stream().anyMatch(h -> h.getText().contains(heading)));
    }

    /** Moves focus with the Tab key alone until it reaches the element with this id. */
    private static WebElement tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
        }
        throw new AssertionError("#" + id + " is not reachable with the Tab key");
    }

    private static void photograph(String name) throws IOException {
        for (int width : List.of(DESKTOP, PHONE)) {
            TestBrowser.screenshot(driver, name, width);
            assertThat(TestBrowser.consoleErrors(driver)).as("console errors on %s at %d px", name, width).isEmpty();
            long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("%s scrolls sideways at %d px", name, width).isLessThanOrEqualTo(0L);
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(DESKTOP, 900));
    }

    /** The text of the element now on the page (read again when a redraw replaced it mid-read). */
    private static String text(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    private static String progressLabel() {
        return text("section[data-service=thumbnailer] [data-test=progress-label]");
    }

    private static String main() {
        return text("#main");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    // --- the backend

    private static void submit(Service service, int count) {
        context.getBean(JobSubmission.class).submit(service, Collections.nCopies(count, new NewJob(Map.of("IMAGE", "cat.png"),
                false, null)));
    }

    /** The agent takes every queued job and reports each one succeeded. */
    private static void runQueuedJobs() {
        for (int round = 0; round < 50; round++) {
            JsonNode given = agent.work(8);
            if (given.isEmpty()) {
                return;
            }
            for (JsonNode assignment : given) {
                Instant now = Instant.now();
                assertThat(agent.result(assignment.path("attemptId").asLong(), "succeeded", 0, 200L << 20,
                        now.minusSeconds(50 + assignment.path("attemptId").asLong() % 20), now).status()).isEqualTo(200);
            }
        }
    }

    private String firstJob() {
        return http().get("api/v1/services/thumbnailer/jobs?limit=1", deployer).json().get(0).path("id").asText();
    }

    private int auditedRollbacks() {
        return context.getBean(dev.drover.audit.AuditStore.class)
                .list(new dev.drover.audit.AuditQuery(50, null, null, "rollback")).size();
    }

    // --- the API, as another program would call it (api.Http: no framework between the test and the wire)

    private Http http() {
        return new Http(URI.create(base + "/"));
    }

    private String csrf(String cookie) {
        return http().send("GET", "api/v1/session", null, "Cookie", "drover_session=" + cookie).json().path("csrfToken")
                .asText();
    }

    private Http.Reply lock(String service, String cookie, String csrf) {
        return post("api/v1/services/" + service + "/lock", cookie, csrf, "{\"reason\":\"csrf check\"}");
    }

    private Http.Reply post(String path, String cookie, String csrf, String body) {
        List<String> headers = new ArrayList<>();
        if (cookie != null) {
            headers.addAll(List.of("Cookie", "drover_session=" + cookie));
        }
        if (csrf != null) {
            headers.addAll(List.of("X-CSRF-Token", csrf));
        }
        return http().send("POST", path, body, headers.toArray(String[]::new));
    }
}

package dev.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.TestPorts;
import dev.drover.store.jooq.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away and comes back, for real. A controller on PostgreSQL whose connection is cut. A
 * controller on the embedded database whose disk fills up: its home is on a small tmpfs that a filler file takes. Requests answer 503 with the cause in words (never SQL), {@code /health} says "disk full
 * at ...", the log says so once, and when the space comes back the controller recovers by itself, no restart.
 * The disk needs root for the mount: {@code ./drover test} and CI run as root.
 */
class DatabaseRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Path disk;
    private ControllerProcess controller;
    private TestDatabases.Opened db;
    private TcpCut cut;

    @AfterEach
    void stop() throws Exception {
        if (controller != null) {
            controller.kill();
        }
        if (cut != null) {
            cut.close();
        }
        if (db != null) {
            db.close();
        }
        if (disk != null) {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private HttpResponse<String> createToken(String token, String name) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(controller.url() + "/api/v1/tokens"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"role\": \"viewer\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(controller.url() + "/health"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * PostgreSQL goes away (the connection to it is cut: open connections dropped, new ones refused) and comes
     * back: requests answer 503 in words at once rather than hanging, the log says it once, and the pool
     * reconnects by itself.
     */
    @Test
    void aPostgresOutageIsA503InWordsAndThePoolReconnectsWhenItReturns() throws Exception {
        db = TestDatabases.open(TestDatabases.Backend.POSTGRES);
        URI pg = URI.create(db.pool().getJdbcUrl().substring("jdbc:".length()));
        cut = new TcpCut(pg.getHost(), pg.getPort());
        String url = db.pool().getJdbcUrl().replace("//" + pg.getHost() + ":" + pg.getPort() + "/",
                "//127.0.0.1:" + cut.port() + "/");
        Path tokenFile = dir.resolve("admin-token");
        controller = new ControllerProcess(TestPorts.free(), ControllerProcess.onPostgres(db, Map.of(
                "drover.home", dir.resolve("home").toString(),
                "drover.database.url", url,
                "drover.access.admin-token-file", tokenFile.toString(),
                "drover.git.poll-interval", "0s",
                "drover.builds.enabled", "false")), dir.resolve("controller.log")).start();
        String admin = Files.readString(tokenFile).trim();
        assertThat(createToken(admin, "before").statusCode()).isEqualTo(201);

        cut.cut();
        HttpResponse<String> during = createToken(admin, "during");
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.body()).contains("Database unavailable").contains("cannot reach the database")
                .doesNotContainIgnoringCase("insert");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(health().path("status").asText()));
        assertThat(health().path("details").path("database").path("details").path("error").asText())
                .startsWith("cannot reach the database");

        cut.mend();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "UP".equals(health().path("status").asText()));
        assertThat(createToken(admin, "after").statusCode()).as(controller.log()).isEqualTo(201);
        String log = controller.log();
        assertThat(log.lines().filter(l -> l.contains("database unavailable")).count())
                .as("logged once per change").isBetween(1L, 3L);
        assertThat(log).contains("database back after");
        assertThat(log.toLowerCase(java.util.Locale.ROOT)).doesNotContain("insert into").doesNotContain("sql [");
    }

    @Test
    void aFullDiskIsA503InWordsAndTheControllerRecoversWhenSpaceReturns() throws Exception {
        Assumptions.assumeTrue(root(), "mounting a small disk needs root (./drover test and CI run as root)");
        disk = Files.createDirectories(dir.resolve("disk"));
        int mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString())
                .inheritIO().start().waitFor();
        assertThat(mounted).as("mount a 24 MiB tmpfs").isZero();
        Path tokenFile = dir.resolve("admin-token");
        controller = new ControllerProcess(TestPorts.free(), Map.of(
                "drover.home", disk.resolve("home").toString(),
                "drover.database.url", "",
                "drover.access.admin-token-file", tokenFile.toString(),
                "drover.git.poll-interval", "0s",
                "drover.builds.enabled", "false"), dir.resolve("controller.log")).start();
        String admin = Files.readString(tokenFile).trim();
        assertThat(createToken(admin, "before").statusCode()).isEqualTo(201);

        Path filler = disk.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[1 << 16];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full
        }
        AtomicInteger n = new AtomicInteger();
        List<HttpResponse<String>> failed = new ArrayList<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> answer = createToken(admin, "during-" + n.incrementAndGet());
            if (answer.statusCode() >= 300) {
                failed.add(answer);
            }
            return answer.statusCode() == 503;
        });
        HttpResponse<String> unavailable = failed.get(failed.size() - 1);
        assertThat(unavailable.body()).contains("Database unavailable");
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(failed).allSatisfy(a -> assertThat(a.body().toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("insert").doesNotContain("select").doesNotContain("sql statement"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(health().path("status").asText()));
        String why = health().path("details").path("database").path("details").path("error").asText();
        assertThat(why).as(controller.log()).containsAnyOf("disk full at " + disk, "was closed after an error");

        Files.delete(filler);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "UP".equals(health().path("status").asText()));
        assertThat(createToken(admin, "after").statusCode()).as(controller.log()).isEqualTo(201);

        String log = controller.log();
        long unavailableLines = log.lines().filter(l -> l.contains("database unavailable")).count();
        assertThat(unavailableLines).as("logged once per change, not per request or tick").isBetween(1L, 3L);
        assertThat(log).contains("database back after");
        assertThat(log.toLowerCase(java.util.Locale.ROOT)).doesNotContain("insert into");
    }
}

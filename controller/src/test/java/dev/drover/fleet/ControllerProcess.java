package dev.drover.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.drover.store.jooq.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code drover server} as a separate process (this JVM's java and class path, settings as {@code -D}
 * properties), so a test can SIGKILL it and start it again on the same port and database.
 */
final class ControllerProcess {
    private final Map<String, String> settings;
    private final Path log;
    private final int port;
    private final List<String> args = new ArrayList<>();
    private Process process;

    ControllerProcess(int port, Map<String, String> settings, Path log) {
        this.port = port;
        this.settings = settings;
        this.log = log;
    }

    /** Arguments for {@code drover server} (e.g. {@code --config FILE}). */
    ControllerProcess withArgs(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** Settings for a controller on the test PostgreSQL schema {@code db} (a small pool), then {@code more} over them. */
    static Map<String, String> onPostgres(TestDatabases.Opened db, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "drover.database.url", db.pool().getJdbcUrl(),
                "drover.database.user", db.pool().getUsername(),
                "drover.database.password", db.pool().getPassword(),
                "drover.database.pool-size", "4"));
        settings.putAll(more);
        return settings;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts it and waits until {@code /health} answers (at most a minute). */
    ControllerProcess start() throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-Ddrover.http.port=" + port, "-Ddrover.http.host=127.0.0.1", "-cp",
                System.getProperty("java.class.path"), "dev.drover.cli.Drover", "server"));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the controller exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the controller did not answer /health within a minute:\n" + log());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

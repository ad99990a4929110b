package dev.drover.build;

import dev.drover.TestPorts;
import dev.drover.TestProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OCI registry that wants a login: Debian's {@code docker-registry} on a free loopback port, with
 * {@code htpasswd} auth for one user (its bcrypt line made here). The Docker engine talks plain HTTP to it,
 * as to any registry on 127.0.0.0/8. Skips without the binary, but fails under {@code ./drover test}.
 */
final class AuthRegistry implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final String address;

    private AuthRegistry(Process process, Path log, String address) {
        this.process = process;
        this.log = log;
        this.address = address;
    }

    /** Starts one storing under {@code dir}, answering once {@code /v2/} asks for a login. */
    static AuthRegistry start(Path dir, String user, String password) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            String why = BINARY + " is missing: ./drover test installs docker-registry";
            if ("1".equals(System.getenv("DROVER_TEST_DOCKER"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Files.writeString(dir.resolve("htpasswd"),
                user + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 6) + "\n");
        String address = "127.0.0.1:" + TestPorts.free();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                log: {level: info, accesslog: {disabled: true}}
                storage: {filesystem: {rootdirectory: "%s"}}
                http: {addr: "%s"}
                auth: {htpasswd: {realm: drover-test, path: "%s"}}
                """.formatted(dir.resolve("data"), address, dir.resolve("htpasswd")));
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder(BINARY.toString(), "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AuthRegistry registry = new AuthRegistry(process, log, address);
        try {
            Awaitility.await("docker-registry answering on " + address).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("docker-registry exited: " + registry.log());
                        }
                        return registry.status("/v2/") == 401;
                    });
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of its repositories. */
    String address() {
        return address;
    }

    /** What the registry has logged. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        TestProcesses.stop(process);
    }
}

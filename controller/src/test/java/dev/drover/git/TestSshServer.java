package dev.drover.git;

import dev.drover.TestPorts;
import dev.drover.TestProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server ({@code /usr/sbin/sshd}) on a free loopback port, as a child process with its own
 * config, host key and authorized_keys in a temp folder; the login user is the current OS user. Where sshd is
 * missing the test is skipped, or fails when {@code DROVER_TEST_REQUIRE_SSHD=1} (as {@code ./drover test} sets).
 */
public final class TestSshServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    /**
     * The type of the keys made here. ECDSA because JGit's MINA transport reads ed25519 keys only with an EdDSA
     * provider (Bouncy Castle or net.i2p eddsa) on the classpath; see {@code SshMirrorTest} for ed25519.
     */
    public static final String KEY_TYPE = "ed25519";
    /** How ssh names and fingerprints a key of {@link #KEY_TYPE}. */
    public static final String KEY_NAME = "ssh-ed25519";

    private final Path dir;
    private final int port;
    private final Process process;

    private TestSshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Skips (or fails, where sshd is required) when sshd is not installed. */
    public static void assumeInstalled() {
        if (Files.isExecutable(SSHD)) {
            return;
        }
        String why = SSHD + " is missing: install openssh-server (./drover test installs it)";
        if ("1".equals(System.getenv("DROVER_TEST_REQUIRE_SSHD"))) {
            Assertions.fail(why + "; DROVER_TEST_REQUIRE_SSHD=1 says this run must not skip the SSH tests");
        }
        Assumptions.abort(why);
    }

    /** Generates a host key and a client key into {@code dir}, authorizes the client key, starts sshd. */
    public static TestSshServer start(Path dir) {
        assumeInstalled();
        try {
            Files.createDirectories(dir);
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
            Path hostKey = keygen(dir.resolve("host_key"), KEY_TYPE, "");
            keygen(dir.resolve("client_key"), KEY_TYPE, "");
            Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
            int port = TestPorts.free();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n",
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + hostKey,
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "StrictModes no",
                    "UsePAM no",
                    "PidFile " + dir.resolve("sshd.pid"),
                    "LogLevel VERBOSE",
                    ""), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
            TestSshServer server = new TestSshServer(dir, port, process);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ssh://<user>@127.0.0.1:<port><absolute path>}. */
    public String url(Path repository) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + repository.toAbsolutePath();
    }

    public int port() {
        return port;
    }

    /** The private key whose public half is authorized. */
    public String clientKey() {
        return read(dir.resolve("client_key"));
    }

    /** A known_hosts line for this server: {@code [127.0.0.1]:<port> <type> <key>}. */
    public String knownHostsLine() {
        String[] pub = read(dir.resolve("host_key.pub")).trim().split(" ");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
    }

    public String log() {
        return read(dir.resolve("sshd.log"));
    }

    /** A fresh key pair at {@code file} and {@code file.pub}; an empty passphrase leaves it unencrypted. */
    public static Path keygen(Path file, String type, String passphrase) {
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "drover-test", "-f", file.toString()));
        return file;
    }

    /** A fresh unencrypted key pair of {@link #KEY_TYPE}. */
    public static Path keygen(Path file) {
        return keygen(file, KEY_TYPE, "");
    }

    /** Replaces the authorized keys with the public half of {@code key}. */
    public void authorize(Path key) {
        try {
            Files.copy(Path.of(key + ".pub"), dir.resolve("authorized_keys"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within 15s:\n" + log());
    }

    private static void pause() {
        try {
            Thread.sleep(50); // polling for readiness of a real process, not waiting for time to pass
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        TestProcesses.stop(process);
    }
}

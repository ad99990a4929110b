package dev.drover.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drover.commit.MirrorException;
import dev.drover.commit.SeenCommit;
import dev.drover.secret.DirectorySecrets;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching over SSH with a key from the secrets, against a real sshd on loopback and a real repository. */
class SshMirrorTest {
    private static final String SECRET = "git/deploy-key";

    @TempDir
    Path dir;

    private TestRepo repo;
    private TestSshServer server;
    private Path knownHosts;
    private JGitMirror mirror;

    @BeforeEach
    void setUp() throws IOException {
        repo = TestRepo.create(dir.resolve("repo"));
        knownHosts = dir.resolve("known_hosts");
        mirror = new JGitMirror(dir.resolve("mirrors"), new DirectorySecrets(dir.resolve("secrets")), knownHosts);
    }

    @AfterEach
    void tearDown() {
        repo.close();
        if (server != null) {
            server.close();
        }
    }

    private TestSshServer startServer() {
        server = TestSshServer.start(dir.resolve("sshd"));
        return server;
    }

    private void secret(String text) throws IOException {
        Path file = dir.resolve("secrets").resolve(SECRET);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Service service(String url, String credentials) {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        return new Service(1, "thumbnailer", url, "main", null, credentials, ServiceOrigin.API, now, now, 0);
    }

    private MirrorException fetchFails(Service service) {
        MirrorException e = catchThrowableOfType(MirrorException.class, () -> mirror.fetch(service));
        assertThat(e).as("fetch of " + service.repoUrl() + " should fail").isNotNull();
        return e;
    }

    /** Every line of the key's body, to look for in messages and stack traces. */
    private static void assertNoKeyText(Throwable e, String key) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        List<String> body = Arrays.stream(key.split("\n")).filter(l -> !l.startsWith("-----") && l.length() > 8).toList();
        assertThat(body).isNotEmpty();
        body.forEach(line -> assertThat(trace.toString()).doesNotContain(line));
    }

    @Test
    void fetchesOverSshWithTheKeyFromTheSecretsAndReadsTheMirror() throws IOException {
        TestSshServer sshd = startServer();
        secret(sshd.clientKey());
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        String one = repo.commit("one", Map.of("drover.yaml", TestRepo.validSpec("thumbnailer")));
        String two = repo.commit("two");
        repo.push();
        Service service = service(sshd.url(repo.originDir()), SECRET);

        assertThat(mirror.fetch(service)).as(sshd.log()).contains(two);
        List<SeenCommit> seen = mirror.commitsSince(service, two, Optional.empty(), sha -> false, 10);
        assertThat(seen).extracting(SeenCommit::sha).containsExactly(one, two);
        assertThat(mirror.readFile(service, two, "drover.yaml")).contains(TestRepo.validSpec("thumbnailer"));

        String three = repo.commit("three");
        repo.push();
        assertThat(mirror.fetch(service)).contains(three);
        assertThat(mirror.commitsSince(service, three, Optional.of(two), sha -> false, 10))
                .extracting(SeenCommit::sha).containsExactly(three);
        assertThat(dir.resolve("mirrors/.ssh")).doesNotExist();
    }

    @Test
    void anUnknownHostKeyIsRefusedWithTheKeyscanCommandToRun() throws IOException {
        TestSshServer sshd = startServer();
        secret(sshd.clientKey());
        Files.writeString(knownHosts, "");
        repo.commit("one");
        repo.push();

        MirrorException e = fetchFails(service(sshd.url(repo.originDir()), SECRET));

        assertThat(e.getMessage())
                .contains("host key of 127.0.0.1:" + sshd.port() + " is not in " + knownHosts)
                .contains("ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + knownHosts)
                .contains(TestSshServer.KEY_NAME + " SHA256:");
        assertNoKeyText(e, sshd.clientKey());
    }

    @Test
    void aChangedHostKeyIsRefusedAndSaysHowToReplaceIt() throws IOException {
        TestSshServer sshd = startServer();
        secret(sshd.clientKey());
        Path other = TestSshServer.keygen(dir.resolve("other_host_key"));
        String[] pub = Files.readString(Path.of(other + ".pub")).trim().split(" ");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port() + " " + pub[0] + " " + pub[1] + "\n");
        repo.commit("one");
        repo.push();

        MirrorException e = fetchFails(service(sshd.url(repo.originDir()), SECRET));

        assertThat(e.getMessage())
                .contains("host key of 127.0.0.1:" + sshd.port() + " does not match " + knownHosts)
                .contains("ssh-keygen -R '[127.0.0.1]:" + sshd.port() + "' -f " + knownHosts);
        assertNoKeyText(e, sshd.clientKey());
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsWithAnAuthenticationMessage() throws IOException {
        TestSshServer sshd = startServer();
        String wrongKey = Files.readString(TestSshServer.keygen(dir.resolve("wrong_key")));
        secret(wrongKey);
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        repo.commit("one");
        repo.push();

        MirrorException e = fetchFails(service(sshd.url(repo.originDir()), SECRET));

        assertThat(e.getMessage())
                .contains("did not accept the key in credentials secret '" + SECRET + "'")
                .contains(TestSshServer.KEY_NAME + " SHA256:")
                .contains("for user '" + System.getProperty("user.name") + "'");
        assertNoKeyText(e, wrongKey);
    }

    /** The server's keys are ed25519 (GitHub's default, read through Bouncy Castle); an ECDSA client key works too. */
    @Test
    void anEcdsaKeyWorksToo() throws IOException {
        TestSshServer sshd = startServer();
        Path ecdsa = TestSshServer.keygen(dir.resolve("ecdsa_key"), "ecdsa", "");
        sshd.authorize(ecdsa);
        secret(Files.readString(ecdsa));
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        String one = repo.commit("one");
        repo.push();

        assertThat(mirror.fetch(service(sshd.url(repo.originDir()), SECRET))).as(sshd.log()).contains(one);
    }

    @Test
    void anEncryptedKeyIsRefusedWithoutShowingKeyOrPassphrase() throws IOException {
        TestSshServer.assumeInstalled(); // for ssh-keygen
        String passphrase = "correct horse battery staple";
        String key = Files.readString(TestSshServer.keygen(dir.resolve("encrypted_key"), "ecdsa", passphrase));
        secret(key);

        MirrorException e = fetchFails(service("ssh://git@127.0.0.1:1/srv/x.git", SECRET));

        assertThat(e.getMessage()).contains("encrypted with a passphrase").doesNotContain(passphrase);
        assertNoKeyText(e, key);
    }

    @Test
    void aSecretThatDoesNotFitTheUrlIsRefusedBeforeConnecting() throws IOException {
        String fakeKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
                + "-----END OPENSSH PRIVATE KEY-----";
        secret(fakeKey);
        MirrorException keyOverHttps = fetchFails(service("https://git.example.com/acme/thumbnailer.git", SECRET));
        assertThat(keyOverHttps.getMessage()).contains("holds an SSH private key")
                .contains("https://git.example.com/acme/thumbnailer.git is not an SSH URL");
        assertNoKeyText(keyOverHttps, fakeKey);

        secret("deploy-bot:s3cr3t-t0ken");
        for (String url : List.of("ssh://git@git.example.com/acme/thumbnailer.git", "git@git.example.com:acme/t.git")) {
            MirrorException tokenOverSsh = fetchFails(service(url, SECRET));
            assertThat(tokenOverSsh.getMessage()).contains("holds a token").contains(url + " is an SSH URL")
                    .doesNotContain("s3cr3t").doesNotContain("deploy-bot");
        }

        assertThat(fetchFails(service("git@git.example.com:acme/t.git", null)).getMessage())
                .contains("over SSH but names no credentials secret");
    }
}

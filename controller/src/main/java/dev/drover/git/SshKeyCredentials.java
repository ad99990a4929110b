package dev.drover.git;

import dev.drover.commit.MirrorException;
import dev.drover.secret.SecretText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Fetching over SSH (JGit's Apache MINA transport) with a private key from a controller secret. The key is
 * parsed in memory and never written to disk; the server's key must be in the known hosts file; the session
 * factory's home is the mirrors folder and it reads no ssh config, key files or agent, so nothing of the
 * controller user's {@code ~/.ssh} is used.
 */
final class SshKeyCredentials implements AutoCloseable {
    private final String secretName;
    private final URIish url;
    private final KeyPair key;
    private final KnownHostsFile knownHosts;
    private final SshdSessionFactory sessions;

    private SshKeyCredentials(String secretName, URIish url, List<KeyPair> keys, Path mirrors, Path knownHostsFile) {
        this.secretName = secretName;
        this.url = url;
        this.key = keys.get(0);
        this.knownHosts = new KnownHostsFile(knownHostsFile);
        this.sessions = new SshdSessionFactoryBuilder()
                .setHomeDirectory(mirrors.toFile())
                .setSshDirectory(mirrors.resolve(".ssh").toFile())
                .setConfigFile(sshDir -> null)
                .setDefaultIdentities(sshDir -> List.of())
                .setDefaultKeysProvider(sshDir -> keys)
                .setDefaultKnownHostsFiles(sshDir -> List.of(knownHostsFile))
                .setServerKeyDatabase((home, sshDir) -> knownHosts)
                .setConnectorFactory(null)
                .setPreferredAuthentications("publickey")
                .build(null);
    }

    /** Parses the private key in {@code secret}; an encrypted or unreadable key is refused with advice. */
    static SshKeyCredentials of(String secretName, SecretText secret, URIish url, Path mirrors, Path knownHostsFile) {
        return new SshKeyCredentials(secretName, url, parse(secretName, secret), mirrors, knownHostsFile);
    }

    FetchCommand applyTo(FetchCommand fetch) {
        return fetch.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(sessions);
            }
        });
    }

    /** What to do about a failed fetch, where the SSH side knows better than the exception's message. */
    Optional<String> explain(Throwable failure) {
        Optional<String> hostKey = knownHosts.rejection();
        if (hostKey.isPresent()) {
            return hostKey;
        }
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
                int port = url.getPort() > 0 ? url.getPort() : 22;
                String user = url.getUser() != null ? url.getUser() : System.getProperty("user.name");
                return Optional.of("the SSH server " + url.getHost() + ":" + port + " did not accept the key in "
                        + "credentials secret '" + secretName + "' (" + KeyUtils.getKeyType(key) + " "
                        + KeyUtils.getFingerPrint(key.getPublic()) + ") for user '" + user + "': add its public key "
                        + "(ssh-keygen -y -f <key file>) to the repository as a read-only deploy key, "
                        + "or check the user in the URL");
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        sessions.close();
    }

    private static List<KeyPair> parse(String secretName, SecretText secret) {
        AtomicBoolean encrypted = new AtomicBoolean();
        FilePasswordProvider noPassphrase = (session, resource, retryIndex) -> {
            encrypted.set(true);
            return null;
        };
        List<KeyPair> keys = new ArrayList<>();
        Exception failure = null;
        try (InputStream in = new ByteArrayInputStream((secret.value() + "\n").getBytes(StandardCharsets.UTF_8))) {
            Iterable<KeyPair> parsed = SecurityUtils.loadKeyPairIdentities(
                    null, NamedResource.ofName("secret " + secretName), in, noPassphrase);
            if (parsed != null) {
                parsed.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            failure = e;
        }
        String what = "credentials secret '" + secretName + "' holds a private key";
        if (encrypted.get()) {
            throw new MirrorException(what + " that is encrypted with a passphrase: the controller has no way to "
                    + "ask for it; store an unencrypted copy (ssh-keygen -p -N '' -f <copy of the key file>)", null);
        }
        if (failure instanceof NoSuchAlgorithmException && !SecurityUtils.isEDDSACurveSupported()) {
            throw new MirrorException(what + " of a type this controller cannot use (if it is an ed25519 key: the "
                    + "controller has no EdDSA provider on its classpath): use an ECDSA or RSA key "
                    + "(ssh-keygen -t ecdsa -N '' -f deploy-key)", null);
        }
        if (failure != null || keys.isEmpty()) {
            // The parser's own message is left out on purpose: it could quote a piece of the key.
            throw new MirrorException(what + " that cannot be read"
                    + (failure == null ? "" : " (" + failure.getClass().getSimpleName() + ")")
                    + ": store the whole private key file (-----BEGIN OPENSSH PRIVATE KEY----- or PEM), not the .pub", null);
        }
        return List.copyOf(keys);
    }
}

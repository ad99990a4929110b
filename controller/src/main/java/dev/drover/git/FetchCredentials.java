package dev.drover.git;

import dev.drover.commit.MirrorException;
import dev.drover.secret.SecretText;
import dev.drover.secret.Secrets;
import dev.drover.service.Service;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * How one fetch signs in, picked from the service's URL and the text of its credentials secret: nothing, an
 * HTTPS token ({@code TOKEN} or {@code USER:TOKEN}, sent as basic auth), or an SSH private key (text starting
 * with {@code -----BEGIN}) for {@code ssh://} and {@code git@host:path} URLs. A secret that does not fit the URL
 * is refused before anything is sent. Messages name the secret, never its text.
 */
final class FetchCredentials implements AutoCloseable {
    private static final String KEY_START = "-----BEGIN";
    private static final Set<String> SSH_SCHEMES = Set.of("ssh", "ssh+git", "git+ssh");

    private final UsernamePasswordCredentialsProvider token;
    private final SshKeyCredentials sshKey;

    private FetchCredentials(UsernamePasswordCredentialsProvider token, SshKeyCredentials sshKey) {
        this.token = token;
        this.sshKey = sshKey;
    }

    static FetchCredentials pick(Service service, Secrets secrets, Path mirrors, Path knownHosts) {
        Optional<URIish> ssh = sshUrl(service.repoUrl());
        String name = service.credentials();
        if (name == null) {
            if (ssh.isPresent()) {
                throw new MirrorException("service " + service.name() + " fetches " + service.repoUrl()
                        + " over SSH but names no credentials secret: set its credentials to a secret that holds "
                        + "an SSH private key", null);
            }
            return new FetchCredentials(null, null);
        }
        SecretText secret = secrets.resolve(name).orElseThrow(() -> new MirrorException(
                "credentials secret '" + name + "' of service " + service.name()
                        + " is not there: create it in the controller's secrets folder", null));
        boolean isKey = secret.value().startsWith(KEY_START);
        if (isKey && ssh.isEmpty()) {
            throw new MirrorException("credentials secret '" + name + "' of service " + service.name()
                    + " holds an SSH private key, but " + service.repoUrl() + " is not an SSH URL: use the "
                    + "repository's ssh://… or git@host:path URL, or store an HTTPS token in the secret", null);
        }
        if (!isKey && ssh.isPresent()) {
            throw new MirrorException("credentials secret '" + name + "' of service " + service.name()
                    + " holds a token, but " + service.repoUrl() + " is an SSH URL: use the repository's https:// "
                    + "URL with the token, or store an SSH private key (the whole -----BEGIN … file) in the secret",
                    null);
        }
        return isKey
                ? new FetchCredentials(null, SshKeyCredentials.of(name, secret, ssh.get(), mirrors, knownHosts))
                : new FetchCredentials(basicAuth(secret), null);
    }

    FetchCommand applyTo(FetchCommand fetch) {
        if (sshKey != null) {
            return sshKey.applyTo(fetch);
        }
        return fetch.setCredentialsProvider(token);
    }

    /** What to do about a failed fetch, where the credentials know better than the exception's message. */
    Optional<String> explain(Throwable failure) {
        return sshKey == null ? Optional.empty() : sshKey.explain(failure);
    }

    @Override
    public void close() {
        if (sshKey != null) {
            sshKey.close();
        }
    }

    private static UsernamePasswordCredentialsProvider basicAuth(SecretText secret) {
        String value = secret.value();
        int colon = value.indexOf(':');
        String user = colon > 0 ? value.substring(0, colon) : "x-access-token";
        String token = colon > 0 ? value.substring(colon + 1) : value;
        return new UsernamePasswordCredentialsProvider(user, token);
    }

    /** {@code ssh://…} (or {@code ssh+git}, {@code git+ssh}), or scp-like {@code [user@]host:path}. */
    private static Optional<URIish> sshUrl(String url) {
        try {
            URIish uri = new URIish(url);
            boolean ssh = uri.getScheme() == null ? uri.getHost() != null : SSH_SCHEMES.contains(uri.getScheme());
            return ssh ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

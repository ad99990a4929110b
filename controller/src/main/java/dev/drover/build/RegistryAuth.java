package dev.drover.build;

import java.util.Optional;

/**
 * Where pushes get their registry login: none, a fixed user and password, or a short-lived token
 * (ECR). Asked before every push, so an implementation may cache and refresh what it hands out.
 */
@FunctionalInterface
public interface RegistryAuth {

    /** No credentials for any registry: the engine pushes anonymously (a registry without auth). */
    RegistryAuth NONE = repository -> Optional.empty();

    /**
     * The login for pushing to and reading from {@code repository} ({@code host[:port]/path}), or empty
     * when this source has none for that registry. Throws {@link BuildFailure} saying what to fix when
     * it should have one but cannot get it (an AWS permission, a region).
     */
    Optional<RegistryCredentials> credentialsFor(String repository);

    /** Releases what the source holds (an AWS client); nothing by default. */
    default void close() {
    }

    /**
     * The same user and password for every repository on {@code host} (e.g. {@code registry.example.com}
     * or {@code 127.0.0.1:5000}), and nothing for other registries, so the password goes nowhere else.
     */
    static RegistryAuth basic(String host, String username, String password) {
        RegistryCredentials credentials = new RegistryCredentials(username, password, host);
        return repository -> host.equals(hostOf(repository)) ? Optional.of(credentials) : Optional.empty();
    }

    /** The registry part of a repository: {@code 127.0.0.1:5000/drover/api} is {@code 127.0.0.1:5000}. */
    static String hostOf(String repository) {
        int slash = repository.indexOf('/');
        return slash < 0 ? repository : repository.substring(0, slash);
    }
}

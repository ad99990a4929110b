package dev.drover.secret;

import java.util.Optional;

/** Resolves controller-side secrets by name, e.g. {@code github/deploy-token}. */
public interface Secrets {
    Optional<SecretText> resolve(String name);
}

package dev.drover.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A secret value. Printing it, logging it or serializing it by accident shows only {@code ****}. */
public record SecretText(String value) {
    public SecretText {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
    }

    /** Compares in time independent of where the texts differ. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "****";
    }
}

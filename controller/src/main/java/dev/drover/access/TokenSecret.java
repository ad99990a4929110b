package dev.drover.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret text of a token: {@code drv_} and 43 characters of base64url (256 random bits).
 *
 * <p>Secrets have full entropy, so a plain SHA-256 is the right hash at rest (as for GitHub's
 * tokens): a slow password hash would add latency to every request and no safety.
 */
public record TokenSecret(String value) {
    public static final String PREFIX = "drv_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static TokenSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Lower-case hex SHA-256 of the secret: what the store keeps and looks tokens up by. */
    public String hash() {
        return sha256(value);
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TokenSecret[****]";
    }
}

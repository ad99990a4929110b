package dev.drover.webhook;

import dev.drover.secret.SecretText;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code sha256=<hex HMAC-SHA256 of the body>} signatures, compared in constant time. */
public final class Hmac {
    private static final String PREFIX = "sha256=";

    private Hmac() {
    }

    static boolean signatureMatches(String header, byte[] body, SecretText secret) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret, body), presented);
    }

    static byte[] sha256(SecretText secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    public static String sign(SecretText secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(sha256(secret, body));
    }
}

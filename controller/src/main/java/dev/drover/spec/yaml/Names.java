package dev.drover.spec.yaml;

import java.util.Arrays;
import java.util.regex.Pattern;

/** The shapes names and paths in {@code drover.yaml} must have, with the words that say so in errors. */
final class Names {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    static final String NAME_EXPECTED =
            "a name like c1 or canary-gpu (lowercase letters, digits and -, starting with a letter, at most 63)";
    static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String ENV_EXPECTED = "an environment variable name (letters, digits and _, not starting with a digit)";
    static final Pattern SECRET = Pattern.compile("[a-z0-9][a-z0-9._/-]*");
    static final String SECRET_EXPECTED =
            "a secret name like thumbnailer/api-key (lowercase letters, digits, . _ / -, no ..)";
    static final String RESERVED_PREFIX = "DROVER_";
    static final String PATH_EXPECTED = "a path relative to the repository root, without ..";

    private Names() {
    }

    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }

    static boolean isSecret(String text) {
        return SECRET.matcher(text).matches() && !text.contains("..");
    }

    /** Relative, inside the repository: not absolute, no {@code ..} step. */
    static boolean isRelativePath(String text) {
        boolean absolute = text.startsWith("/") || text.startsWith("\\") || text.matches("^[A-Za-z]:.*");
        boolean climbs = Arrays.asList(text.split("[/\\\\]")).contains("..");
        return !text.isBlank() && !absolute && !climbs;
    }
}

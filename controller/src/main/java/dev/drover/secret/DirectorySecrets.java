package dev.drover.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets as files under one folder (as mounted by Kubernetes, systemd credentials or by hand):
 * the secret {@code github/deploy-token} is the file {@code <dir>/github/deploy-token}, trimmed.
 */
public final class DirectorySecrets implements Secrets {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");

    private final Path dir;

    public DirectorySecrets(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    @Override
    public Optional<SecretText> resolve(String name) {
        if (!validName(name)) {
            return Optional.empty();
        }
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(new SecretText(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret '" + name + "' from " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }
}

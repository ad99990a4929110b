package dev.drover.server;

import dev.drover.access.AccessTokens;
import dev.drover.access.ApiToken;
import dev.drover.access.Role;
import dev.drover.access.TokenSecret;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up: registers the tokens declared in configuration and the local admin token file. */
@Singleton
public class AccessBootstrap {
    static final String LOCAL_ADMIN = "local-admin";
    private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

    private final AccessTokens tokens;
    private final AccessConfig config;
    private final List<ConfiguredToken> declared;

    public AccessBootstrap(AccessTokens tokens, AccessConfig config, List<ConfiguredToken> declared) {
        this.tokens = tokens;
        this.config = config;
        this.declared = declared;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (ConfiguredToken token : declared) {
            if (token.sha256() == null) {
                throw new IllegalStateException("drover.access.tokens." + token.name()
                        + ".sha256 is missing: give the SHA-256 of the token's secret (sha256sum), never the secret");
            }
            declared(tokens.declare(token.name(), Role.parse(token.role()), token.sha256().trim().toLowerCase()));
        }
        if (config.adminTokenFile() != null && !config.adminTokenFile().isBlank()) {
            String secret = readOrCreate(Path.of(config.adminTokenFile()));
            declared(tokens.declare(LOCAL_ADMIN, Role.ADMIN, TokenSecret.sha256(secret)));
        }
    }

    private static void declared(ApiToken token) {
        if (token.active()) {
            LOG.info("token declared in configuration: name={} role={}", token.name(), token.role());
        } else {
            LOG.warn("token '{}' declared in configuration was revoked at {} and stays revoked: give it a new secret to "
                    + "use the name again", token.name(), token.revokedAt());
        }
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (secret.isEmpty()) {
                    throw new IllegalStateException("admin token file " + file + " is empty: delete it to get a new token");
                }
                return secret;
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            String secret = TokenSecret.generate().value();
            Path tmp = Files.createTempFile(parent, ".admin-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file + ": " + e.getMessage(), e);
        }
    }
}

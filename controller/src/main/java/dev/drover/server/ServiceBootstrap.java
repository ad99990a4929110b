package dev.drover.server;

import dev.drover.secret.SecretText;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.target.Target;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up: creates or updates the services declared in configuration. */
@Singleton
public class ServiceBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceBootstrap.class);

    private final Services services;
    private final List<ConfiguredService> declared;
    private final List<Target> targets;

    public ServiceBootstrap(Services services, List<ConfiguredService> declared, List<Target> targets) {
        this.services = services;
        this.declared = declared;
        this.targets = targets;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (ConfiguredService s : declared) {
            services.declare(new ServiceSettings(s.name(), s.repo(), s.branch(), webhookSecret(s), s.credentials()));
            LOG.info("service declared in configuration: name={} branch={}", s.name(), s.branch());
        }
        if (targets.isEmpty()) {
            LOG.warn("no targets declared (drover.targets): drover.yaml files are not checked against targets");
        }
    }

    private static SecretText webhookSecret(ConfiguredService s) {
        if (s.webhookSecretFile() == null || s.webhookSecretFile().isBlank()) {
            return null;
        }
        try {
            return new SecretText(Files.readString(Path.of(s.webhookSecretFile()), StandardCharsets.UTF_8).trim());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("drover.services." + s.name() + ".webhook-secret-file "
                    + s.webhookSecretFile() + " cannot be read or is empty", e);
        }
    }
}

package dev.drover.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where services are kept. */
public interface ServiceStore {

    /** Stores a new service at version 1; throws {@code AlreadyExistsException} when the name is taken. */
    Service create(ServiceSettings settings, ServiceOrigin origin, Instant now);

    Optional<Service> find(String name);

    List<Service> list();

    /** Whether a new green revision of the service starts a rollout by itself (on unless turned off). */
    boolean autoDeploy(long serviceId);

    void autoDeploy(long serviceId, boolean on);

    /**
     * Saves the changed fields if the stored row is still at {@code changed.version()}, and returns
     * the row at the next version; throws {@code StaleVersionException} when someone saved first.
     */
    Service update(Service changed, Instant now);
}

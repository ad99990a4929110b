package dev.drover.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Adds services and keeps configuration-declared ones in step with the configuration. */
public final class Services {
    private final ServiceStore store;
    private final Clock clock;

    public Services(ServiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Service add(ServiceSettings settings) {
        return store.create(settings, ServiceOrigin.API, clock.instant());
    }

    /** Creates the declared service, or updates its settings when they changed. */
    public Service declare(ServiceSettings settings) {
        Optional<Service> existing = store.find(settings.name());
        if (existing.isEmpty()) {
            return store.create(settings, ServiceOrigin.CONFIG, clock.instant());
        }
        Service current = existing.get();
        Service wanted = current.withSettings(settings);
        return wanted.equals(current) ? current : store.update(wanted, clock.instant());
    }

    public Optional<Service> find(String name) {
        return store.find(name);
    }

    public List<Service> list() {
        return store.list();
    }
}

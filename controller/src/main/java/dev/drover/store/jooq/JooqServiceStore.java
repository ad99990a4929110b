package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.SERVICE;

import dev.drover.secret.SecretText;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.service.ServiceStore;
import dev.drover.store.AlreadyExistsException;
import dev.drover.store.StaleVersionException;
import dev.drover.store.jooq.schema.tables.records.ServiceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

public final class JooqServiceStore implements ServiceStore {
    private final DSLContext dsl;

    public JooqServiceStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean autoDeploy(long serviceId) {
        return dsl.select(SERVICE.AUTO_DEPLOY).from(SERVICE).where(SERVICE.ID.eq(serviceId)).fetchOptional(SERVICE.AUTO_DEPLOY)
                .orElse(false);
    }

    @Override
    public void autoDeploy(long serviceId, boolean on) {
        dsl.update(SERVICE).set(SERVICE.AUTO_DEPLOY, on).where(SERVICE.ID.eq(serviceId)).execute();
    }

    @Override
    public Service create(ServiceSettings s, ServiceOrigin origin, Instant now) {
        try {
            return toService(dsl.insertInto(SERVICE)
                    .set(SERVICE.NAME, s.name())
                    .set(SERVICE.REPO_URL, s.repoUrl())
                    .set(SERVICE.BRANCH, s.branch())
                    .set(SERVICE.WEBHOOK_SECRET, s.webhookSecret() == null ? null : s.webhookSecret().value())
                    .set(SERVICE.CREDENTIALS, s.credentials())
                    .set(SERVICE.ORIGIN, origin.wireName())
                    .set(SERVICE.CREATED_AT, toColumn(now))
                    .set(SERVICE.UPDATED_AT, toColumn(now))
                    .set(SERVICE.VERSION, 1L)
                    .returning()
                    .fetchSingle());
        } catch (IntegrityConstraintViolationException e) {
            throw new AlreadyExistsException("service", s.name());
        }
    }

    @Override
    public Optional<Service> find(String name) {
        return dsl.selectFrom(SERVICE).where(SERVICE.NAME.eq(name)).fetchOptional().map(JooqServiceStore::toService);
    }

    @Override
    public List<Service> list() {
        return dsl.selectFrom(SERVICE).orderBy(SERVICE.NAME).fetch(JooqServiceStore::toService);
    }

    @Override
    public Service update(Service changed, Instant now) {
        return dsl.update(SERVICE)
                .set(SERVICE.REPO_URL, changed.repoUrl())
                .set(SERVICE.BRANCH, changed.branch())
                .set(SERVICE.WEBHOOK_SECRET, changed.webhookSecret() == null ? null : changed.webhookSecret().value())
                .set(SERVICE.CREDENTIALS, changed.credentials())
                .set(SERVICE.UPDATED_AT, toColumn(now))
                .set(SERVICE.VERSION, SERVICE.VERSION.plus(1))
                .where(SERVICE.ID.eq(changed.id()).and(SERVICE.VERSION.eq(changed.version())))
                .returning()
                .fetchOptional()
                .map(JooqServiceStore::toService)
                .orElseThrow(() -> new StaleVersionException("service", changed.name(), changed.version()));
    }

    private static Service toService(ServiceRecord r) {
        return new Service(r.getId(), r.getName(), r.getRepoUrl(), r.getBranch(),
                r.getWebhookSecret() == null ? null : new SecretText(r.getWebhookSecret()), r.getCredentials(),
                ServiceOrigin.parse(r.getOrigin()), fromColumn(r.getCreatedAt()), fromColumn(r.getUpdatedAt()),
                r.getVersion());
    }
}

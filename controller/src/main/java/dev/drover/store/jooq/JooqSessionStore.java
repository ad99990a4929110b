package dev.drover.store.jooq;

import static dev.drover.store.jooq.schema.Tables.API_TOKEN;
import static dev.drover.store.jooq.schema.Tables.DASHBOARD_SESSION;
import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;

import dev.drover.access.DashboardSession;
import dev.drover.access.SessionStore;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqSessionStore implements SessionStore {
    private final DSLContext dsl;

    public JooqSessionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public DashboardSession create(long tokenId, String secretHash, Instant now, Instant expiresAt) {
        long id = dsl.insertInto(DASHBOARD_SESSION)
                .set(DASHBOARD_SESSION.SECRET_HASH, secretHash)
                .set(DASHBOARD_SESSION.TOKEN_ID, tokenId)
                .set(DASHBOARD_SESSION.CREATED_AT, toColumn(now))
                .set(DASHBOARD_SESSION.EXPIRES_AT, toColumn(expiresAt))
                .returning(DASHBOARD_SESSION.ID).fetchSingle().getId();
        return dsl.select().from(DASHBOARD_SESSION).join(API_TOKEN).on(API_TOKEN.ID.eq(DASHBOARD_SESSION.TOKEN_ID))
                .where(DASHBOARD_SESSION.ID.eq(id)).fetchSingle(JooqSessionStore::toSession);
    }

    @Override
    public Optional<DashboardSession> findActive(String secretHash, Instant now) {
        return dsl.select().from(DASHBOARD_SESSION).join(API_TOKEN).on(API_TOKEN.ID.eq(DASHBOARD_SESSION.TOKEN_ID))
                .where(DASHBOARD_SESSION.SECRET_HASH.eq(secretHash)
                        .and(DASHBOARD_SESSION.ENDED_AT.isNull())
                        .and(DASHBOARD_SESSION.EXPIRES_AT.gt(toColumn(now)))
                        .and(API_TOKEN.REVOKED_AT.isNull()))
                .fetchOptional(JooqSessionStore::toSession);
    }

    @Override
    public boolean end(String secretHash, Instant now) {
        return dsl.update(DASHBOARD_SESSION).set(DASHBOARD_SESSION.ENDED_AT, toColumn(now))
                .where(DASHBOARD_SESSION.SECRET_HASH.eq(secretHash).and(DASHBOARD_SESSION.ENDED_AT.isNull()))
                .execute() == 1;
    }

    @Override
    public int deleteEndedBefore(Instant before) {
        return dsl.deleteFrom(DASHBOARD_SESSION)
                .where(DASHBOARD_SESSION.EXPIRES_AT.lt(toColumn(before))
                        .or(DASHBOARD_SESSION.ENDED_AT.lt(toColumn(before))))
                .execute();
    }

    private static DashboardSession toSession(org.jooq.Record r) {
        return new DashboardSession(r.get(DASHBOARD_SESSION.ID), JooqTokenStore.toToken(r.into(API_TOKEN)),
                fromColumn(r.get(DASHBOARD_SESSION.CREATED_AT)), fromColumn(r.get(DASHBOARD_SESSION.EXPIRES_AT)));
    }
}

package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.API_TOKEN;

import dev.drover.access.ApiToken;
import dev.drover.access.Role;
import dev.drover.access.TokenOrigin;
import dev.drover.access.TokenStore;
import dev.drover.store.AlreadyExistsException;
import dev.drover.store.jooq.schema.tables.records.ApiTokenRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

public final class JooqTokenStore implements TokenStore {
    private final DSLContext dsl;

    public JooqTokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ApiToken create(String name, Role role, String tokenHash, TokenOrigin origin, String createdBy, Instant now,
                           String boundTarget) {
        try {
            return toToken(dsl.insertInto(API_TOKEN)
                    .set(API_TOKEN.NAME, name)
                    .set(API_TOKEN.ROLE, role.wireName())
                    .set(API_TOKEN.TOKEN_HASH, tokenHash)
                    .set(API_TOKEN.ORIGIN, origin.wireName())
                    .set(API_TOKEN.CREATED_AT, toColumn(now))
                    .set(API_TOKEN.CREATED_BY, createdBy)
                    .set(API_TOKEN.BOUND_TARGET, boundTarget)
                    .returning()
                    .fetchSingle());
        } catch (IntegrityConstraintViolationException e) {
            throw new AlreadyExistsException("token", name);
        }
    }

    @Override
    public ApiToken putConfigured(String name, Role role, String tokenHash, Instant now) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            ApiTokenRecord existing = t.selectFrom(API_TOKEN).where(API_TOKEN.NAME.eq(name)).forUpdate().fetchOne();
            if (existing == null) {
                return new JooqTokenStore(t).create(name, role, tokenHash, TokenOrigin.CONFIG, "config", now);
            }
            if (existing.getRevokedAt() != null && tokenHash.equals(existing.getTokenHash())) {
                return toToken(existing); // revoked stays revoked: only a new secret brings the name back
            }
            existing.setRole(role.wireName());
            existing.setTokenHash(tokenHash);
            existing.setOrigin(TokenOrigin.CONFIG.wireName());
            existing.setRevokedAt(null);
            existing.store();
            return toToken(existing);
        });
    }

    @Override
    public Optional<ApiToken> findActiveByHash(String tokenHash) {
        return dsl.selectFrom(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash).and(API_TOKEN.REVOKED_AT.isNull()))
                .fetchOptional()
                .map(JooqTokenStore::toToken);
    }

    @Override
    public List<ApiToken> list() {
        return dsl.selectFrom(API_TOKEN).orderBy(API_TOKEN.NAME).fetch(JooqTokenStore::toToken);
    }

    @Override
    public boolean revoke(String name, Instant now) {
        return dsl.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, toColumn(now))
                .where(API_TOKEN.NAME.eq(name).and(API_TOKEN.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    static ApiToken toToken(ApiTokenRecord r) {
        return new ApiToken(r.getId(), r.getName(), Role.parse(r.getRole()), TokenOrigin.parse(r.getOrigin()),
                fromColumn(r.getCreatedAt()), r.getCreatedBy(), fromColumn(r.getRevokedAt()), r.getBoundTarget());
    }
}

package dev.drover.access;

import java.time.Instant;

/** A live dashboard sign-in: the token it was exchanged for (with that token's current role) and when it ends. */
public record DashboardSession(long id, ApiToken token, Instant createdAt, Instant expiresAt) {
}

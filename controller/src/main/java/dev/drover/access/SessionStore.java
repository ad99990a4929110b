package dev.drover.access;

import java.time.Instant;
import java.util.Optional;

/** Where dashboard sessions are kept, by the hash of their secret. */
public interface SessionStore {

    DashboardSession create(long tokenId, String secretHash, Instant now, Instant expiresAt);

    /** The session if it is neither ended nor expired at {@code now} and its token is not revoked. */
    Optional<DashboardSession> findActive(String secretHash, Instant now);

    /** Ends the session (sign-out); false when there was no such live session. */
    boolean end(String secretHash, Instant now);

    /** Deletes sessions that expired or ended before {@code before}; how many. */
    int deleteEndedBefore(Instant before);
}

package dev.drover.rollout;

import java.time.Instant;
import java.util.Locale;

/**
 * A service's deploy lock. The lease is held by the controller leading the service's rollout; the
 * fencing token goes up whenever the lease changes hands or a person preempts it, and every change of
 * rollout or tier state checks it. A lock ({@code kind}) is held by a person or left by an automatic
 * rollback; it holds back promotion and queued rollouts, never rollback or abort.
 */
public record DeployLock(long serviceId, long fence, String leaseHolder, Instant leaseExpiresAt, Kind kind,
                         String lockedBy, String reason, Instant lockedAt) {

    /** Who locked the service. */
    public enum Kind {
        /** {@code drover lock}: cleared by {@code drover unlock} (or a forced deploy). */
        PERSON,
        /** Left by an automatic rollback: cleared by {@code drover unlock} or a person's explicit deploy. */
        ROLLBACK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public static DeployLock free(long serviceId) {
        return new DeployLock(serviceId, 0, null, null, null, null, null, null);
    }

    public boolean locked() {
        return kind != null;
    }

    /** "locked by ada since ...: reason", for refusals and notes. */
    public String describe() {
        return kind == null ? "not locked"
                : "locked by " + lockedBy + (kind == Kind.ROLLBACK ? " (automatic rollback)" : "") + ": " + reason;
    }
}

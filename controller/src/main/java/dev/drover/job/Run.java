package dev.drover.job;

import java.time.Instant;

/**
 * One run of an attempt on one host, for backends that retry on their own: AWS Batch may run a job
 * again after its host went away, and every run is paid for. Each run is priced at its own host's
 * price; the attempt's cost is their sum.
 *
 * @param startedAt null when it never started
 * @param endedAt   null when it never ended
 */
public record Run(Instant startedAt, Instant endedAt, Host host) {
    public Run {
        host = host == null ? Host.UNKNOWN : host;
    }

    /** Milliseconds it ran; 0 when it never started or ended. */
    public long millis() {
        return startedAt == null || endedAt == null ? 0 : Math.max(0, endedAt.toEpochMilli() - startedAt.toEpochMilli());
    }
}

package dev.drover.store.jooq;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants in and out of {@code timestamp with time zone} columns (microsecond precision on both databases). */
final class Timestamps {
    private Timestamps() {
    }

    static OffsetDateTime toColumn(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant fromColumn(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

package dev.drover.server;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The controller's clock in an HTTP test that must act at another time (results taken "yesterday"): the wall
 * clock moved by an offset the test sets, still ticking. A test asks for it with
 * {@code @Property(name = "drover.test.settable-clock", value = "true")} and injects {@link Clock}.
 */
public final class SettableClock extends Clock {
    private final Clock base = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code at}, and ticks on from there. */
    public void setTo(Instant at) {
        offset = Duration.between(base.instant(), at);
    }

    /** Back to the wall clock. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Factory
    @Requires(property = "drover.test.settable-clock", value = "true")
    static class Beans {
        @Singleton
        @Replaces(bean = Clock.class, factory = StorageFactory.class)
        Clock clock() {
            return new SettableClock();
        }
    }
}

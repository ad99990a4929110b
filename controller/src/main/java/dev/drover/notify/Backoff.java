package dev.drover.notify;

import java.time.Duration;

/**
 * Retries: the wait after a failed attempt {@code n} (1, 2, ...) is {@code base * 2^(n-1)}, at most {@code cap};
 * a notification is given up on after {@code maxAttempts}.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {
    public Backoff {
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("notification backoff: base must be at least 0 and cap at least base, got "
                    + base + " and " + cap);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("notification max-attempts must be at least 1, got " + maxAttempts);
        }
    }

    public Duration after(int attempt) {
        Duration wait = base;
        for (int i = 1; i < attempt && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}

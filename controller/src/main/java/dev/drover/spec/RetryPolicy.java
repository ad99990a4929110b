package dev.drover.spec;

/** How many times a failed job is retried: after an infrastructure failure, and after a code failure. */
public record RetryPolicy(int infra, int code) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 0);
}

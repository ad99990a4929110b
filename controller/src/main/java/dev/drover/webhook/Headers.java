package dev.drover.webhook;

/** Request headers by name, case-insensitively; null when absent. */
@FunctionalInterface
public interface Headers {
    String get(String name);
}

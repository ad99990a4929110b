package dev.drover.api;

import java.time.Instant;

/** {@code GET /api/v1/status}: what this controller is, what it stores in, how it is, and who asks. */
public record StatusView(String version, String database, String health, Instant time, Caller caller) {

    /** The token the request was made with. */
    public record Caller(String name, String role) {
    }
}

package dev.drover.server;

/** The controller will not start, for a reason a person can fix; the message says what and how. */
public final class StartRefused extends RuntimeException {
    public StartRefused(String message) {
        super(message);
    }
}

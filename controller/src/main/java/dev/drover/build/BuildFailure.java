package dev.drover.build;

/** A build step failed for a reason the commit's author can act on; the message says what and what to do. */
public class BuildFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BuildFailure(String message) {
        super(message);
    }

    public BuildFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

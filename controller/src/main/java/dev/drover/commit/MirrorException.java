package dev.drover.commit;

/** Fetching or reading a repository failed; the message says what to check. Never carries credentials. */
public class MirrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MirrorException(String message, Throwable cause) {
        super(message, cause);
    }
}

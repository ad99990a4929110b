package dev.drover.webhook;

/** The (authentic) body is not the JSON a push notification should be. */
public class MalformedPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }
}

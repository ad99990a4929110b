package dev.drover.webhook;

/** What a push notification says moved: a ref from one commit to another (40 zeros: created or deleted). */
public record PushEvent(String ref, String before, String after) {
    private static final String ZERO = "0000000000000000000000000000000000000000";

    public boolean deletesRef() {
        return ZERO.equals(after);
    }
}

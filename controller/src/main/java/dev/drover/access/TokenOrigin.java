package dev.drover.access;

/** Where a token came from: created through the API, or declared in the controller's configuration. */
public enum TokenOrigin {
    API,
    CONFIG;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TokenOrigin parse(String text) {
        return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}

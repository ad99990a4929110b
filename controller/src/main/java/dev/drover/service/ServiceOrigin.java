package dev.drover.service;

import java.util.Locale;

/** Where a service was declared: through the API, or in the controller's configuration. */
public enum ServiceOrigin {
    API,
    CONFIG;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceOrigin parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

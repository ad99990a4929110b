package dev.drover.webhook;

import java.util.Locale;

/** What became of a webhook delivery. */
public enum DeliveryOutcome {
    /** Authentic push to the service's branch: the mirror was fetched. */
    ACCEPTED,
    /** Authentic, but nothing to do: another branch, a ping, a redelivery, a deletion. */
    IGNORED,
    /** Not authentic: missing or wrong signature, or no secret to check it with. */
    REFUSED,
    /** Unusable: unknown service or hook type, malformed body, too large. */
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryOutcome parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

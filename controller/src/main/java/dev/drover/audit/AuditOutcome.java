package dev.drover.audit;

import java.util.Locale;

/** How a mutating call ended. */
public enum AuditOutcome {
    /** It was carried out. */
    OK,
    /** The caller was not allowed: no or unknown token, too little role, or the service is locked. */
    REFUSED,
    /** The request was wrong: bad input, unknown name, a conflict with the current state. */
    REJECTED,
    /** The controller failed while carrying it out. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** The outcome an HTTP status stands for. */
    public static AuditOutcome ofHttpStatus(int status) {
        if (status < 400) {
            return OK;
        }
        if (status == 401 || status == 403 || status == 423) {
            return REFUSED;
        }
        return status < 500 ? REJECTED : FAILED;
    }
}

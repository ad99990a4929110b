package dev.drover.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpStatus;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limits API input is held to before anything is stored: each at or under the column it lands in, so an
 * over-long value is a 400 that names the field and the limit, never a database failure that quotes the value.
 * Records the framework validates use the constants in their constraints; the rest (the agent protocol's records,
 * sizes known only once written as JSON) call the checks here. A refusal never repeats the value: it may be a secret.
 */
final class Input {
    /** One line of text: no control characters at all. */
    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    /** Text a person writes, such as a reason: tabs and line breaks, no other control characters (NUL included). */
    static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String ONE_LINE_MESSAGE = "no control characters";
    static final String LINES_MESSAGE = "no control characters but tab and line breaks";
    static final String AT_MOST = "at most {max} characters";

    /** A reason goes in the audit log, the rollout, the lock and the notifications (columns of 2000). */
    static final int REASON = 2000;
    /** A tier's name (tier_state.tier). */
    static final int TIER = 100;
    /** A commit's sha or a prefix of it (git_commit.sha). */
    static final int COMMIT = 64;
    /** An API token's secret, as presented at sign-in (a real one is under 50). */
    static final int TOKEN = 200;
    /** A token's name or a caller's, as queried in the audit log (audit_event.actor, .action). */
    static final int ACTOR = 200;
    /** A query's word for a status, an arm or an outcome. */
    static final int WORD = 32;
    /** A query's ISO-8601 instant. */
    static final int INSTANT = 64;
    /** A job's parameters: how many, their names (environment names) and each value's length. */
    static final int PARAMS = 100;
    static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
    static final int PARAM_NAME = 128;
    static final int PARAM_VALUE = 4096;
    /** All of one job's parameters are one column (job.params), as JSON: a value at its limit leaves room for more. */
    static final int PARAMS_JSON = 8000;

    private static final Pattern ONE_LINE_TEXT = Pattern.compile(ONE_LINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Input() {
    }

    static ApiProblem refusal(String field, String rule) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + rule);
    }

    /** Null passes: whether a field is required is the endpoint's to say. */
    static void oneLine(String field, String value, int max) {
        if (value != null) {
            if (value.length() > max) {
                throw refusal(field, "at most " + max + " characters");
            }
            if (!ONE_LINE_TEXT.matcher(value).matches()) {
                throw refusal(field, ONE_LINE_MESSAGE);
            }
        }
    }

    /** Names and values of one line each, no value null. */
    static void oneLineEntries(String field, Map<String, String> entries) {
        if (entries == null) {
            return;
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getValue() == null) {
                throw refusal(field, "values must be strings, not null");
            }
            if (!ONE_LINE_TEXT.matcher(e.getKey()).matches() || !ONE_LINE_TEXT.matcher(e.getValue()).matches()) {
                throw refusal(field, ONE_LINE_MESSAGE);
            }
        }
    }

    /** The value as it will be stored (the stores write such values with a plain Jackson mapper too) fits {@code max}. */
    static void json(String field, Object value, int max) {
        if (value == null) {
            return;
        }
        try {
            if (JSON.writeValueAsString(value).length() > max) {
                throw refusal(field, "at most " + max + " characters in all, written as JSON");
            }
        } catch (JsonProcessingException e) {
            throw refusal(field, "cannot be written as JSON");
        }
    }
}

package dev.drover.job;

import dev.drover.agent.protocol.Outcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which of a service's jobs a list shows; a null field does not narrow it.
 *
 * @param arm     the arm the job runs on (fixed at its first dispatch)
 * @param outcome how the job's latest attempt ended: a job never tried, or whose latest attempt still runs, has none
 * @param since   submitted at or after
 * @param until   submitted before
 */
public record JobFilter(JobStatus status, String tier, Integer revision, Arm arm, Outcome outcome, Instant since,
                        Instant until) {

    public JobFilter {
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until
                    + "): give an earlier since or a later until");
        }
    }

    /** Every job. */
    public static JobFilter none() {
        return new JobFilter(null, null, null, null, null, null, null);
    }

    /** From query parameters in wire names; a bad one throws {@link IllegalArgumentException} saying what is allowed. */
    public static JobFilter parse(String status, String tier, Integer revision, String arm, String outcome, String since,
                                  String until) {
        return new JobFilter(wire("status", status, JobStatus.values(), JobStatus::wireName), tier, revision,
                wire("arm", arm, Arm.values(), Arm::wireName), wire("outcome", outcome, Outcome.values(), Outcome::wireName),
                instant("since", since), instant("until", until));
    }

    private static <E extends Enum<E>> E wire(String name, String text, E[] values, Function<E, String> wireName) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(values).filter(v -> wireName.apply(v).equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " must be one of "
                        + Arrays.stream(values).map(wireName).collect(Collectors.joining(", ")) + "; got '" + text + "'"));
    }

    private static Instant instant(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant in UTC such as "
                    + "2026-11-21T10:00:00Z; got '" + text + "'", e);
        }
    }
}

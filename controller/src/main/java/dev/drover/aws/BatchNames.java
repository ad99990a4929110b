package dev.drover.aws;

/**
 * Names Drover gives things on AWS Batch. Each tier's stable job definition is
 * {@code drover-<service>-<tier>}: its latest active revision is always the tier's stable revision, so
 * applications that submit to Batch by name get what is stable. Candidates (and pinned revisions) are
 * registered as {@code drover-<service>-<tier>-candidates} and submitted by ARN only. A job's Batch name
 * is {@code drover-<job id>-<attempt>}: deterministic, so a submission that may have reached Batch is
 * found again by name before it is retried.
 */
public final class BatchNames {
    private BatchNames() {
    }

    public static String stable(String service, String tier) {
        return check("drover-" + service + "-" + tier);
    }

    public static String candidates(String service, String tier) {
        return check("drover-" + service + "-" + tier + "-candidates");
    }

    public static String job(String jobId, int attempt) {
        return check("drover-" + jobId + "-" + attempt);
    }

    private static String check(String name) {
        if (name.length() > 128 || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid AWS Batch name (up to 128 letters, "
                    + "digits, '-' and '_'): shorten the service or tier name");
        }
        return name;
    }
}

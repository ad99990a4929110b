package dev.drover.aws;

import dev.drover.target.Target;
import java.util.List;

/**
 * A target of the {@code aws-batch} backend: the job queue its jobs go to, the compute environments
 * behind it (checked at start-up), the IAM role its jobs' code runs with and the execution role ECS
 * pulls, logs and reads the jobs' secrets with (either may be null), and at most how many of its jobs
 * Drover keeps submitted at once.
 */
public record BatchTarget(Target target, String jobQueue, List<String> computeEnvironments, String jobRoleArn,
                          String executionRoleArn, int maxInFlight) {
    public BatchTarget {
        if (jobQueue == null || jobQueue.isBlank()) {
            throw new IllegalArgumentException("target " + target.name() + " (aws-batch): job-queue is required: "
                    + "set drover.targets." + target.name() + ".job-queue to the name or ARN of its AWS Batch job queue");
        }
        if (maxInFlight < 1 || maxInFlight > 1024) {
            throw new IllegalArgumentException("target " + target.name() + ": max-in-flight must be 1 to 1024");
        }
        computeEnvironments = computeEnvironments == null ? List.of() : List.copyOf(computeEnvironments);
    }

    public String name() {
        return target.name();
    }
}

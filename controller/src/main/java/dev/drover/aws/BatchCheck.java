package dev.drover.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.BatchException;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentDetail;
import software.amazon.awssdk.services.batch.model.JobQueueDetail;

/**
 * What the controller checks on AWS Batch before it starts: every aws-batch target's job queue exists
 * and is enabled and valid, and its named compute environments exist. A problem stops the start with
 * AWS's own error and what to fix, rather than failing each job later.
 */
public final class BatchCheck {
    private BatchCheck() {
    }

    /** The problems found, each a sentence; empty when all is well. */
    public static List<String> problems(BatchClient batch, String region, List<BatchTarget> targets) {
        List<String> problems = new ArrayList<>();
        try {
            List<JobQueueDetail> queues = new ArrayList<>();
            batch.describeJobQueuesPaginator(b -> b.jobQueues(targets.stream().map(BatchTarget::jobQueue).distinct().toList()))
                    .forEach(p -> queues.addAll(p.jobQueues()));
            for (BatchTarget t : targets) {
                JobQueueDetail q = queues.stream().filter(x -> t.jobQueue().equals(x.jobQueueName())
                        || t.jobQueue().equals(x.jobQueueArn())).findFirst().orElse(null);
                if (q == null) {
                    problems.add("target " + t.name() + ": job queue '" + t.jobQueue() + "' does not exist in " + region
                            + ": create it (deploy/aws) or fix drover.targets." + t.name() + ".job-queue");
                } else if (!"ENABLED".equals(q.stateAsString()) || !"VALID".equals(q.statusAsString())) {
                    problems.add("target " + t.name() + ": job queue '" + t.jobQueue() + "' is " + q.stateAsString() + "/"
                            + q.statusAsString() + (q.statusReason() == null ? "" : " (" + q.statusReason() + ")")
                            + ": enable it, or fix what its status reason says");
                }
            }
            List<String> wanted = targets.stream().flatMap(t -> t.computeEnvironments().stream()).distinct().toList();
            if (!wanted.isEmpty()) {
                List<ComputeEnvironmentDetail> found = new ArrayList<>();
                batch.describeComputeEnvironmentsPaginator(b -> b.computeEnvironments(wanted))
                        .forEach(p -> found.addAll(p.computeEnvironments()));
                Set<String> names = found.stream().map(ComputeEnvironmentDetail::computeEnvironmentName)
                        .collect(Collectors.toSet());
                for (BatchTarget t : targets) {
                    for (String ce : t.computeEnvironments()) {
                        if (!names.contains(ce)) {
                            problems.add("target " + t.name() + ": compute environment '" + ce + "' does not exist in "
                                    + region + ": create it (deploy/aws) or fix drover.targets." + t.name()
                                    + ".compute-environments");
                        }
                    }
                }
            }
        } catch (BatchException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            problems.add("AWS Batch refused the check (" + code + ": " + e.awsErrorDetails().errorMessage() + ")"
                    + (e.statusCode() == 403 || code.contains("AccessDenied")
                    ? ": the controller's role needs batch:DescribeJobQueues and batch:DescribeComputeEnvironments"
                    : ""));
        } catch (SdkClientException e) {
            problems.add("AWS Batch could not be reached in region '" + region + "' (" + e.getMessage()
                    + "): check drover.aws.region, the network, and the credentials (default chain)");
        }
        return problems;
    }
}

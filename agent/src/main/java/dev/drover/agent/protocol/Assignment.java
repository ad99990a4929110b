package dev.drover.agent.protocol;

import java.util.List;
import java.util.Map;

/**
 * One attempt of one job, given to one agent.
 *
 * @param image the revision's image by digest ({@code registry/repo@sha256:...}, pulled when missing) or a local image id
 * @param env   everything the container gets: the revision's env, the job's parameters, {@code DROVER_JOB_ID},
 *              {@code DROVER_ATTEMPT}, {@code DROVER_TIER}, {@code DROVER_REVISION}, and the revision's secrets resolved
 *              for this start only. Never log it, never write it to disk.
 */
public record Assignment(long attemptId, String jobId, int attempt, String service, String tier, int revision, String arm,
                         String image, List<String> command, Map<String, String> env, Limits limits) {

    @Override
    public String toString() {
        return "Assignment[attempt " + attemptId + " of job " + jobId + " (" + service + "/" + tier + ", revision "
                + revision + ", " + arm + "), image " + image + "]";
    }
}

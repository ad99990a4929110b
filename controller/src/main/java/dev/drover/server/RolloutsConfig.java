package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code drover.rollouts.*}: the engine's loop and lease, and the floors every rollout is raised to.
 *
 * @param interval                 how often the engine reconciles every service's rollout
 * @param lease                    how long the controller leading a service's rollout holds it without renewing
 * @param leaderId                 this controller's name as a lease holder; empty: the host name (a restart resumes at once)
 * @param minBake                  no stage bakes for less
 * @param minJobs                  no stage judges on fewer jobs per arm
 * @param requiredGates            gates kept on whatever a drover.yaml says: duration, memory, costPerJob, manualApproval
 * @param falseRollbackBudget      the chance of rolling back a good revision that a whole rollout may take
 * @param bootstrapMaxFailureRate  a first revision (no baseline) fails above this code-failure rate
 * @param bootstrapMaxInfraFailureRate a first revision fails above this infrastructure-failure rate
 * @param judge                    {@code fixed-horizon} (one look per gate at minJobs) or {@code sequential}
 *                                 (anytime-valid, after every job)
 */
@ConfigurationProperties("drover.rollouts")
public record RolloutsConfig(
        @Bindable(defaultValue = "5s") Duration interval,
        @Bindable(defaultValue = "30s") Duration lease,
        @Bindable(defaultValue = "") String leaderId,
        @Bindable(defaultValue = "1m") Duration minBake,
        @Bindable(defaultValue = "10") int minJobs,
        @Bindable(defaultValue = "") List<String> requiredGates,
        @Bindable(defaultValue = "0.05") double falseRollbackBudget,
        @Bindable(defaultValue = "0.2") double bootstrapMaxFailureRate,
        @Bindable(defaultValue = "0.5") double bootstrapMaxInfraFailureRate,
        @Bindable(defaultValue = "sequential") String judge) {
}

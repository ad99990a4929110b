package dev.drover.job;

/**
 * The machine a run of an attempt had, as the backend that ran it saw it (for AWS Batch, the ECS
 * container instance): its instance type, zone and size. A size not known is 0.
 *
 * @param instanceType     e.g. {@code g5.xlarge}; null when not known
 * @param availabilityZone e.g. {@code us-east-1a}; null when not known
 * @param vcpus            the vCPUs the host offers to jobs
 * @param memoryBytes      the memory the host offers to jobs
 * @param gpus             the host's GPUs
 */
public record Host(String instanceType, String availabilityZone, double vcpus, long memoryBytes, int gpus) {
    /** Nothing known about the machine. */
    public static final Host UNKNOWN = new Host(null, null, 0, 0, 0);

    /** "g5.xlarge in us-east-1a", or what of it is known; null when nothing is. */
    public String describe() {
        if (instanceType == null) {
            return availabilityZone == null ? null : "in " + availabilityZone;
        }
        return availabilityZone == null ? instanceType : instanceType + " in " + availabilityZone;
    }
}

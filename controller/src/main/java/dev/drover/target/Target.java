package dev.drover.target;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A place where jobs run.
 *
 * @param backend      {@code local} (Drover agents matched by labels) or {@code aws-batch}
 * @param gpus         GPUs per host
 * @param pricePerHour what an hour of one host costs, in US dollars ({@code CostReport.CURRENCY})
 * @param labels       for {@code local}: the labels an agent must carry to run this target's jobs (all of them)
 */
public record Target(String name, String backend, Capacity capacity, int gpus, String gpuModel, String instanceType,
                     BigDecimal pricePerHour, Map<String, String> labels) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public Target {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("target name '" + name + "' must be lower-case letters, digits or '-'");
        }
        if (!"local".equals(backend) && !"aws-batch".equals(backend)) {
            throw new IllegalArgumentException("target " + name + ": backend '" + backend + "' must be local or aws-batch");
        }
        if (gpus < 0) {
            throw new IllegalArgumentException("target " + name + ": gpus must be 0 or more");
        }
        if (pricePerHour == null || pricePerHour.signum() < 0) {
            throw new IllegalArgumentException("target " + name + ": price-per-hour must be 0 or more");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /**
     * The label of the controller's own stand-in agent for an {@code aws-batch} target (its value: the
     * target's name). Labels under {@code drover.} are reserved: agents cannot register with them.
     */
    public static final String BATCH_LABEL = "drover.aws-batch-target";
    /** The label an agent whose token is bound to a target carries (set by the controller, never by the agent). */
    public static final String BOUND_LABEL = "drover.target";

    /**
     * Whether an agent with these labels runs this target's jobs: an agent bound to this target (its token's,
     * {@link #BOUND_LABEL}), an unbound one that carries all the target's labels, or an {@code aws-batch}
     * target's stand-in.
     */
    public boolean servedBy(Map<String, String> agentLabels) {
        if (batch()) {
            return name.equals(agentLabels.get(BATCH_LABEL));
        }
        String bound = agentLabels.get(BOUND_LABEL);
        if (bound != null) {
            return bound.equals(name);
        }
        return agentLabels.entrySet().containsAll(labels.entrySet());
    }

    public boolean batch() {
        return "aws-batch".equals(backend);
    }
}

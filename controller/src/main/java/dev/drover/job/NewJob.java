package dev.drover.job;

import java.util.Map;

/** A job as submitted: parameters, whether it needs a GPU, and an optional pinned revision. */
public record NewJob(Map<String, String> params, boolean requiresGpu, Integer pinnedRevision) {
    public NewJob {
        params = params == null ? Map.of() : Map.copyOf(params);
        for (String key : params.keySet()) {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*") || key.startsWith("DROVER_")) {
                throw new IllegalArgumentException("parameter '" + key
                        + "' must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*) not starting with DROVER_");
            }
        }
    }
}

package dev.drover.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The procedures the benchmark knows, by name, in report order. Each factory makes a fresh instance for one
 * replication from the scenario's {@link Design}.
 *
 * Drover's own sequential judge ({@link DroverSequential}) comes first, so it leads the table.
 */
public final class Procedures {
    public static final String DROVER = "drover-sequential";
    public static final String FIXED_HORIZON = "fixed-horizon";
    public static final String KAYENTA = "kayenta-like";
    public static final String ARGO = "argo-style";
    public static final String NAIVE_PEEKING = "naive-peeking";

    private static final Map<String, Function<Design, Procedure>> FACTORIES = new LinkedHashMap<>();

    static {
        register(DROVER, DroverSequential::new);
        register(DroverSequential.PAIRS, d -> new DroverSequential(d, false));
        register(FIXED_HORIZON, FixedHorizon::new);
        register(KAYENTA, KayentaLike::new);
        register(ARGO, ArgoStyle::new);
        register(NAIVE_PEEKING, NaivePeeking::new);
    }

    private Procedures() {
    }

    /** Adds (or replaces) a procedure; call before a run starts (the registry is not thread-safe to change). */
    public static synchronized void register(String name, Function<Design, Procedure> factory) {
        FACTORIES.put(name, factory);
    }

    public static synchronized List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** A fresh procedure for one replication; unknown names fail, listing the known ones. */
    public static synchronized Procedure create(String name, Design design) {
        var factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown procedure '" + name + "' (known: "
                    + String.join(", ", Collections.unmodifiableSet(FACTORIES.keySet())) + ")");
        }
        return factory.apply(design);
    }
}

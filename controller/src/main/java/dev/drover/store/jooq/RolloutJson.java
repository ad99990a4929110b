package dev.drover.store.jooq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.judge.JudgeInput;
import dev.drover.judge.TierVerdict;
import dev.drover.revision.RevisionSpec;
import dev.drover.rollout.Budget;
import dev.drover.rollout.Policy;
import dev.drover.spec.GatesSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rollout's policy, baselines and verdicts as JSON columns. */
final class RolloutJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RolloutJson() {
    }

    /**
     * The policy as stored: durations in seconds; {@code alpha} each test's share of the budget but the first stage's
     * failure tests', {@code firstStageFailureAlpha} theirs (absent in a policy stored before the weighted split:
     * then every test had {@code alpha}).
     */
    private record StoredPolicy(List<RevisionSpec.Stage> stages, GatesSpec gates, double alpha,
                                Double firstStageFailureAlpha, double maxFailureRate,
                                double maxInfraFailureRate, List<String> raised, Integer replayRecent,
                                Set<String> memoryUnmeasured, List<String> tooSmall) {
    }

    static String policy(Policy p) {
        return p == null ? null : write(new StoredPolicy(p.stages().stream().map(RevisionSpec.Stage::of).toList(),
                p.gates(), p.budget().other(), p.budget().firstStageFailure(), p.limits().maxFailureRate(), p.limits().maxInfraFailureRate(), p.raised(),
                p.replayRecent(), p.memoryUnmeasured(), p.tooSmall()));
    }

    static Policy policy(String json) {
        if (json == null) {
            return null;
        }
        StoredPolicy s = read(json, new TypeReference<StoredPolicy>() { });
        return new Policy(s.stages().stream().map(RevisionSpec.Stage::spec).toList(), s.gates(),
                s.firstStageFailureAlpha() == null ? Budget.even(s.alpha()) : new Budget(s.firstStageFailureAlpha(), s.alpha()),
                new JudgeInput.BootstrapLimits(s.maxFailureRate(), s.maxInfraFailureRate()), s.raised(),
                s.replayRecent() == null ? 0 : s.replayRecent(), s.memoryUnmeasured(), s.tooSmall());
    }

    static String baselines(Map<String, Integer> baselines) {
        return write(baselines);
    }

    static Map<String, Integer> baselines(String json) {
        return read(json, new TypeReference<Map<String, Integer>>() { });
    }

    static String verdicts(List<TierVerdict> verdicts) {
        return write(verdicts);
    }

    static List<TierVerdict> verdicts(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<TierVerdict>>() { });
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rollout JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }
}

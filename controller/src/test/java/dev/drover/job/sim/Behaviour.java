package dev.drover.job.sim;

import dev.drover.agent.protocol.Assignment;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How a simulated attempt goes, decided when its host starts it. {@code random} is the attempt's
 * own generator, split from the backend's seed, so what one attempt draws does not shift another's.
 */
@FunctionalInterface
public interface Behaviour {

    Run run(Assignment assignment, RandomGenerator random);

    /** The demo worker, driven by the assignment's environment (the job's parameters over the revision's env). */
    static Behaviour demoWorker() {
        return (a, random) -> DemoWorker.run(a.env(), random);
    }

    /** The demo worker with some of its parameters set whatever the job asked, e.g. {@code FAIL_RATE=0.4}. */
    static Behaviour demoWorkerWith(Map<String, String> overrides) {
        return (a, random) -> {
            Map<String, String> env = new HashMap<>(a.env());
            env.putAll(overrides);
            return DemoWorker.run(env, random);
        };
    }

    /** This behaviour, except that attempts of {@code revision} go as {@code override} says. */
    default Behaviour onRevision(int revision, Behaviour override) {
        return (a, random) -> a.revision() == revision ? override.run(a, random) : run(a, random);
    }
}

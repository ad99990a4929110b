package dev.drover.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Detectable}: the exact power calculation agrees with simulation, and behaves as a power should. */
class DetectableTest {
    private static final double ALPHA = 0.05 / 16; // four tiers, four tests each
    private static final int REPS = 4000;

    @Test
    void morePairsDetectSmallerRegressions() {
        double previousFailure = Double.POSITIVE_INFINITY;
        double previousDuration = Double.POSITIVE_INFINITY;
        for (int pairs : new int[] {100, 200, 400, 800, 1600}) {
            double failure = Detectable.failureRatio(pairs, ALPHA, 0.02, 1.5).orElseThrow();
            double duration = Detectable.durationRatio(pairs, ALPHA / 2, 1.0, 1.2).orElseThrow();
            assertThat(failure).as("failure ratio at %d pairs", pairs).isLessThan(previousFailure).isGreaterThan(1.5);
            assertThat(duration).as("duration ratio at %d pairs", pairs).isLessThan(previousDuration).isGreaterThan(1.2);
            previousFailure = failure;
            previousDuration = duration;
        }
    }

    @Test
    void aSmallerBudgetOrARarerFailureNeedsALargerRegression() {
        double ratio = Detectable.failureRatio(300, ALPHA, 0.02, 1.5).orElseThrow();
        assertThat(Detectable.failureRatio(300, ALPHA / 10, 0.02, 1.5).orElseThrow()).isGreaterThan(ratio);
        assertThat(Detectable.failureRatio(300, ALPHA, 0.01, 1.5).orElseThrow()).isGreaterThan(ratio);
        double multiplier = Detectable.durationRatio(300, ALPHA, 1.0, 1.2).orElseThrow();
        assertThat(Detectable.durationRatio(300, ALPHA, 0.5, 1.2).orElseThrow()).isLessThan(multiplier);
    }

    @Test
    void theFailureRatioIsWhereSimulatedJobsReachTheBoundFourTimesInFive() {
        int pairs = 300;
        double p0 = 0.05;
        double r = Detectable.failureRatio(pairs, ALPHA, p0, 1.5).orElseThrow();
        assertThat(Detectable.failurePower(pairs, ALPHA, p0, 1.5, r)).isCloseTo(Detectable.POWER, within(0.001));

        PairedEvidence evidence = PairedEvidence.forRates(1.5);
        double bound = Math.log(1 / ALPHA);
        SplittableRandom random = new SplittableRandom(42);
        int atTheEnd = 0;
        int everCrossed = 0;
        for (int rep = 0; rep < REPS; rep++) {
            int up = 0;
            int down = 0;
            boolean crossed = false;
            for (int i = 0; i < pairs; i++) {
                boolean candidate = random.nextDouble() < r * p0;
                boolean baseline = random.nextDouble() < p0;
                if (candidate && !baseline) {
                    up++;
                    crossed |= evidence.logFactor(up, down) >= bound; // only an up pair raises the evidence
                }
                down += baseline && !candidate ? 1 : 0;
            }
            atTheEnd += evidence.logFactor(up, down) >= bound ? 1 : 0;
            everCrossed += crossed ? 1 : 0;
        }
        assertThat((double) atTheEnd / REPS).isCloseTo(Detectable.POWER, within(0.03));
        assertThat((double) everCrossed / REPS).as("the sequential test looks after every pair")
                .isGreaterThanOrEqualTo((double) atTheEnd / REPS);
    }

    @Test
    void theDurationMultiplierIsWhereSimulatedLognormalDurationsReachTheBoundFourTimesInFive() {
        int pairs = 200;
        double sigma = 0.8;
        double tolerance = 1.2;
        double m = Detectable.durationRatio(pairs, ALPHA, sigma, tolerance).orElseThrow();

        PairedEvidence evidence = PairedEvidence.forValues();
        double bound = Math.log(1 / ALPHA);
        SplittableRandom random = new SplittableRandom(7);
        int detected = 0;
        for (int rep = 0; rep < REPS; rep++) {
            int up = 0;
            for (int i = 0; i < pairs; i++) {
                double baseline = Math.exp(sigma * gaussian(random));
                double candidate = m * Math.exp(sigma * gaussian(random));
                up += candidate > tolerance * baseline ? 1 : 0;
            }
            detected += evidence.logFactor(up, pairs - up) >= bound ? 1 : 0;
        }
        assertThat((double) detected / REPS).isCloseTo(Detectable.POWER, within(0.03));
    }

    @Test
    void tooFewPairsDetectNothing() {
        assertThat(Detectable.failureRatio(3, ALPHA, 0.02, 1.5)).isEmpty();
        assertThat(Detectable.durationRatio(3, ALPHA, 1.0, 1.2)).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> Detectable.failureRatio(0, ALPHA, 0.02, 1.5)).hasMessageContaining("pairs");
        assertThatThrownBy(() -> Detectable.failureRatio(100, 0, 0.02, 1.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Detectable.failureRatio(100, ALPHA, 1, 1.5)).hasMessageContaining("failure rate");
        assertThatThrownBy(() -> Detectable.failureRatio(100, ALPHA, 0.02, 0.5)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> Detectable.durationRatio(100, ALPHA, 0, 1.2)).hasMessageContaining("spread");
        assertThatThrownBy(() -> Detectable.durationRatio(100, 1.5, 1.0, 1.2)).hasMessageContaining("alpha");
    }

    /** A standard normal draw (Box-Muller), so the simulation depends on nothing but the seeded generator. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}

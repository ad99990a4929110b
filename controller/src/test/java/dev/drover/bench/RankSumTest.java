package dev.drover.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankSumTest {

    @Test
    void theIncrementalZEqualsMannWhitneyComputedFromScratchOnTheRoundedValues() {
        SplittableRandom rnd = new SplittableRandom(3);
        RankSum incremental = new RankSum();
        List<Integer> cand = new ArrayList<>();
        List<Integer> base = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean isCandidate = rnd.nextBoolean();
            // few distinct values, so many ties
            double minutes = Math.round(Math.exp(rnd.nextGaussian()) * 4) / 4.0 + (isCandidate ? 0.25 : 0);
            incremental.add(isCandidate, minutes);
            (isCandidate ? cand : base).add(RankSum.bin(minutes));
        }
        assertThat(incremental.z()).isCloseTo(fromScratch(cand, base), within(1e-9));
    }

    private static double fromScratch(List<Integer> cand, List<Integer> base) {
        double u = 0;
        for (int c : cand) {
            for (int b : base) {
                u += c > b ? 1 : c == b ? 0.5 : 0;
            }
        }
        Map<Integer, Integer> groups = new HashMap<>();
        cand.forEach(v -> groups.merge(v, 1, Integer::sum));
        base.forEach(v -> groups.merge(v, 1, Integer::sum));
        double ties = groups.values().stream().mapToDouble(t -> (double) t * t * t - t).sum();
        double nc = cand.size();
        double nb = base.size();
        double n = nc + nb;
        double variance = nc * nb / 12 * ((n + 1) - ties / (n * (n - 1)));
        return (u - nc * nb / 2 - 0.5) / Math.sqrt(variance);
    }
}

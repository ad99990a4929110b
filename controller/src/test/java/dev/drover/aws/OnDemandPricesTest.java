package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The on-demand price table read back from configuration, which splits instance types at their dots. */
class OnDemandPricesTest {

    @Test
    void nestedKeysAreJoinedBackIntoInstanceTypes() {
        Map<String, Object> bound = Map.of(
                "m5", Map.of("large", 0.096, "2xlarge", "0.384"),
                "g5.xlarge", new BigDecimal("1.006"));

        assertThat(OnDemandPrices.of(bound)).containsOnly(
                Map.entry("m5.large", new BigDecimal("0.096")),
                Map.entry("m5.2xlarge", new BigDecimal("0.384")),
                Map.entry("g5.xlarge", new BigDecimal("1.006")));
    }

    @Test
    void noSettingIsAnEmptyTable() {
        assertThat(OnDemandPrices.of(null)).isEmpty();
        assertThat(OnDemandPrices.of(Map.of())).isEmpty();
    }

    @Test
    void aPriceThatIsNotAPositiveNumberNamesTheSettingToFix() {
        assertThatThrownBy(() -> OnDemandPrices.of(Map.of("m5", Map.of("large", "cheap"))))
                .hasMessageContaining("drover.aws.on-demand-prices.m5.large must be a price")
                .hasMessageContaining("'cheap'");
        assertThatThrownBy(() -> OnDemandPrices.of(Map.of("m5.large", 0)))
                .hasMessageContaining("drover.aws.on-demand-prices.m5.large")
                .hasMessageContaining("more than 0");
    }
}

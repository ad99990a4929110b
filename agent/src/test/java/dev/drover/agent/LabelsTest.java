package dev.drover.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelsTest {

    @Test
    void parsesPairsInOrder() {
        assertThat(Labels.parse(" capacity=spot, instance=m5.large ,zone=eu-west-1a").values())
                .containsExactly(Map.entry("capacity", "spot"), Map.entry("instance", "m5.large"),
                        Map.entry("zone", "eu-west-1a"));
        assertThat(Labels.parse("").values()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "capacity                | is not key=value",
        "Capacity=spot           | lower-case key",
        "capacity=               | is not key=value",
        "capacity=cheap          | must be spot or on-demand",
        "zone=a,zone=b           | given twice",
    })
    void refusesBadLabelsSayingWhy(String text, String why) {
        assertThatThrownBy(() -> Labels.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
    }
}

package dev.drover.agent.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    @Test
    void nothingMeasuredIsNullNotZero() {
        assertThat(new Measurements().usage(Duration.ofSeconds(3)))
                .isEqualTo(new Measurements.Usage(null, null, null, null, null));
    }

    @Test
    void theLargestMemoryReadingIsThePeak() {
        Measurements measurements = new Measurements();
        measurements.memory(10);
        measurements.memory(30);
        measurements.memory(20);

        assertThat(measurements.usage(Duration.ofSeconds(1)).memoryPeakBytes()).isEqualTo(30);
    }

    @Test
    void averageCpuIsCpuTimeOverTheRunAndThePeakNeverBelowIt() {
        Measurements measurements = new Measurements();
        measurements.cpuTime(1_000_000_000L);
        measurements.cpuTime(3_000_000_000L);
        measurements.cpuCores(0.5);

        Measurements.Usage usage = measurements.usage(Duration.ofSeconds(4));
        assertThat(usage.cpuAvg()).isEqualTo(0.75);
        assertThat(usage.cpuPeak()).isEqualTo(0.75);

        measurements.cpuCores(1.9);
        assertThat(measurements.usage(Duration.ofSeconds(4)).cpuPeak()).isEqualTo(1.9);
    }
}

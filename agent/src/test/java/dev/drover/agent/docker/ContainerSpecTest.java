package dev.drover.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.DeviceRequest;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.Limits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {

    private static Assignment assignment(Limits limits) {
        return new Assignment(42, "job-7", 1, "thumbnailer", "canary-gpu", 3, "candidate", "reg/thumbnailer@sha256:ab",
                List.of("sh", "/app/work.sh"), Map.of("API_KEY", "secret-value"), limits);
    }

    @Test
    void limitsBecomeTheHostConfigWithoutSwapOrNetwork() {
        ContainerSpec spec = ContainerSpec.of(assignment(new Limits(1.5, 512L << 20, 1L << 30, 0, 1800, false)), new ContainerOwner("agent-1", "i-1"), "bridge", List.of(), "/drover/attempt-42");

        assertThat(spec.name()).matches("drover-attempt-42-[0-9a-f]{8}");
        assertThat(spec.hostConfig().getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(spec.hostConfig().getMemory()).isEqualTo(512L << 20);
        assertThat(spec.hostConfig().getMemorySwap()).isEqualTo(512L << 20);
        assertThat(spec.hostConfig().getShmSize()).isEqualTo(1L << 30);
        assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("none");
        assertThat(spec.hostConfig().getCgroupParent()).isEqualTo("/drover/attempt-42");
        assertThat(spec.hostConfig().getDeviceRequests()).isNull();
        assertThat(spec.labels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("dev.drover.agent", "agent-1", "dev.drover.agent-instance", "i-1", "dev.drover.attempt", "42",
                        "dev.drover.job", "job-7"));
        assertThat(spec.env()).containsExactly("API_KEY=secret-value");
        assertThat(spec.toString()).doesNotContain("secret-value");
    }

    @Test
    void aNetworkWhenItsLimitsAllowOne() {
        ContainerSpec spec = ContainerSpec.of(assignment(new Limits(1, 0, 0, 0, 0, true)), new ContainerOwner("agent-1", "i-1"),
                "host", List.of(), null);

        assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(spec.hostConfig().getMemory()).isNull();
    }

    @Test
    void gpusArePickedByIdWhenKnownAndCountedOtherwise() {
        Limits twoGpus = new Limits(1, 0, 0, 2, 0, false);
        DeviceRequest picked = ContainerSpec.of(assignment(twoGpus), new ContainerOwner("a", "i-1"), "none", List.of(2, 3), null)
                .hostConfig().getDeviceRequests().get(0);
        DeviceRequest counted = ContainerSpec.of(assignment(twoGpus), new ContainerOwner("a", "i-1"), "none", List.of(), null)
                .hostConfig().getDeviceRequests().get(0);

        assertThat(picked.getDriver()).isEqualTo("nvidia");
        assertThat(picked.getDeviceIds()).containsExactly("2", "3");
        assertThat(picked.getCapabilities()).containsExactly(List.of("gpu"));
        assertThat(counted.getCount()).isEqualTo(2);
        assertThat(counted.getDeviceIds()).isNull();
    }

    @Test
    void twoAttemptsNeverShareAGpu() {
        GpuPool pool = new GpuPool(List.of(0, 1, 2));

        assertThat(pool.take(2)).containsExactly(0, 1);
        assertThat(pool.take(2)).isEmpty();
        assertThat(pool.take(1)).containsExactly(2);
        pool.give(List.of(0, 1));
        assertThat(pool.take(2)).containsExactly(0, 1);
    }
}

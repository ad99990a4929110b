package dev.drover.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    @Test
    void theBuiltInListHasTheProtocolsScenarios() {
        List<Scenario> all = ScenarioFile.builtIn();

        assertThat(all).extracting(Scenario::name).contains("aa", "spot-5%", "spot-20%", "infra-bursts",
                "common-drift", "fail-timing", "r-2", "r-3", "r-5", "m-1.25", "m-1.5", "tail-only", "memory-1.25-oom");
        assertThat(all.stream().filter(s -> s.name().equals("infra-bursts")).findFirst().orElseThrow())
                .satisfies(s -> {
                    assertThat(s.mustPromote()).isTrue();
                    assertThat(s.infraBursts()).isTrue();
                    assertThat(s.infraRate()).isEqualTo(0.1);
                });
    }

    @Test
    void linesStartFromTheBaseAsDefaultsChangedIt() {
        List<Scenario> s = ScenarioFile.parse("f", List.of("# comment", "", "a r=2   # trailing",
                "defaults share=0.1 rate=20", "b expect=rollback m=1.5"));

        assertThat(s).hasSize(2);
        assertThat(s.get(0).relativeRisk()).isEqualTo(2);
        assertThat(s.get(0).share()).isEqualTo(0.5);
        assertThat(s.get(1).share()).isEqualTo(0.1);
        assertThat(s.get(1).jobsPerHour()).isEqualTo(20);
        assertThat(s.get(1).relativeRisk()).isEqualTo(1);
        assertThat(s.get(1).mustPromote()).isFalse();
    }

    @Test
    void aMalformedLineFailsNamingTheFileAndLine() {
        assertThatThrownBy(() -> ScenarioFile.parse("s.txt", List.of("a", "b p0=abc")))
                .hasMessage("s.txt:2: p0 must be a number, not 'abc'");
        assertThatThrownBy(() -> ScenarioFile.parse("s.txt", List.of("a", "", "c share")))
                .hasMessage("s.txt:3: expected key=value, got 'share'");
        assertThatThrownBy(() -> ScenarioFile.parse("s.txt", List.of("a share=1.5")))
                .hasMessage("s.txt:1: share must be in (0, 1)");
        assertThatThrownBy(() -> ScenarioFile.parse("s.txt", List.of("a", "a r=2")))
                .hasMessage("s.txt:2: scenario 'a' is defined twice");
    }

    @Test
    void theHorizonComesFromTheDesignEffectsUnlessTheFileSetsIt() {
        assertThat(SampleSize.failures(0.02)).isBetween(880, 920);
        assertThat(SampleSize.durations(1)).isBetween(220, 280);
        assertThat(Scenario.BASE.horizon()).isEqualTo(SampleSize.failures(0.02));
        assertThat(ScenarioFile.parse("f", List.of("a nfh=120")).get(0).cap()).isEqualTo(360);
    }
}

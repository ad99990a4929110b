package dev.drover.bench;

/** Scenarios for tests: the base case with a few settings changed. */
final class ScenarioBuilderFixture {
    private final ScenarioBuilder builder = new ScenarioBuilder("test", Scenario.BASE);

    ScenarioBuilderFixture with(String key, String value) {
        builder.set(key, value);
        return this;
    }

    Scenario build() {
        return builder.build();
    }
}

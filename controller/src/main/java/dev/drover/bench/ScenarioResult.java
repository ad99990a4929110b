package dev.drover.bench;

import java.util.List;

/** Every procedure's summary on one scenario, in procedure order. */
public record ScenarioResult(Scenario scenario, int nfh, List<Summary> summaries) {
}

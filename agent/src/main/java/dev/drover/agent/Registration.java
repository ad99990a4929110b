package dev.drover.agent;

import java.util.List;
import java.util.Map;

/** What an agent tells the controller about itself when it registers. */
public record Registration(int slots, Map<String, String> labels, List<Gpu> gpus) {
}

package dev.drover.agent.protocol;

import java.util.List;
import java.util.Map;

/** What an agent tells the controller about itself when it registers ({@code POST /api/v1/agents/register}). */
public record Registration(int slots, Map<String, String> labels, List<Gpu> gpus, HostCapacity host, String version) {
}

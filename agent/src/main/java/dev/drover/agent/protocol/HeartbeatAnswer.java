package dev.drover.agent.protocol;

import java.util.List;

/**
 * @param drain  take no new work (running attempts finish)
 * @param cancel attempts to stop now (their jobs were cancelled); report them with outcome {@code cancelled}
 */
public record HeartbeatAnswer(boolean drain, List<Long> cancel) {
}

package dev.drover.notify;

import dev.drover.rollout.RolloutEvent;

/** An event with what a reader needs beside it: the service's name and the rollout's revision (null if none). */
public record Notice(RolloutEvent event, String service, Integer revision) {
}

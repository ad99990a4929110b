/**
 * Live: what changed since an open dashboard last looked, found by comparing cheap fingerprints of the
 * stored state (so every controller replica sees every other's changes) and by tailing rollout events.
 *
 * <p>Plain Java. May import {@code dev.drover.rollout} and {@code dev.drover.store}; never Micronaut, jOOQ or HTTP types.
 */
package dev.drover.live;

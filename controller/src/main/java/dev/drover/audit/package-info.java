/**
 * Audit: who did what, when, why, and how it ended, for every mutating call (refused ones too).
 *
 * <p>Plain Java; never Micronaut, jOOQ or HTTP types.
 */
package dev.drover.audit;

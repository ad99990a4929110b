/**
 * Commits in: every commit on a service's branch is recorded once, its {@code drover.yaml} checked,
 * and history rewrites recorded. {@link dev.drover.commit.CommitIntake} drives it from a webhook or a poll.
 *
 * <p>Plain Java; the git mirror and the stores are interfaces implemented by adapters.
 */
package dev.drover.commit;

/**
 * Webhooks: GitHub, GitLab and plain-git push notifications. The signature is checked on the raw
 * body before anything parses it; every delivery is recorded with what became of it.
 *
 * <p>Plain Java (JSON through Jackson); the HTTP endpoint lives in {@code dev.drover.api}.
 */
package dev.drover.webhook;

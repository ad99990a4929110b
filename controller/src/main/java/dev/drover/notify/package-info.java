/**
 * Notifications: an outbox over the stored events ({@code rollout_event}). Each sink (a JSON webhook, a
 * Slack-compatible webhook, or the commit-status callback) keeps a cursor into the events; a pass queues
 * a delivery for each new event a sink wants, then sends the deliveries that are due, retrying with
 * backoff and recording every attempt. {@link dev.drover.notify.NotificationOutbox} drives it on its own
 * thread, so a slow or down receiver never delays a rollout.
 *
 * <p>Plain Java (JSON through Jackson, HTTP through {@code java.net.http}); imports the domain packages
 * (rollout, service, secret), never Micronaut or jOOQ. The store is implemented in {@code dev.drover.store.jooq}.
 */
package dev.drover.notify;

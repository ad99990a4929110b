package dev.drover.notify;

import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.RolloutStore;
import dev.drover.service.ServiceStore;
import dev.drover.webhook.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: each {@link #pass()} queues, for every sink, a notification per new event it wants (and moves
 * the sink's cursor in the same transaction), then sends what is due. Delivery is at least once: a crash
 * between a receiver's 2xx and the record of it sends that notification again.
 *
 * <p>Event ids are handed out before their transactions commit, so an event may become visible after a
 * newer one the cursor has passed. Each pass therefore reads again the last {@link #LOOKBACK} ids behind
 * the cursor (never below where the sink started) and queues what it finds missing.
 */
public final class NotificationOutbox {
    static final int LOOKBACK = 100;
    static final int READ_BATCH = 500;
    static final int SEND_BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);

    private final Map<String, Sink> sinks = new LinkedHashMap<>();
    private final RolloutStore events;
    private final ServiceStore services;
    private final NotificationStore store;
    private final Sender sender;
    private final Backoff backoff;
    private final Duration timeout;
    private final Clock clock;

    public NotificationOutbox(List<Sink> sinks, RolloutStore events, ServiceStore services, NotificationStore store,
                              Sender sender, Backoff backoff, Duration timeout, Clock clock) {
        for (Sink sink : sinks) {
            if (this.sinks.put(sink.name(), sink) != null) {
                throw new IllegalArgumentException("two notification sinks are named '" + sink.name() + "'");
            }
        }
        this.events = events;
        this.services = services;
        this.store = store;
        this.sender = sender;
        this.backoff = backoff;
        this.timeout = timeout;
        this.clock = clock;
    }

    public boolean hasSinks() {
        return !sinks.isEmpty();
    }

    /** Queues what is new, then sends what is due. One sink's trouble never stops another's. */
    public void pass() {
        for (Sink sink : sinks.values()) {
            try {
                collect(sink);
            } catch (RuntimeException e) {
                LOG.error("notifications: reading events for sink {} failed: {}", sink.name(), e.getMessage(), e);
            }
        }
        send();
    }

    /** Queues a notification for each event the sink wants that it has not queued yet; returns how many. */
    int collect(Sink sink) {
        NotificationStore.Cursor cursor = store.cursor(sink.name(), events.lastEventId());
        long from = Math.max(cursor.floor(), cursor.last() - LOOKBACK);
        List<RolloutEvent> read = events.eventsAfter(from, READ_BATCH);
        if (read.isEmpty()) {
            return 0;
        }
        Set<Long> queued = store.queued(sink.name(), from);
        Lookups lookups = new Lookups();
        List<Notification.New> fresh = new ArrayList<>();
        for (RolloutEvent e : read) {
            if (sink.wants(e) && !queued.contains(e.id())) {
                Notice notice = lookups.notice(e);
                fresh.add(new Notification.New(sink.name(), e.id(), e.serviceId(), e.kind().wireName(),
                        sink.urlFor(notice.service(), e), Payloads.of(sink.format(), notice), clock.instant()));
            }
        }
        return store.queue(sink.name(), read.get(read.size() - 1).id(), fresh);
    }

    /** What one batch of events reads once: service names, and each rollout's revision (a rollout has many events). */
    private final class Lookups {
        private final Map<Long, String> names = new HashMap<>();
        private final Map<Long, Optional<Integer>> revisions = new HashMap<>();

        Notice notice(RolloutEvent e) {
            if (!names.containsKey(e.serviceId())) {
                services.list().forEach(s -> names.put(s.id(), s.name()));
            }
            Integer revision = e.rolloutId() == null ? null : revisions.computeIfAbsent(e.rolloutId(),
                    id -> events.find(id).map(Rollout::revision)).orElse(null);
            return new Notice(e, names.getOrDefault(e.serviceId(), "service " + e.serviceId()), revision);
        }
    }

    /** Sends the due notifications this controller can claim; returns how many it attempted. */
    int send() {
        int attempted = 0;
        for (Notification n : store.due(clock.instant(), SEND_BATCH)) {
            Sink sink = sinks.get(n.sink());
            if (sink == null) {
                store.record(n.id(), new Notification.Outcome(NotificationStatus.FAILED, n.attempts(), null,
                        "sink '" + n.sink() + "' is no longer configured", clock.instant(), null));
                continue;
            }
            // held past this attempt's longest time, so a crash mid-send leaves it to be retried, not lost
            if (!store.claim(n, clock.instant().plus(timeout.multipliedBy(2)).plus(backoff.base()))) {
                continue;
            }
            Sender.Answer answer = sender.post(n.url(), n.payload(), headers(sink, n), timeout);
            store.record(n.id(), outcome(n, answer, clock.instant()));
            if (!answer.ok()) {
                LOG.warn("notification {} to {} (attempt {}) failed: {}", n.id(), n.sink(), n.attempts() + 1, answer.error());
            }
            attempted++;
        }
        return attempted;
    }

    private Notification.Outcome outcome(Notification n, Sender.Answer answer, Instant now) {
        int attempts = n.attempts() + 1;
        if (answer.ok()) {
            return new Notification.Outcome(NotificationStatus.DELIVERED, attempts, answer.statusCode(), null, now, now);
        }
        if (attempts >= backoff.maxAttempts()) {
            return new Notification.Outcome(NotificationStatus.FAILED, attempts, answer.statusCode(),
                    "gave up after " + attempts + " attempts: " + answer.error(), now, null);
        }
        return new Notification.Outcome(NotificationStatus.QUEUED, attempts, answer.statusCode(), answer.error(),
                now.plus(backoff.after(attempts)), null);
    }

    private static Map<String, String> headers(Sink sink, Notification n) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Drover-Event", n.kind());
        headers.put("X-Drover-Delivery", Long.toString(n.id()));
        sink.secret().ifPresent(s -> headers.put("X-Drover-Signature-256",
                Hmac.sign(s, n.payload().getBytes(StandardCharsets.UTF_8))));
        sink.token().ifPresent(t -> headers.put("Authorization", "Bearer " + t.value()));
        return headers;
    }
}

package dev.drover.webhook;

import dev.drover.commit.CommitIntake;
import dev.drover.commit.MirrorException;
import dev.drover.service.Service;
import dev.drover.service.ServiceStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Takes a webhook delivery from its raw bytes to a fetch: size, service, signature (on the raw
 * body, before any parsing), event, branch, redelivery; then the mirror is fetched. Every
 * delivery is recorded, whatever its outcome; nothing else changes unless it is authentic.
 */
public final class WebhookReceiver {
    private final ServiceStore services;
    private final DeliveryStore deliveries;
    private final CommitIntake intake;
    private final Clock clock;
    private final int maxBodyBytes;

    public WebhookReceiver(ServiceStore services, DeliveryStore deliveries, CommitIntake intake, Clock clock,
                           int maxBodyBytes) {
        this.services = services;
        this.deliveries = deliveries;
        this.intake = intake;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Reception receive(String provider, String serviceName, Headers headers, byte[] body) {
        Attempt attempt = new Attempt(provider, serviceName, body.length);
        HookFormat format = HookFormat.named(provider);
        if (format == null) {
            return attempt.end(404, DeliveryOutcome.REJECTED, "unknown hook type '" + provider + "': use github, gitlab or git");
        }
        attempt.deliveryId = format.deliveryId(headers);
        if (body.length > maxBodyBytes) {
            return attempt.end(413, DeliveryOutcome.REJECTED, "body of " + body.length + " bytes is over the limit of "
                    + maxBodyBytes + " (drover.webhooks.max-body-size)");
        }
        Optional<Service> found = services.find(serviceName);
        if (found.isEmpty()) {
            return attempt.end(404, DeliveryOutcome.REJECTED, "no service named '" + serviceName + "'");
        }
        Service service = found.get();
        if (service.webhookSecret() == null) {
            return attempt.end(401, DeliveryOutcome.REFUSED, "service '" + serviceName
                    + "' has no webhook secret: set one (drover service add --webhook-secret-file) to accept webhooks");
        }
        if (!format.authentic(headers, body, service.webhookSecret())) {
            return attempt.end(401, DeliveryOutcome.REFUSED, "signature missing or wrong for the " + format.name()
                    + " hook of '" + serviceName + "'");
        }
        String event = format.event(headers);
        if (!"push".equals(event)) {
            return attempt.end(200, DeliveryOutcome.IGNORED, "'" + event + "' event: only pushes are acted on");
        }
        PushEvent push;
        try {
            push = format.push(headers, body);
        } catch (MalformedPayloadException e) {
            return attempt.end(400, DeliveryOutcome.REJECTED, e.getMessage());
        }
        attempt.ref = push.ref();
        attempt.after = push.after();
        if (!push.ref().equals(service.branchRef())) {
            return attempt.end(200, DeliveryOutcome.IGNORED, "push to " + push.ref() + "; this service follows "
                    + service.branchRef());
        }
        if (push.deletesRef()) {
            return attempt.end(200, DeliveryOutcome.IGNORED, "the push deletes " + push.ref());
        }
        if (attempt.deliveryId != null && deliveries.accepted(serviceName, format.name(), attempt.deliveryId)) {
            return attempt.end(200, DeliveryOutcome.IGNORED, "redelivery of " + attempt.deliveryId);
        }
        try {
            return attempt.end(202, DeliveryOutcome.ACCEPTED, "fetched: " + intake.synchronize(service).describe());
        } catch (MirrorException e) {
            return attempt.end(202, DeliveryOutcome.ACCEPTED, "fetch failed, polling will retry: " + e.getMessage());
        }
    }

    /** The delivery being handled; {@link #end} records it once with its outcome. */
    private final class Attempt {
        private final String provider;
        private final String serviceName;
        private final int bodyBytes;
        private String deliveryId;
        private String ref;
        private String after;

        Attempt(String provider, String serviceName, int bodyBytes) {
            this.provider = provider;
            this.serviceName = serviceName;
            this.bodyBytes = bodyBytes;
        }

        Reception end(int status, DeliveryOutcome outcome, String reason) {
            deliveries.append(new Delivery(0, clip(serviceName, 100), clip(provider, 16), clip(deliveryId, 200),
                    clock.instant(), outcome, reason, status, clip(ref, 500), clip(after, 64), bodyBytes));
            return new Reception(status, outcome, reason);
        }

        private String clip(String text, int max) {
            return text == null || text.length() <= max ? text : text.substring(0, max);
        }
    }
}

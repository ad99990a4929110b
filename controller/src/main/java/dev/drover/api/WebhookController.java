package dev.drover.api;

import dev.drover.webhook.DeliveryOutcome;
import dev.drover.webhook.Reception;
import dev.drover.webhook.WebhookReceiver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/** {@code POST /hooks/{github|gitlab|git}/{service}}: no token; the delivery's signature is its credential. */
@Controller("/hooks")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
public class WebhookController {
    private final WebhookReceiver receiver;
    private final ProblemResponses problems;

    public WebhookController(WebhookReceiver receiver, ProblemResponses problems) {
        this.receiver = receiver;
        this.problems = problems;
    }

    @Post("/{provider}/{service}")
    @Consumes({"application/json", "application/x-www-form-urlencoded", "text/plain", "application/octet-stream"})
    @Operation(summary = "A push notification, signed with the service's webhook secret")
    public HttpResponse<?> deliver(HttpRequest<?> request, String provider, String service, @Nullable @Body byte[] body) {
        Reception reception = receiver.receive(provider, service, name -> request.getHeaders().get(name),
                body == null ? new byte[0] : body);
        HttpStatus status = HttpStatus.valueOf(reception.status());
        if (reception.status() >= 400) {
            String title = reception.outcome() == DeliveryOutcome.REFUSED ? "Delivery refused" : "Delivery rejected";
            return problems.of(request, status, title, reception.reason(), null);
        }
        return HttpResponse.status(status).body(Map.of("outcome", reception.outcome().wireName(), "reason", reception.reason()));
    }
}

package dev.drover.api;

import static dev.drover.service.ServiceSettings.MAX_BRANCH;
import static dev.drover.service.ServiceSettings.MAX_CREDENTIALS;
import static dev.drover.service.ServiceSettings.MAX_NAME;
import static dev.drover.service.ServiceSettings.MAX_REPO_URL;
import static dev.drover.service.ServiceSettings.MAX_WEBHOOK_SECRET;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/services}. The limits are {@link dev.drover.service.ServiceSettings}'s, checked here first
 * so the answer names the field.
 *
 * @param webhookSecret the secret webhooks will be signed with (the CLI reads it from a file)
 * @param credentials   name of a controller-side secret to fetch the repository with
 */
@Introspected
public record AddServiceRequest(
        @NotBlank @Size(max = MAX_NAME, message = Input.AT_MOST) String name,
        @NotBlank @Size(max = MAX_REPO_URL, message = Input.AT_MOST)
        @Pattern(regexp = Input.ONE_LINE, message = Input.ONE_LINE_MESSAGE) String repo,
        @Nullable @Size(max = MAX_BRANCH, message = Input.AT_MOST) String branch,
        @Nullable @Size(max = MAX_WEBHOOK_SECRET, message = Input.AT_MOST)
        @Pattern(regexp = Input.ONE_LINE, message = Input.ONE_LINE_MESSAGE) String webhookSecret,
        @Nullable @Size(max = MAX_CREDENTIALS, message = Input.AT_MOST) String credentials,
        @Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
        @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason) {
    @Override
    public String toString() {
        return "AddServiceRequest[name=" + name + ", repo=" + repo + ", branch=" + branch + ", webhookSecret="
                + (webhookSecret == null ? "none" : "****") + ", credentials=" + credentials + "]";
    }
}

package dev.drover.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code POST /api/v1/services}.
 *
 * @param webhookSecret the secret webhooks will be signed with (the CLI reads it from a file)
 * @param credentials   name of a controller-side secret to fetch the repository with
 */
@Introspected
public record AddServiceRequest(@NotBlank String name, @NotBlank String repo, @Nullable String branch,
                                @Nullable String webhookSecret, @Nullable String credentials, @Nullable String reason) {
    @Override
    public String toString() {
        return "AddServiceRequest[name=" + name + ", repo=" + repo + ", branch=" + branch + ", webhookSecret="
                + (webhookSecret == null ? "none" : "****") + ", credentials=" + credentials + "]";
    }
}

package dev.drover.service;

import dev.drover.secret.SecretText;
import java.time.Instant;

/**
 * A worker application: a git repository and branch with a {@code drover.yaml} at its root.
 *
 * @param webhookSecret the secret webhooks are signed with; null: webhooks are refused
 * @param credentials   name of the controller-side secret used to fetch the repository; null: none
 * @param origin        where the service was declared
 * @param version       optimistic-lock version: an update must name the version it read
 */
public record Service(
        long id,
        String name,
        String repoUrl,
        String branch,
        SecretText webhookSecret,
        String credentials,
        ServiceOrigin origin,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Service withBranch(String newBranch) {
        return new Service(id, name, repoUrl, newBranch, webhookSecret, credentials, origin, createdAt, updatedAt, version);
    }

    public Service withRepoUrl(String newRepoUrl) {
        return new Service(id, name, newRepoUrl, branch, webhookSecret, credentials, origin, createdAt, updatedAt, version);
    }

    public Service withSettings(ServiceSettings settings) {
        return new Service(id, name, settings.repoUrl(), settings.branch(), settings.webhookSecret(),
                settings.credentials(), origin, createdAt, updatedAt, version);
    }

    /** The full ref name of the branch, e.g. {@code refs/heads/main}. */
    public String branchRef() {
        return "refs/heads/" + branch;
    }
}

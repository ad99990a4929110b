package dev.drover.service;

import java.time.Instant;

/**
 * A worker application.
 *
 * @param version optimistic-lock version: an update must name the version it read
 */
public record Service(
        long id,
        String name,
        String repoUrl,
        String branch,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Service withBranch(String newBranch) {
        return new Service(id, name, repoUrl, newBranch, createdAt, updatedAt, version);
    }

    public Service withRepoUrl(String newRepoUrl) {
        return new Service(id, name, newRepoUrl, branch, createdAt, updatedAt, version);
    }
}

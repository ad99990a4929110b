package dev.drover.service;

import dev.drover.secret.DirectorySecrets;
import dev.drover.secret.SecretText;
import java.util.regex.Pattern;

/** What a person sets on a service: validated once, here. */
public record ServiceSettings(String name, String repoUrl, String branch, SecretText webhookSecret, String credentials) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,200}");

    public ServiceSettings {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name '" + name
                    + "' is not valid: use 1-63 lower-case letters, digits or '-', starting with a letter");
        }
        if (repoUrl == null || repoUrl.isBlank()) {
            throw new IllegalArgumentException("service '" + name + "': a repository URL is needed (--repo)");
        }
        if (repoUrl.matches("(?i)[a-z+]+://[^/@]*:[^/@]*@.*")) {
            throw new IllegalArgumentException("service '" + name
                    + "': put no password or token in the repository URL; name a controller-side secret with --credentials");
        }
        if (branch == null || !BRANCH.matcher(branch).matches() || branch.contains("..") || branch.startsWith("refs/")) {
            throw new IllegalArgumentException("service '" + name + "': branch '" + branch
                    + "' is not a branch name (give 'main', not 'refs/heads/main')");
        }
        if (credentials != null && !DirectorySecrets.validName(credentials)) {
            throw new IllegalArgumentException("service '" + name + "': credentials '" + credentials
                    + "' is not a secret name (lower-case path like github/deploy-token)");
        }
    }
}

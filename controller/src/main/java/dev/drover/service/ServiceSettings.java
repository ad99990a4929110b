package dev.drover.service;

import dev.drover.secret.DirectorySecrets;
import dev.drover.secret.SecretText;
import java.util.regex.Pattern;

/**
 * What a person sets on a service: validated once, here, whether it came from the API or the configuration.
 * The limits are the columns' (the API's constraints name them too): an over-long value is refused in words
 * without being repeated, never left for the database to refuse quoting it.
 */
public record ServiceSettings(String name, String repoUrl, String branch, SecretText webhookSecret, String credentials) {
    public static final int MAX_NAME = 63;
    public static final int MAX_REPO_URL = 2000;
    public static final int MAX_BRANCH = 200;
    public static final int MAX_WEBHOOK_SECRET = 500;
    public static final int MAX_CREDENTIALS = 200;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0," + (MAX_NAME - 1) + "}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1," + MAX_BRANCH + "}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public ServiceSettings {
        if (name != null && name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a service name has at most " + MAX_NAME + " characters");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name '" + name
                    + "' is not valid: use 1-63 lower-case letters, digits or '-', starting with a letter");
        }
        if (repoUrl == null || repoUrl.isBlank()) {
            throw new IllegalArgumentException("service '" + name + "': a repository URL is needed (--repo)");
        }
        if (repoUrl.length() > MAX_REPO_URL || CONTROL.matcher(repoUrl).find()) {
            throw new IllegalArgumentException("service '" + name + "': the repository URL must be one line of at most "
                    + MAX_REPO_URL + " characters");
        }
        if (repoUrl.matches("(?i)[a-z+]+://[^/@]*:[^/@]*@.*")) {
            throw new IllegalArgumentException("service '" + name
                    + "': put no password or token in the repository URL; name a controller-side secret with --credentials");
        }
        if (branch != null && branch.length() > MAX_BRANCH) {
            throw new IllegalArgumentException("service '" + name + "': a branch name has at most " + MAX_BRANCH
                    + " characters");
        }
        if (branch == null || !BRANCH.matcher(branch).matches() || branch.contains("..") || branch.startsWith("refs/")) {
            throw new IllegalArgumentException("service '" + name + "': branch '" + branch
                    + "' is not a branch name (give 'main', not 'refs/heads/main')");
        }
        if (webhookSecret != null && (webhookSecret.value().length() > MAX_WEBHOOK_SECRET
                || CONTROL.matcher(webhookSecret.value()).find())) {
            throw new IllegalArgumentException("service '" + name + "': the webhook secret must be one line of at most "
                    + MAX_WEBHOOK_SECRET + " characters");
        }
        if (credentials != null && credentials.length() > MAX_CREDENTIALS) {
            throw new IllegalArgumentException("service '" + name + "': credentials must name a secret in at most "
                    + MAX_CREDENTIALS + " characters");
        }
        if (credentials != null && !DirectorySecrets.validName(credentials)) {
            throw new IllegalArgumentException("service '" + name + "': credentials '" + credentials
                    + "' is not a secret name (lower-case path like github/deploy-token)");
        }
    }
}

package dev.drover.agent.link;

/**
 * The controller's answer to one request.
 *
 * @param body the parsed body on a 2xx answer; null otherwise
 * @param text the raw body (on errors usually {@code application/problem+json}), for messages
 */
public record Reply<T>(int status, T body, String text) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** 401 or 403: the controller does not accept this agent's token. */
    public boolean refused() {
        return status == 401 || status == 403;
    }

    /** Worth asking again later: the controller (or a proxy in front of it) is busy, restarting or failing. */
    public boolean retryable() {
        return status >= 500 || status == 408 || status == 429;
    }

    /** Status and a short form of the body, for a person. */
    public String describe() {
        String trimmed = text == null ? "" : text.strip();
        return status + (trimmed.isEmpty() ? "" : ": " + (trimmed.length() > 300 ? trimmed.substring(0, 300) + "..." : trimmed));
    }
}

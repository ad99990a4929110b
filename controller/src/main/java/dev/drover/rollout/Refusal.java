package dev.drover.rollout;

/**
 * A request the rollout rules refuse. {@code locked}: a person's lock stands in the way (the CLI exits 3
 * and names who and why); otherwise the request does not fit the service's state (409).
 */
public class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean locked;

    public Refusal(String message, boolean locked) {
        super(message);
        this.locked = locked;
    }

    public boolean locked() {
        return locked;
    }
}

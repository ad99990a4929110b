package dev.drover.store;

/** An optimistic update lost a race: the row moved on since it was read. Re-read and decide again. */
public class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(String kind, String name, long expectedVersion) {
        super(kind + " '" + name + "' is no longer at version " + expectedVersion + ": it was changed concurrently");
    }
}

package dev.drover.store;

/** A create named something that is already there. */
public class AlreadyExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String kind, String name) {
        super(kind + " '" + name + "' already exists");
    }
}

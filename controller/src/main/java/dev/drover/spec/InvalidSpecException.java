package dev.drover.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec file that cannot be used, with every error found in it (not just the first). */
public class InvalidSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<SpecError> errors;

    public InvalidSpecException(List<SpecError> errors) {
        super(errors.stream().map(SpecError::format).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** The errors in file order. */
    public List<SpecError> errors() {
        return errors;
    }
}

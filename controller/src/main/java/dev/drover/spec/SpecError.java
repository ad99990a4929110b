package dev.drover.spec;

/** One thing wrong in a spec file, where it is (1-based line and column) and what was expected. */
public record SpecError(String file, int line, int column, String message) {

    /** {@code drover.yaml:12:5: message}, the form compilers and editors understand. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}

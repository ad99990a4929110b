package dev.drover.cli;

/** The CLI's exit codes, as PRODUCT.md specifies them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;

    private ExitCodes() {
    }

    /** The exit code an HTTP error status stands for. */
    static int ofHttpStatus(int status) {
        if (status == 401 || status == 403 || status == 423) {
            return REFUSED;
        }
        if (status == 400 || status == 422) {
            return USAGE;
        }
        return FAILURE;
    }
}

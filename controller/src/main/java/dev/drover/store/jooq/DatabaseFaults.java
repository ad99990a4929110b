package dev.drover.store.jooq;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * Tells a database that cannot be used (unreachable, closed, out of disk) from a statement that failed, and
 * says which in words a person can act on, never with the statement's text. Also the pool's rule for dropping
 * connections: H2 reports a database it closed after a fatal error (a full disk) with its own codes, which the
 * pool would otherwise hand out again and again; dropped, the next connection opens the database afresh.
 */
public final class DatabaseFaults implements SQLExceptionOverride {
    private static final int H2_CLOSED = 90098;
    private static final int H2_CLOSED_AT_SHUTDOWN = 90121;
    private static final int H2_IO = 90028;
    private static final int H2_IO_RENAME = 90031;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_IN_USE = 90020;

    private final Path embedded;

    /** @param embedded the embedded database's folder, or null on PostgreSQL */
    public DatabaseFaults(Path embedded) {
        this.embedded = embedded;
    }

    /** Why the database cannot be used now, or empty when {@code failure} is not about reaching it. */
    public Optional<String> unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("No space left on device") || t instanceof SQLException s && "53100".equals(s.getSQLState())) {
                return Optional.of(embedded != null ? "disk full at " + embedded : "the database server's disk is full");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                int code = s.getErrorCode();
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (embedded != null && (code == H2_CLOSED || code == H2_CLOSED_AT_SHUTDOWN)) {
                    return Optional.of("the embedded database at " + embedded + " was closed after an error; reopening");
                }
                if (embedded != null && (code == H2_IO || code == H2_IO_RENAME || code == H2_FILE_CORRUPTED)) {
                    return Optional.of("cannot read or write the embedded database at " + embedded);
                }
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return Optional.of("cannot reach the database (SQLState " + state + ")");
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of("no database connection came free in time (the database is slow or unreachable)");
            }
        }
        return Optional.empty();
    }

    /** Whether the embedded database would not open because another process has it open (H2's file lock). */
    public Optional<String> inUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (embedded != null && t instanceof SQLException s && s.getErrorCode() == H2_IN_USE) {
                return Optional.of("the embedded database under " + embedded + " is in use by another controller: stop "
                        + "that one, or give this one its own --home (several controllers share one PostgreSQL, not one H2 home)");
            }
        }
        return Optional.empty();
    }

    /** A failure in words for a log or an answer: what {@link #unavailable} says, else its kind and SQLState. */
    public String describe(Throwable failure) {
        return unavailable(failure).or(() -> statement(failure))
                .orElse("a database statement failed (" + failure.getClass().getSimpleName() + ")");
    }

    /** A failure from the database by its SQLState, never its text; empty when the database did not cause it. */
    public static Optional<String> statement(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return Optional.of("a database statement failed (SQLState " + s.getSQLState() + ")");
            }
        }
        return failure instanceof DataAccessException ? Optional.of("a database statement failed") : Optional.empty();
    }

    /** The pool's question: drop this connection? Always when the database cannot be used through it. */
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return unavailable(e).isPresent() ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}

package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** Which failures mean the database cannot be used, in words without the statement, and which connections go. */
class DatabaseFaultsTest {
    private static final Path DIR = Path.of("/var/lib/drover/db");
    private static final String SQL = "SQL [insert into access_token (name, secret_hash) values (?, ?)]; ";

    private final DatabaseFaults embedded = new DatabaseFaults(DIR);
    private final DatabaseFaults postgres = new DatabaseFaults(null);

    private static DataAccessException jooq(SQLException cause) {
        return new DataAccessException(SQL + cause.getMessage(), cause);
    }

    @Test
    void aFullDiskNamesTheFolder() {
        SQLException h2 = new SQLException("General error: \"java.lang.IllegalStateException: ... [2.3.232/2]\"", "HY000",
                50000, new IOException("No space left on device"));
        assertThat(embedded.unavailable(jooq(h2))).hasValue("disk full at " + DIR);
        assertThat(postgres.unavailable(jooq(new SQLException("could not extend file", "53100"))))
                .hasValue("the database server's disk is full");
    }

    @Test
    void aClosedEmbeddedDatabaseIsUnavailableAndItsConnectionsAreDropped() {
        SQLException closed = new SQLException("The database has been closed [90098-232]", "90098", 90098);
        assertThat(embedded.unavailable(jooq(closed))).hasValue("the embedded database at " + DIR
                + " was closed after an error; reopening");
        assertThat(embedded.adjudicate(closed)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
    }

    @Test
    void anUnreachableServerAndAnExhaustedPoolAreUnavailable() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertThat(postgres.unavailable(jooq(new SQLTransientConnectionException("drover - Connection is not available, "
                + "request timed out after 3000ms", "08001", refused))))
                .hasValue("cannot reach the database (SQLState 08001)");
        assertThat(postgres.unavailable(jooq(new SQLTransientConnectionException("timed out"))))
                .hasValue("no database connection came free in time (the database is slow or unreachable)");
        assertThat(postgres.unavailable(jooq(new SQLException("terminating connection due to administrator command",
                "57P01")))).hasValue("cannot reach the database (SQLState 57P01)");
    }

    @Test
    void aFailedStatementIsNotUnavailabilityAndIsDescribedWithoutItsText() {
        SQLException tooLong = new SQLException("Value too long for column \"name\": \"'aaaa...' (300)\"; SQL statement:\n"
                + "insert into access_token ...", "22001", 22001);
        assertThat(embedded.unavailable(jooq(tooLong))).isEmpty();
        assertThat(embedded.adjudicate(tooLong)).isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(embedded.describe(jooq(tooLong))).isEqualTo("a database statement failed (SQLState 22001)")
                .doesNotContainIgnoringCase("insert");
    }

    @Test
    void anEmbeddedDatabaseLockedByAnotherProcessIsInUseAndOnlyThere() {
        SQLException locked = new SQLException("Database may be already in use: \"/var/lib/drover/db/drover.mv.db\"",
                "90020", 90020);
        assertThat(embedded.inUse(jooq(locked))).hasValueSatisfying(words -> assertThat(words)
                .startsWith("the embedded database under " + DIR + " is in use by another controller")
                .doesNotContain("mv.db"));
        assertThat(postgres.inUse(jooq(locked))).isEmpty();
        assertThat(embedded.inUse(jooq(new SQLException("Connection refused", "08001")))).isEmpty();
    }
}

package dev.drover.store.jooq;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The controller's database: migrated with the one Flyway history, queried with jOOQ.
 *
 * <p>H2 must run in PostgreSQL mode with lower-case names ({@link #H2_MODE}); PostgreSQL is used as is.
 */
public final class Database {
    /** The settings every H2 URL needs so the shared migrations and generated names work. */
    public static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final String product;

    private Database(DataSource dataSource, SQLDialect dialect, String product) {
        this.dataSource = dataSource;
        this.product = product;
        this.dsl = DSL.using(dataSource, dialect,
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    /** Brings the schema up to date and returns the database ready for the stores. */
    public static Database migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            return new Database(dataSource, dialectOf(meta.getURL()), product);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's metadata: " + e.getMessage(), e);
        }
    }

    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': use jdbc:h2:... (embedded) or jdbc:postgresql://... (production)");
    }

    /** One round trip; throws when the database cannot be reached. */
    public void ping() {
        dsl.selectOne().fetch();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Product name and version, e.g. {@code PostgreSQL 15.18}. */
    public String product() {
        return product;
    }
}

package dev.drover.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database under the home keeps no trace file (H2 writes failed statements there with their values),
 * and its folder is the controller's user's alone.
 */
class EmbeddedDatabaseTraceTest {

    @Test
    void aFailedStatementLeavesNoTraceOfItsValues(@TempDir Path home) throws Exception {
        String url = StorageFactory.jdbcUrl(new DatabaseConfig("", "sa", "", 1, Duration.ofSeconds(3)), home);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("create table kept (secret varchar(5))");
            try (PreparedStatement insert = connection.prepareStatement("insert into kept (secret) values (?)")) {
                insert.setString(1, "wh-s3cret-far-too-long-for-its-column");
                assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
            }
        }

        List<Path> traces;
        try (Stream<Path> files = Files.walk(home)) {
            traces = files.filter(f -> f.getFileName().toString().endsWith(".trace.db")).toList();
        }
        assertThat(traces).isEmpty();
    }

    @Test
    void onlyTheControllersUserMayOpenTheDatabasesFolder(@TempDir Path home) throws Exception {
        StorageFactory.jdbcUrl(new DatabaseConfig("", "sa", "", 1, Duration.ofSeconds(3)), home);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db")))).isEqualTo("rwx------");
    }
}

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.SourceContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source contract for a {@code jdbc} source on a driver the scanner has no dialect for: SQLite
 * (no schemas, no roles, loose types), read through plain JDBC metadata.
 */
class SqliteContractTest extends SourceContractTest {
    private static final int SAMPLE_ROWS = 100;

    @TempDir
    static Path dir;
    private Path database;

    @BeforeAll
    void createDatabase() throws Exception {
        database = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE known (id INTEGER PRIMARY KEY, contact TEXT)");
            s.executeUpdate("INSERT INTO known VALUES (1, '" + KNOWN_EMAIL + "'), (2, 'no contact given')");
            s.executeUpdate("CREATE TABLE clean (id INTEGER PRIMARY KEY, plan TEXT, seats INTEGER)");
            s.executeUpdate("CREATE TABLE big (id INTEGER PRIMARY KEY, email TEXT)");
            c.setAutoCommit(false);
            try (PreparedStatement clean = c.prepareStatement("INSERT INTO clean VALUES (?, 'Team', ?)");
                 PreparedStatement big = c.prepareStatement("INSERT INTO big VALUES (?, ?)")) {
                for (int i = 1; i <= 20_000; i++) {
                    if (i <= 300) {
                        clean.setInt(1, i);
                        clean.setInt(2, i % 50);
                        clean.addBatch();
                    }
                    big.setInt(1, i);
                    big.setString(2, "member" + i + "@example.net");
                    big.addBatch();
                }
                clean.executeBatch();
                big.executeBatch();
            }
            c.commit();
        }
    }

    private String url() {
        return "jdbc:sqlite:" + database;
    }

    @Override
    protected String sourceYaml() {
        // SQLite keeps no change counters: the change column (here the growing primary key) gives the token.
        return "name: contract\ntype: jdbc\nurl: " + url() + "\nchange-detection: {column: id}\n";
    }

    @Override
    protected String sampledSourceYaml() {
        return sourceYaml() + "sample-rows: " + SAMPLE_ROWS + "\n";
    }

    @Override
    protected String unreachableSourceYaml() {
        return "name: contract\ntype: jdbc\nurl: jdbc:sqlite:" + dir.resolve("missing-folder/none.db") + "\n";
    }

    @Override
    protected String knownItem() {
        return "main.known";
    }

    @Override
    protected String cleanItem() {
        return "main.clean";
    }

    @Override
    protected String bigItem() {
        return "main.big";
    }

    @Override
    protected void assertSampled(ItemResult big) {
        assertThat(big.findings()).isNotEmpty();
        assertThat(big.findings()).extracting(AssetFinding::count).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(SAMPLE_ROWS));
    }

    /** SQLite has no roles; only the file's permissions deny, and root ignores those. */
    @Override
    protected Optional<Denial> denial() throws Exception {
        Path locked = dir.resolve("locked.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + locked); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (email TEXT)");
        }
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        return Files.isReadable(locked) ? Optional.empty()
                : Optional.of(Denial.source("name: contract\ntype: jdbc\nurl: jdbc:sqlite:" + locked + "\n"));
    }

    @Override
    protected void changeKnownItem() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO known VALUES (3, 'second line for " + KNOWN_EMAIL + "')");
        }
    }
}

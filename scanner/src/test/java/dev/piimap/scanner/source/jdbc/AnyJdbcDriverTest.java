package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * "Any JDBC driver": the connector lists, reads and classifies H2 (schemas, upper-case names, {@code BASE TABLE})
 * and SQLite (no schemas, no catalogs, loose column types) through plain JDBC metadata, with the same data in both.
 */
class AnyJdbcDriverTest {
    private static final int PEOPLE = 30;

    @TempDir
    static Path dir;
    /** Kept open so the in-memory H2 database lives as long as the class. */
    private static Connection h2Keeper;

    record Database(String label, String url, String people, String plans) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Database> databases() {
        return Stream.of(
                new Database("h2", "jdbc:h2:mem:piimap-any;DB_CLOSE_DELAY=-1", "PUBLIC.PEOPLE", "PUBLIC.PLANS"),
                new Database("sqlite", "jdbc:sqlite:" + dir.resolve("any.db"), "main.people", "main.plans"));
    }

    @BeforeAll
    static void createDatabases() throws SQLException {
        h2Keeper = DriverManager.getConnection(databases().findFirst().orElseThrow().url());
        for (Database db : databases().toList()) {
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE people (id INTEGER, email VARCHAR(100), ssn BIGINT, doc VARCHAR(400), letter BLOB)");
                s.execute("CREATE TABLE plans (id INTEGER, name VARCHAR(20))");
                s.execute("INSERT INTO plans VALUES (1, 'Free'), (2, 'Team')");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO people VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 1; i <= PEOPLE; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "user" + i + "@example.com");
                        insert.setLong(3, (1 + i % 98) * 1_000_000L + (10 + i % 89) * 10_000L + 1000 + i);
                        insert.setString(4, "{\"contact\": {\"email\": \"p" + i + "@example.org\"}, \"plan\": \"Free\"}");
                        insert.setBytes(5, i == 1 ? "<html><body>Dear Ann, reply to ann@example.net</body></html>"
                                .getBytes(StandardCharsets.UTF_8) : null);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    @AfterAll
    static void dropH2() throws SQLException {
        if (h2Keeper != null) {
            h2Keeper.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void listsTablesThroughPlainMetadata(Database db) throws SourceException {
        assertThat(connector(db, 0).listItems()).extracting(ScanItem::locator).containsExactly(db.people(), db.plans());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void readsAndClassifiesEveryColumnKind(Database db) {
        ItemResult result = connector(db, 0).scan(item(db.people()), context());

        assertThat(result.assets()).hasSize(5).extracting(AssetOutcome::status).containsOnly(ItemStatus.OK);
        assertThat(result.findings()).extracting(f -> column(f.asset()), AssetFinding::type, AssetFinding::count)
                .containsExactly(
                        tuple("email", EntityType.EMAIL_ADDRESS, (long) PEOPLE),
                        tuple("ssn", EntityType.US_SSN, (long) PEOPLE),
                        tuple("doc", EntityType.EMAIL_ADDRESS, (long) PEOPLE),
                        tuple("letter", EntityType.PERSON, 1L),
                        tuple("letter", EntityType.EMAIL_ADDRESS, 1L));
        assertThat(result.findings().get(2).explanation()).contains("found at $.contact.email");
        assertThat(connector(db, 0).scan(item(db.plans()), context()).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sampleRowsBoundsTheRowsRead(Database db) {
        ItemResult result = connector(db, 7).scan(item(db.people()), context());

        assertThat(result.findings()).filteredOn(f -> column(f.asset()).equals("email")).singleElement()
                .extracting(AssetFinding::count).isEqualTo(7L);
    }

    @Test
    void sqliteFilesAreOpenedReadOnly() throws SQLException {
        Database sqlite = databases().filter(d -> d.label().equals("sqlite")).findFirst().orElseThrow();
        try (Connection c = ReadOnlyConnections.open(config(sqlite, 0), Duration.ofSeconds(5));
             Statement s = c.createStatement()) {
            assertThat(c.isReadOnly()).isTrue();
            SQLException refused = catchThrowableOfType(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO plans VALUES (3, 'Sneaky')"));
            assertThat(refused.getMessage()).contains("SQLITE_READONLY");
        }
    }

    private static JdbcSourceConfig config(Database db, int sampleRows) {
        return new JdbcSourceConfig(db.label(), db.url(), null, null, List.of(), sampleRows);
    }

    private static JdbcConnector connector(Database db, int sampleRows) {
        return new JdbcConnector(config(db, sampleRows));
    }

    private static ScanItem item(String locator) {
        return new ScanItem("any", locator, -1, -1);
    }

    private static ScanContext context() {
        return new ScanContext("run-any", ExtractionLimits.defaults(), true);
    }

    /** The column part of an asset, lower-cased (H2 upper-cases unquoted names). */
    private static String column(String asset) {
        return asset.substring(asset.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.ChangeDetection;
import dev.piimap.scanner.source.ScanItem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table revisions (change tokens) at listing, against a real PostgreSQL that logs every statement and
 * an in-memory H2: tokens stay put while nothing changes, and move with updates, deletes and schema
 * changes; H2 keeps no counters; {@code none} gives none; and the listing sends only SELECTs.
 */
class TableRevisionsTest {
    @TempDir
    static Path dir;
    private static EmbeddedPostgres server;
    private static Path serverLog;

    @BeforeAll
    static void startServer() throws Exception {
        Path logDir = dir.resolve("log");
        server = EmbeddedPostgres.builder()
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logDir.toString())
                .setServerConfig("log_filename", "statements.log")
                .setServerConfig("log_statement", "all")
                .setServerConfig("log_line_prefix", "app=%a:")
                .start();
        serverLog = logDir.resolve("statements.log");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE SCHEMA app;
                    CREATE TABLE app.users (id int PRIMARY KEY, email text, updated_at timestamp);
                    INSERT INTO app.users SELECT i, 'u' || i || '@example.com', timestamp '2026-01-01' + i * interval '1 minute'
                        FROM generate_series(1, 20) i;
                    CREATE TABLE app.notes (id int, body text);
                    INSERT INTO app.notes SELECT i, 'note' FROM generate_series(1, 5) i;
                    """);
        }
        awaitChanges("notes", 5);
        awaitChanges("users", 20);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void statsTokensStayWhileNothingChangesAndMoveWithUpdatesAndSchemaChanges() throws Exception {
        Map<String, String> first = revisions(ChangeDetection.STATS);
        assertThat(first.get("app.users")).matches("pg:20/0/0/f[0-9]+@[-0-9]+\\|cols:[0-9a-f]{16}");
        assertThat(revisions(ChangeDetection.STATS)).isEqualTo(first);

        long before = changes("notes");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("UPDATE app.notes SET body = 'edited' WHERE id = 2");
        }
        awaitChanges("notes", before + 1);
        Map<String, String> afterUpdate = revisions(ChangeDetection.STATS);
        assertThat(afterUpdate.get("app.notes")).isNotEqualTo(first.get("app.notes"));
        assertThat(afterUpdate.get("app.users")).isEqualTo(first.get("app.users"));

        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE app.notes ADD COLUMN phone text DEFAULT '+1 212 555 0100'");
        }
        assertThat(revisions(ChangeDetection.STATS).get("app.notes")).as("a new column with a default changes no counter")
                .isNotEqualTo(afterUpdate.get("app.notes"));
    }

    /**
     * What autovacuum does to an unchanged table must not rescan it every night. An ANALYZE re-estimates n_live_tup
     * from a sample (here of 300 rows, over rows of very different widths, so the estimate is not the 20,000
     * counted at insert), which changes no data, and the token stays. A TRUNCATE changes no row counter but
     * replaces the table's file, and the token moves.
     */
    @Test
    void statsTokensIgnoreAnAnalyzeButSeeATruncate() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE app.events (id int, note text)");
            s.execute("ALTER TABLE app.events ALTER COLUMN id SET STATISTICS 1, ALTER COLUMN note SET STATISTICS 1");
            s.execute("INSERT INTO app.events SELECT i, CASE WHEN i <= 10000 THEN 'e' ELSE repeat('x', 900) END"
                    + " FROM generate_series(1, 20000) i");
        }
        awaitChanges("events", 20_000);
        String before = revisions(ChangeDetection.STATS).get("app.events");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("ANALYZE app.events");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lastAnalyze("events") == null) {
            assertThat(System.nanoTime()).as("analyze statistics of events").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(liveRows("events")).as("ANALYZE's estimate of the live rows").isNotEqualTo(20_000);

        assertThat(revisions(ChangeDetection.STATS).get("app.events")).as("after ANALYZE").isEqualTo(before);

        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE app.events");
        }
        assertThat(revisions(ChangeDetection.STATS).get("app.events")).as("after TRUNCATE").isNotEqualTo(before);
    }

    private static long liveRows(String table) throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n_live_tup FROM pg_stat_user_tables WHERE schemaname = 'app' AND relname = '"
                     + table + "'")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static java.sql.Timestamp lastAnalyze(String table) throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_analyze FROM pg_stat_user_tables WHERE schemaname = 'app' AND relname = '"
                     + table + "'")) {
            return rs.next() ? rs.getTimestamp(1) : null;
        }
    }

    @Test
    void changeColumnTokenIsTheRowCountAndTheLargestValueAndOtherTablesFallBackToStats() throws Exception {
        Map<String, String> tokens = revisions(ChangeDetection.column("updated_at"));
        assertThat(tokens.get("app.users")).startsWith("column:20/2026-01-01 00:20:00");
        assertThat(tokens.get("app.notes")).startsWith("pg:");
    }

    @Test
    void noneGivesNoTokens() throws Exception {
        assertThat(revisions(new ChangeDetection(ChangeDetection.Mode.NONE, null)).values()).containsOnlyNulls();
    }

    @Test
    void h2HasNoCountersButAChangeColumnWorks() throws Exception {
        String url = "jdbc:h2:mem:piimap-revisions;DB_CLOSE_DELAY=-1";
        try (Connection keeper = DriverManager.getConnection(url); Statement s = keeper.createStatement()) {
            s.execute("CREATE TABLE PEOPLE (ID INT, EMAIL VARCHAR(100), UPDATED_AT TIMESTAMP)");
            s.execute("INSERT INTO PEOPLE VALUES (1, 'a@example.com', TIMESTAMP '2026-02-01 10:00:00')");
            JdbcConnector stats = new JdbcConnector(config(url, null, ChangeDetection.STATS));
            assertThat(stats.listItems()).extracting(ScanItem::revision).containsOnlyNulls();
            assertThat(stats.preflight()).anyMatch(w -> w.contains("keeps no change counters"));
            JdbcConnector column = new JdbcConnector(config(url, null, ChangeDetection.column("updated_at")));
            assertThat(column.listItems()).singleElement()
                    .satisfies(item -> assertThat(item.revision()).startsWith("column:1/2026-02-01 10:00:00"));
        }
    }

    @Test
    void listingSendsOnlyReadingStatementsAndItsQueriesCarryTheListingComment() throws Exception {
        revisions(ChangeDetection.STATS);
        revisions(ChangeDetection.column("updated_at"));

        List<String> statements = scannerStatements("max(\"updated_at\")");
        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(firstKeyword(sql)).as(sql)
                .isIn("SELECT", "SET", "SHOW", "BEGIN", "ROLLBACK", "COMMIT"));
        List<String> listing = statements.stream().filter(sql -> sql.contains("pg_stat_user_tables")
                || sql.contains("count(*)")).toList();
        assertThat(listing).isNotEmpty().allSatisfy(sql -> assertThat(sql).startsWith(TableRevisions.COMMENT + " SELECT "));
        assertThat(listing).anyMatch(sql -> sql.contains("max(\"updated_at\") FROM \"app\".\"users\""));
    }

    /** Statements the server logged from the scanner's connections (simple and extended protocol), once {@code marker} shows. */
    private static List<String> scannerStatements(String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> statements = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            statements.clear();
            for (String line : Files.exists(serverLog) ? Files.readAllLines(serverLog) : List.<String>of()) {
                if (!line.startsWith("app=" + ReadOnlyConnections.APPLICATION_NAME + ":")) {
                    continue;
                }
                int statement = line.indexOf("LOG:  statement: ");
                int execute = line.indexOf("LOG:  execute ");
                if (statement >= 0) {
                    statements.add(line.substring(statement + "LOG:  statement: ".length()).strip());
                } else if (execute >= 0) {
                    statements.add(line.substring(line.indexOf(": ", execute + "LOG:  execute ".length()) + 2).strip());
                }
            }
            if (statements.stream().anyMatch(sql -> sql.contains(marker))) {
                break;
            }
            Thread.sleep(100);
        }
        return statements;
    }

    private static String firstKeyword(String sql) {
        String s = sql.strip();
        while (s.startsWith("/*")) {
            s = s.substring(s.indexOf("*/") + 2).strip();
        }
        return s.split("[\\s(]+", 2)[0].toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> revisions(ChangeDetection detection) throws Exception {
        JdbcConnector connector = new JdbcConnector(config(server.getJdbcUrl("postgres", "postgres"), "postgres", detection));
        Map<String, String> out = new TreeMap<>();
        for (ScanItem item : connector.listItems()) {
            out.put(item.locator(), item.revision());
        }
        return out;
    }

    private static JdbcSourceConfig config(String url, String user, ChangeDetection detection) {
        return new JdbcSourceConfig("db", url, user, null, List.of("app.*", "PUBLIC.*"), 100,
                JdbcSourceConfig.Sampling.AUTO, 2, 60, detection);
    }

    private static Connection admin() throws Exception {
        return server.getPostgresDatabase().getConnection();
    }

    private static long changes(String table) throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables"
                     + " WHERE schemaname = 'app' AND relname = '" + table + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** PostgreSQL publishes table statistics shortly after a transaction ends. */
    private static void awaitChanges(String table, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (changes(table) < atLeast) {
            assertThat(System.nanoTime()).as("statistics of " + table).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}

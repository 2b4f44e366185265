package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.RowDating;
import dev.piimap.scanner.config.JdbcSourceConfig.Sampling;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.DatedRows;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Row dates on a real PostgreSQL (embedded) that logs every statement: exact histograms from full reads,
 * estimates scaled to {@code reltuples} from TABLESAMPLE and LIMIT samples, exact counts with
 * {@code row-dates: count}, and only reading statements sent.
 */
class RowDatesPostgresTest {
    private static final String SETUP_APP = "row-dates-setup";
    /** {@code events.logins}: 5,000 rows, five on each of the 1,000 days from 2019-01-01, at 23:30 UTC-5 (next day in UTC). */
    private static final int LOGINS = 5_000;
    private static final int LOGIN_DAYS = 1_000;
    private static final LocalDate FIRST_UTC_DAY = LocalDate.of(2019, 1, 2);

    @TempDir
    static Path dir;
    private static EmbeddedPostgres server;
    private static Path serverLog;

    @BeforeAll
    static void startServer() throws Exception {
        Path logDir = dir.resolve("log");
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logDir.toString())
                .setServerConfig("log_filename", "statements.log")
                .setServerConfig("log_statement", "all")
                .setServerConfig("log_line_prefix", "app=%a:")
                .start();
        serverLog = logDir.resolve("statements.log");
        try (Connection c = DriverManager.getConnection(url() + "?ApplicationName=" + SETUP_APP, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("""
                    CREATE SCHEMA events;
                    CREATE TABLE events.logins (id integer PRIMARY KEY, email text, created_at timestamptz);
                    INSERT INTO events.logins SELECT i, 'user' || i || '@example.com',
                        timestamptz '2019-01-01 23:30:00-05' + ((i %% %1$d) * interval '1 day')
                        FROM generate_series(0, %2$d - 1) i;
                    CREATE TABLE events.orders (id integer, customer_email text, date_of_birth date, ordered_on date,
                        updated_at timestamptz);
                    INSERT INTO events.orders VALUES
                        (1, 'a@example.com', '1980-05-05', '2017-03-01', now()),
                        (2, 'b@example.com', '1990-06-06', '2017-03-01', now()),
                        (3, 'c@example.com', '1970-07-07', '2025-12-24', now()),
                        (4, 'd@example.com', NULL, NULL, now());
                    CREATE TABLE events.audit (id integer, created text, actor text);
                    INSERT INTO events.audit VALUES (1, '2018-02-03T10:00:00Z', 'x'), (2, 'not a date', 'y'),
                        (3, '1517652000', 'z');
                    CREATE TABLE events.flags (id integer, flag text, updated_at timestamptz);
                    INSERT INTO events.flags VALUES (1, 'dark-mode', now());
                    ANALYZE;
                    """.formatted(LOGIN_DAYS, LOGINS));
        }
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyRowReadGivesAnExactHistogramInUtcDays() {
        List<DatedRows> dates = scan("events.logins", 0, Sampling.FULL, RowDating.DEFAULT, "run-full");

        assertThat(dates).hasSize(LOGIN_DAYS).allSatisfy(d -> {
            assertThat(d.rows()).isEqualTo(LOGINS / LOGIN_DAYS);
            assertThat(d.estimated()).isFalse();
            assertThat(d.column()).isEqualTo("created_at");
            assertThat(d.asset()).isEqualTo("events.logins");
            assertThat(d.source()).isEqualTo("pg");
        });
        assertThat(LocalDate.ofEpochDay(dates.get(0).epochDay())).isEqualTo(FIRST_UTC_DAY);
        assertThat(LocalDate.ofEpochDay(dates.get(dates.size() - 1).epochDay())).isEqualTo(FIRST_UTC_DAY.plusDays(LOGIN_DAYS - 1));
    }

    @Test
    void aTablesampleIsScaledToTheTablesEstimatedRowsAndMarkedEstimated() throws Exception {
        List<DatedRows> dates = scan("events.logins", 100, Sampling.AUTO, RowDating.DEFAULT, "run-sampled");

        assertThat(dates).isNotEmpty().allMatch(DatedRows::estimated);
        assertThat((double) dates.stream().mapToLong(DatedRows::rows).sum()).isCloseTo(LOGINS, within(LOGINS * 0.05));
        assertThat(statements("run-sampled")).anySatisfy(sql -> assertThat(sql).contains("TABLESAMPLE SYSTEM"));
    }

    @Test
    void aLimitSampleIsEstimatedFromTheFirstRowsInTheTablesOrder() {
        List<DatedRows> dates = scan("events.logins", 100, Sampling.LIMIT, RowDating.DEFAULT, "run-limit-dates");

        assertThat(dates).hasSize(100).allSatisfy(d -> {
            assertThat(d.estimated()).isTrue();
            assertThat(d.rows()).isEqualTo(50);
            assertThat(LocalDate.ofEpochDay(d.epochDay())).isBefore(FIRST_UTC_DAY.plusDays(100));
        });
    }

    @Test
    void countModeReplacesTheEstimateWithOneGroupedReadOnlyQuery() throws Exception {
        List<DatedRows> dates = scan("events.logins", 100, Sampling.AUTO,
                new RowDating(RowDating.Mode.COUNT, List.of()), "run-count");

        assertThat(dates).hasSize(LOGIN_DAYS).allSatisfy(d -> {
            assertThat(d.rows()).isEqualTo(LOGINS / LOGIN_DAYS);
            assertThat(d.estimated()).isFalse();
        });
        assertThat(LocalDate.ofEpochDay(dates.get(0).epochDay())).isEqualTo(FIRST_UTC_DAY);
        assertThat(statements("run-count")).contains("/* piimap run=run-count */ SELECT CAST(\"created_at\" AT TIME ZONE"
                + " 'UTC' AS DATE), COUNT(*) FROM \"events\".\"logins\" WHERE \"created_at\" IS NOT NULL GROUP BY"
                + " CAST(\"created_at\" AT TIME ZONE 'UTC' AS DATE)");
    }

    @Test
    void datesByTheCreationColumnNotTheBirthDateNorUpdatedAt() {
        Map<LocalDate, Long> days = days(scan("events.orders", 0, Sampling.FULL, RowDating.DEFAULT, "run-orders"));

        assertThat(days).containsExactly(Map.entry(LocalDate.of(2017, 3, 1), 2L), Map.entry(LocalDate.of(2025, 12, 24), 1L));
        assertThat(scan("events.flags", 0, Sampling.FULL, RowDating.DEFAULT, "run-flags")).isEmpty();
    }

    @Test
    void datesByTextColumnsNamedForCreationSkippingValuesThatAreNoDate() {
        List<DatedRows> dates = scan("events.audit", 0, Sampling.FULL, RowDating.DEFAULT, "run-audit");

        assertThat(days(dates)).containsExactly(Map.entry(LocalDate.of(2018, 2, 3), 2L));
        assertThat(dates).extracting(DatedRows::column).containsOnly("created");
    }

    @Test
    void dateColumnsPickTheColumnAndRowDatesOffDatesNothing() {
        RowDating byUpdate = new RowDating(RowDating.Mode.SAMPLE, List.of("updated_at"));

        assertThat(scan("events.orders", 0, Sampling.FULL, byUpdate, "run-by-update")).extracting(DatedRows::column)
                .containsOnly("updated_at");
        assertThat(scan("events.logins", 0, Sampling.FULL, new RowDating(RowDating.Mode.OFF, List.of()), "run-off"))
                .isEmpty();
    }

    @Test
    void sendsOnlyReadingStatements() throws Exception {
        for (String table : List.of("events.logins", "events.orders", "events.audit", "events.flags")) {
            scan(table, 100, Sampling.AUTO, new RowDating(RowDating.Mode.COUNT, List.of()), "run-log-dates");
        }

        List<String> statements = statements("run-log-dates");
        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(firstKeyword(sql))
                .as("statement sent by the scanner: %s", sql)
                .isIn("SELECT", "SET", "SHOW", "BEGIN", "ROLLBACK", "COMMIT"));
        assertThat(statements).filteredOn(sql -> sql.contains("COUNT(*)") && sql.contains("run=run-log-dates")).hasSize(1)
                .allSatisfy(sql -> assertThat(sql).startsWith("/* piimap run=run-log-dates */ SELECT "));
    }

    // ---- helpers

    private static List<DatedRows> scan(String table, int sampleRows, Sampling sampling, RowDating dating, String runId) {
        JdbcSourceConfig config = new JdbcSourceConfig("pg", url(), "postgres", null, List.of(), sampleRows, sampling,
                1, 30, null, dating);
        ItemResult result = new JdbcConnector(config).scan(new ScanItem("pg", table, -1, -1),
                new ScanContext(runId, ExtractionLimits.defaults(), false));
        return result.dates();
    }

    private static Map<LocalDate, Long> days(List<DatedRows> dates) {
        return dates.stream().collect(Collectors.toMap(d -> LocalDate.ofEpochDay(d.epochDay()), DatedRows::rows,
                Long::sum, TreeMap::new));
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    /** The statements of the scanner's connections (not the set-up's) once the log shows {@code run=<runId>}. */
    private static List<String> statements(String runId) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.exists(serverLog) ? Files.readString(serverLog) : "";
            if (log.contains("run=" + runId + " */")) {
                break;
            }
            Thread.sleep(50);
        }
        List<String> statements = new ArrayList<>();
        for (String entry : log.split("\n(?=app=)")) {
            if (entry.startsWith("app=" + SETUP_APP + ":")) {
                continue;
            }
            int statement = entry.indexOf("LOG:  statement: ");
            int execute = entry.indexOf("LOG:  execute ");
            if (statement >= 0) {
                statements.add(entry.substring(statement + "LOG:  statement: ".length()).strip());
            } else if (execute >= 0) {
                statements.add(entry.substring(entry.indexOf(": ", execute + "LOG:  execute ".length()) + 2).strip());
            }
        }
        return statements;
    }

    private static String firstKeyword(String sql) {
        String s = sql.strip();
        while (s.startsWith("/*")) {
            s = s.substring(s.indexOf("*/") + 2).strip();
        }
        return s.split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
    }
}

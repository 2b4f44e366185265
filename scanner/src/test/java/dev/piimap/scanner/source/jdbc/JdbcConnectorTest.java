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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The jdbc connector against a real PostgreSQL (embedded, one server for the class) that logs every
 * statement, so the tests can check what the scanner sent. Role {@code scanner} has a password and
 * SELECT on everything but {@code secret.vault}.
 */
class JdbcConnectorTest {
    private static final String SCANNER_PASSWORD = "pw-canary-5150";
    private static final String SETUP_APP = "test-setup";
    /** How long the server log must stay unchanged before a test reads the statements of a run from it. */
    private static final Duration LOG_QUIET = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    private static EmbeddedPostgres server;
    private static Path serverLog;
    private static SecretRef password;

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
                .setDataDirectoryCustomizer(data -> writePasswordAuthentication(data.toPath()))
                .start();
        serverLog = logDir.resolve("statements.log");
        Path secret = dir.resolve("scanner-password");
        Files.writeString(secret, SCANNER_PASSWORD + "\n");
        password = SecretRef.parse("${file:" + secret + "}");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE SCHEMA accounts; CREATE SCHEMA billing; CREATE SCHEMA odd; CREATE SCHEMA big;
                    CREATE SCHEMA kinds; CREATE SCHEMA secret; CREATE SCHEMA views;
                    CREATE TABLE accounts.customers (id integer PRIMARY KEY, email text, note text);
                    INSERT INTO accounts.customers SELECT i, 'user' || i || '@example.com', 'plain note number ' || i
                        FROM generate_series(1, 200) i;
                    CREATE TABLE accounts.plans (id integer, name text);
                    INSERT INTO accounts.plans VALUES (1, 'Free'), (2, 'Team');
                    CREATE TABLE billing.payments (id integer, amount numeric(10,2));
                    INSERT INTO billing.payments SELECT i, i * 1.5 FROM generate_series(1, 30) i;
                    CREATE TABLE odd."Mixed Case" ("Weird ""Name""\" text);
                    INSERT INTO odd."Mixed Case" VALUES ('contact: someone@example.org');
                    CREATE TABLE big.emails (id integer, email text);
                    INSERT INTO big.emails SELECT i, 'person' || i || '@example.net' FROM generate_series(1, 20000) i;
                    CREATE TABLE kinds.mixed (id integer, payload bytea, tags text[], doc jsonb);
                    INSERT INTO kinds.mixed VALUES
                        (1, convert_to('<html><body><p>Write to carol@example.com</p></body></html>', 'UTF8'),
                            ARRAY['a@example.com', 'b'], '{"contact": {"mail": "c@example.com"}, "n": 1}'),
                        (2, '\\x89504e470d0a1a0a0000', ARRAY['x'], '{"n": 1, "alt": [{"mail": "d@example.com"}]}'),
                        (3, NULL, NULL, NULL);
                    CREATE TABLE kinds.images (id integer, picture bytea);
                    INSERT INTO kinds.images VALUES (1, '\\x89504e470d0a1a0a0000'), (2, NULL);
                    CREATE TABLE kinds.people (id integer, ssn integer, tax_number bigint, phone numeric(12, 0));
                    INSERT INTO kinds.people SELECT i, (1 + i %% 98) * 1000000 + (10 + i %% 89) * 10000 + 1000 + i,
                        900700000 + i, 2125550100 + i %% 100 FROM generate_series(1, 40) i;
                    CREATE TABLE secret.vault (id integer, token text);
                    INSERT INTO secret.vault VALUES (1, 'owner@example.com');
                    CREATE VIEW views.slow AS SELECT pg_sleep(3)::text AS waited;
                    ANALYZE;
                    CREATE ROLE scanner LOGIN PASSWORD '%1$s';
                    GRANT USAGE ON SCHEMA accounts, billing, odd, big, kinds, secret, views TO scanner;
                    GRANT SELECT ON ALL TABLES IN SCHEMA accounts, billing, odd, big, kinds, views TO scanner;
                    CREATE ROLE writer LOGIN PASSWORD '%1$s';
                    GRANT USAGE ON SCHEMA accounts, billing TO writer;
                    GRANT SELECT ON ALL TABLES IN SCHEMA accounts, billing TO writer;
                    GRANT INSERT ON billing.payments TO writer;
                    """.formatted(SCANNER_PASSWORD));
        }
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsTablesMatchingTheIncludeGlobsInOrder() throws SourceException {
        List<ScanItem> items = connector(List.of("accounts.*", "BILLING.*"), 0).listItems();

        assertThat(items).extracting(ScanItem::locator)
                .containsExactly("accounts.customers", "accounts.plans", "billing.payments");
        assertThat(items).extracting(ScanItem::source).containsOnly("test-db");
    }

    @Test
    void listsEveryUserTableButNoViewOrSystemTableWithoutInclude() throws SourceException {
        List<String> locators = connector(List.of(), 0).listItems().stream().map(ScanItem::locator).toList();

        assertThat(locators).containsExactly("accounts.customers", "accounts.plans", "big.emails", "billing.payments",
                "kinds.images", "kinds.mixed", "kinds.people", "odd.Mixed Case", "secret.vault");
    }

    @Test
    void scansOneAssetPerColumnWithFindingsOnlyOnTheEmailColumn() {
        ItemResult result = connector(List.of(), 0).scan(item("accounts.customers"), context("run-1"));

        assertThat(result.assets()).containsExactly(
                new AssetOutcome("test-db", "accounts.customers.id", "column", ItemStatus.OK, null, null, null),
                new AssetOutcome("test-db", "accounts.customers.email", "column", ItemStatus.OK, null, null, null),
                new AssetOutcome("test-db", "accounts.customers.note", "column", ItemStatus.OK, null, null, null));
        assertThat(result.findings()).hasSize(1);
        AssetFinding email = result.findings().get(0);
        assertThat(email.asset()).isEqualTo("accounts.customers.email");
        assertThat(email.assetKind()).isEqualTo("column");
        assertThat(email.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
        assertThat(email.count()).isEqualTo(200);
        assertThat(email.confidence()).isBetween(0.5, 1.0);
        assertThat(email.sample()).isNotNull().doesNotContain("user1@example.com");
        assertThat(email.explanation()).contains("email");
    }

    @Test
    void keepsNoSampleWhenSamplesAreOff() {
        ScanContext noSamples = new ScanContext("run-1", ExtractionLimits.defaults(), false);
        ItemResult result = connector(List.of(), 0).scan(item("accounts.customers"), noSamples);

        assertThat(result.findings()).extracting(AssetFinding::sample).containsOnlyNulls();
    }

    @Test
    void sampleRowsBoundsTheRowsRead() {
        ItemResult result = connector(List.of(), 50).scan(item("accounts.customers"), context("run-1"));

        assertThat(result.findings()).singleElement().extracting(AssetFinding::count).isEqualTo(50L);
    }

    @Test
    void tablesFarLargerThanTheSampleAreReadWithTablesample() throws Exception {
        ItemResult result = connector(List.of(), 100).scan(item("big.emails"), context("run-tablesample"));

        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.count()).isBetween(1L, 100L));
        assertThat(scannerStatements("run-tablesample")).anySatisfy(sql -> assertThat(sql).isEqualTo(
                "/* piimap run=run-tablesample */ SELECT \"id\", \"email\" FROM \"big\".\"emails\""
                        + " TABLESAMPLE SYSTEM (1.5000) REPEATABLE (0) LIMIT 100"));
    }

    @Test
    void samplingLimitNeverUsesTablesample() throws Exception {
        scan(config(List.of(), 100, Sampling.LIMIT, 60), "big.emails", "run-sampling-limit");

        assertThat(scannerStatements("run-sampling-limit")).contains(
                "/* piimap run=run-sampling-limit */ SELECT \"id\", \"email\" FROM \"big\".\"emails\" LIMIT 100");
    }

    @Test
    void samplingTablesampleSamplesTablesLargerThanTheSample() throws Exception {
        scan(config(List.of(), 50, Sampling.TABLESAMPLE, 60), "accounts.customers", "run-sampling-ts");

        assertThat(scannerStatements("run-sampling-ts")).contains("/* piimap run=run-sampling-ts */ SELECT \"id\", \"email\","
                + " \"note\" FROM \"accounts\".\"customers\" TABLESAMPLE SYSTEM (75.0000) REPEATABLE (0) LIMIT 50");
    }

    @Test
    void samplingFullReadsEveryRowWithoutLimit() throws Exception {
        ItemResult result = scan(config(List.of(), 0, Sampling.FULL, 60), "big.emails", "run-sampling-full");

        assertThat(result.findings()).singleElement().extracting(AssetFinding::count).isEqualTo(20_000L);
        assertThat(scannerStatements("run-sampling-full")).contains(
                "/* piimap run=run-sampling-full */ SELECT \"id\", \"email\" FROM \"big\".\"emails\"");
    }

    @Test
    void smallTablesAreReadWithAPlainLimit() throws Exception {
        connector(List.of(), 50).scan(item("accounts.customers"), context("run-limit"));

        assertThat(scannerStatements("run-limit")).contains(
                "/* piimap run=run-limit */ SELECT \"id\", \"email\", \"note\" FROM \"accounts\".\"customers\" LIMIT 50");
    }

    @Test
    void quotesIdentifiersWithTheDatabaseQuoteString() {
        ItemResult result = connector(List.of(), 0).scan(item("odd.Mixed Case"), context("run-1"));

        assertThat(result.assets()).extracting(AssetOutcome::asset, AssetOutcome::status)
                .containsExactly(tuple("odd.Mixed Case.Weird \"Name\"", ItemStatus.OK));
        assertThat(result.findings()).extracting(AssetFinding::type).containsExactly(EntityType.EMAIL_ADDRESS);
    }

    @Test
    void extractsTextFromBytesAndClassifiesArrayElementsAndJsonLeavesByPath() {
        ItemResult result = connector(List.of(), 0).scan(item("kinds.mixed"), context("run-1"));

        assertThat(result.assets()).extracting(AssetOutcome::asset, AssetOutcome::status, AssetOutcome::detail)
                .containsExactly(
                        tuple("kinds.mixed.id", ItemStatus.OK, null),
                        tuple("kinds.mixed.payload", ItemStatus.OK, null),
                        tuple("kinds.mixed.tags", ItemStatus.OK, null),
                        tuple("kinds.mixed.doc", ItemStatus.OK, null));
        assertThat(result.findings()).extracting(AssetFinding::asset, AssetFinding::type, AssetFinding::count).containsExactly(
                tuple("kinds.mixed.payload", EntityType.EMAIL_ADDRESS, 1L),
                tuple("kinds.mixed.tags", EntityType.EMAIL_ADDRESS, 1L),
                tuple("kinds.mixed.doc", EntityType.EMAIL_ADDRESS, 2L));
        assertThat(result.findings().get(1).explanation()).startsWith("1 of 3 sampled values");
        assertThat(result.findings().get(2).explanation()).contains("found at $.contact.mail, $.alt[*].mail")
                .doesNotContain("c@example.com", "d@example.com");
    }

    @Test
    void binaryColumnWithoutTextIsSkippedSayingWhy() {
        ItemResult result = connector(List.of(), 0).scan(item("kinds.images"), context("run-1"));

        assertThat(result.assets()).filteredOn(a -> a.asset().equals("kinds.images.picture")).singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(ItemStatus.SKIPPED);
                    assertThat(a.detail()).startsWith("no text in 1 binary value; first: ");
                });
    }

    @Test
    void integersInColumnsNamedLikeIdentifiersAreClassifiedFromTheirDigits() {
        ItemResult result = connector(List.of(), 0).scan(item("kinds.people"), context("run-1"));

        assertThat(result.findings()).extracting(AssetFinding::asset, AssetFinding::type).contains(
                tuple("kinds.people.ssn", EntityType.US_SSN), tuple("kinds.people.phone", EntityType.PHONE_NUMBER));
        assertThat(result.findings()).filteredOn(f -> f.type() == EntityType.US_SSN).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(40);
            assertThat(f.explanation()).contains("stored as int4", "padded to 9 digits");
        });
    }

    @Test
    void tableTheRoleCannotReadEndsAsAnErrorOnEachColumnWhileOthersScanFine() throws SourceException {
        JdbcConnector connector = connector(List.of(), 0);
        Map<String, ItemResult> results = new TreeMap<>();
        for (ScanItem item : connector.listItems()) {
            results.put(item.locator(), connector.scan(item, context("run-1")));
        }

        ItemResult vault = results.get("secret.vault");
        assertThat(vault.assets()).extracting(AssetOutcome::asset, AssetOutcome::status, AssetOutcome::detail)
                .containsExactly(
                        tuple("secret.vault.id", ItemStatus.ERROR, "permission denied (SQLState 42501)"),
                        tuple("secret.vault.token", ItemStatus.ERROR, "permission denied (SQLState 42501)"));
        assertThat(vault.findings()).isEmpty();
        results.remove("secret.vault");
        assertThat(results.values()).flatExtracting(ItemResult::assets).extracting(AssetOutcome::status)
                .doesNotContain(ItemStatus.ERROR);
        assertThat(results.get("accounts.customers").findings()).hasSize(1);
    }

    @Test
    void queryOverTheTimeBudgetIsCancelledAndReported() {
        ExtractionLimits d = ExtractionLimits.defaults();
        ExtractionLimits oneSecond = new ExtractionLimits(d.maxEmbeddedDepth(), d.maxEmbeddedCount(), d.maxCharsPerItem(),
                d.maxBytesPerItem(), d.maxZipRatio(), d.maxXmlDepth(), Duration.ofSeconds(1));

        long start = System.nanoTime();
        ItemResult result = connector(List.of(), 0).scan(item("views.slow"), new ScanContext("run-1", oneSecond, true));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
        assertThat(result.assets()).singleElement().satisfies(a -> {
            assertThat(a.asset()).isEqualTo("views.slow.waited");
            assertThat(a.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(a.detail()).isEqualTo("query cancelled by the statement timeout (SQLState 57014)");
        });
    }

    @Test
    void statementTimeoutOfTheSourceCancelsASlowQuery() {
        long start = System.nanoTime();
        ItemResult result = scan(config(List.of(), 0, Sampling.FULL, 1), "views.slow", "run-1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
        assertThat(result.assets()).singleElement().extracting(AssetOutcome::detail)
                .isEqualTo("query cancelled by the statement timeout (SQLState 57014)");
    }

    @Test
    void preflightWarnsOnceForASuperuserNamingFiveTablesAndCountingTheRest() {
        JdbcSourceConfig superuser = new JdbcSourceConfig("test-db", url(), "postgres", null, List.of(), 0);

        assertThat(new JdbcConnector(superuser).preflight()).containsExactly("the scanning role is a superuser and can write"
                + " to every table, e.g. accounts.customers, accounts.plans, big.emails, billing.payments, kinds.images"
                + " and 4 more: " + WriteAccessCheck.FIX);
    }

    @Test
    void preflightNamesTablesARoleCanWriteWithinTheGlobsOnly() {
        // The writer role shares the scanner's password.
        JdbcConnector writer = new JdbcConnector(new JdbcSourceConfig("test-db", url(), "writer", password, List.of(), 0));
        JdbcConnector writerOnAccounts = new JdbcConnector(new JdbcSourceConfig("test-db", url(), "writer", password,
                List.of("accounts.*"), 0));

        assertThat(writer.preflight()).containsExactly("the scanning role can write (INSERT, UPDATE, DELETE or TRUNCATE)"
                + " to billing.payments: " + WriteAccessCheck.FIX);
        assertThat(writerOnAccounts.preflight()).isEmpty();
        assertThat(connector(List.of(), 0).preflight()).isEmpty();
    }

    @Test
    void preflightOfAnUnreachableDatabaseIsSkippedAndListingReportsIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JdbcConnector connector = new JdbcConnector(new JdbcSourceConfig("test-db",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/app", "scanner", password, List.of(), 0));

        assertThat(connector.preflight()).isEmpty();
    }

    @Test
    void tableGoneSinceListingEndsAsOneTableErrorOutcome() {
        ItemResult result = connector(List.of(), 0).scan(item("accounts.gone"), context("run-1"));

        assertThat(result.assets()).containsExactly(new AssetOutcome("test-db", "accounts.gone", "table", ItemStatus.ERROR,
                "table not found (it was listed but is gone)", null, null));
    }

    @Test
    void connectionsOfTheScannerRefuseWritesEvenForASuperuser() throws SQLException {
        JdbcSourceConfig superuser = new JdbcSourceConfig("test-db", url(), "postgres", null, List.of(), 0);
        try (Connection c = ReadOnlyConnections.open(superuser, Duration.ofSeconds(5)); Statement s = c.createStatement()) {
            assertThat(c.isReadOnly()).isTrue();
            assertThat(c.getAutoCommit()).isFalse();
            SQLException refused = catchThrowableOfType(SQLException.class,
                    () -> s.executeUpdate("/* write-attempt */ INSERT INTO accounts.plans VALUES (3, 'Sneaky')"));
            assertThat(refused.getSQLState()).isEqualTo("25006");
            c.rollback();
            c.setAutoCommit(true);
            // Even outside an explicit transaction the session default stays read-only.
            SQLException refusedAgain = catchThrowableOfType(SQLException.class,
                    () -> s.executeUpdate("/* write-attempt */ CREATE TABLE accounts.sneaky (id integer)"));
            assertThat(refusedAgain.getSQLState()).isEqualTo("25006");
        }
    }

    @Test
    void serverLogShowsOnlyReadingStatementsFromTheScanner() throws Exception {
        JdbcConnector connector = connector(List.of(), 10);
        for (ScanItem item : connector.listItems()) {
            connector.scan(item, context("run-log"));
        }
        JdbcConnector inKeyRanges = new JdbcConnector(config(List.of("accounts.customers"), 0).withPartitionRows(50));
        for (ScanItem part : inKeyRanges.listItems()) {
            inKeyRanges.scanPart(part, context("run-log-parts"));
        }
        JdbcConnector inPageRanges = new JdbcConnector(config(List.of("big.emails"), 0).withPartitionRows(10_000));
        List<ScanItem> pageParts = inPageRanges.listItems();
        for (ScanItem part : pageParts) {
            inPageRanges.scanPart(part, context("run-log-pages"));
        }
        long half = relpages("big", "emails") / 2;

        List<String> statements = scannerStatements("run-log-pages");
        assertThat(pageParts).hasSize(2);
        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(firstKeyword(sql))
                .as("statement sent by the scanner: %s", sql)
                .isIn("SELECT", "SET", "SHOW", "BEGIN", "ROLLBACK", "COMMIT"));
        assertThat(statements).anySatisfy(sql -> assertThat(sql).startsWith(
                "/* piimap listing */ SELECT n.nspname, c.relname, c.reltuples, CASE WHEN c.relkind = 'r' THEN c.relpages"
                        + " ELSE 0 END FROM pg_catalog.pg_class c"));
        assertThat(statements).filteredOn(sql -> sql.contains("FROM \"")).isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).matches("(?s)/\\* piimap (run=[\\w.:-]+|listing) \\*/ SELECT .*"))
                .anySatisfy(sql -> assertThat(sql).startsWith("/* piimap run=run-log */ SELECT "))
                .contains("/* piimap run=run-log-pages */ SELECT \"id\", \"email\" FROM \"big\".\"emails\""
                                + " WHERE ctid < '(" + half + ",0)'::tid",
                        "/* piimap run=run-log-pages */ SELECT \"id\", \"email\" FROM \"big\".\"emails\""
                                + " WHERE ctid >= '(" + half + ",0)'::tid")
                .contains("/* piimap listing */ SELECT min(\"id\"), max(\"id\") FROM \"accounts\".\"customers\"",
                        "/* piimap run=run-log-parts */ SELECT \"id\", \"email\", \"note\" FROM \"accounts\".\"customers\""
                                + " WHERE \"id\" < 51",
                        "/* piimap run=run-log-parts */ SELECT \"id\", \"email\", \"note\" FROM \"accounts\".\"customers\""
                                + " WHERE \"id\" >= 51 AND \"id\" < 101",
                        "/* piimap run=run-log-parts */ SELECT \"id\", \"email\", \"note\" FROM \"accounts\".\"customers\""
                                + " WHERE \"id\" >= 151");
    }

    @Test
    void runIdCannotEndTheQueryComment() {
        TableReader reader = new TableReader(config(List.of(), 0), context("x*/ DROP TABLE t; --"));

        assertThat(reader.comment()).isEqualTo("/* piimap run=x___DROP_TABLE_t__-- */");
    }

    @Test
    void unreachableDatabaseFailsListingWithoutLeakingThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/app?password=url-canary-77&sslmode=disable";
        JdbcConnector connector = new JdbcConnector(new JdbcSourceConfig("test-db", url, "scanner", password, List.of(), 0));

        SourceException e = catchThrowableOfType(SourceException.class, connector::listItems);

        assertThat(e.getMessage()).contains("'test-db'", "jdbc:postgresql://127.0.0.1:" + closedPort + "/app",
                "connection failed", "SQLState 08001").doesNotContain(SCANNER_PASSWORD, "url-canary-77");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void wrongPasswordFailsListingWithTheSqlState() throws IOException {
        Path wrong = dir.resolve("wrong-password");
        Files.writeString(wrong, "wrong-canary-31");
        JdbcConnector connector = new JdbcConnector(new JdbcSourceConfig("test-db", url(), "scanner",
                SecretRef.parse("${file:" + wrong + "}"), List.of(), 0));

        assertThatThrownBy(connector::listItems).isInstanceOf(SourceException.class)
                .hasMessageContaining("authentication failed (SQLState 28P01)")
                .hasMessageContaining("password reference")
                .hasMessageNotContaining("wrong-canary-31");
    }

    @Test
    void unresolvablePasswordReferenceFailsListingNamingTheVariable() {
        JdbcConnector connector = new JdbcConnector(new JdbcSourceConfig("test-db", url(), "scanner",
                SecretRef.parse("${env:PIIMAP_TEST_SURELY_UNSET_7}"), List.of(), 0));

        assertThatThrownBy(connector::listItems).isInstanceOf(SourceException.class)
                .hasMessageContaining("'test-db'").hasMessageContaining("PIIMAP_TEST_SURELY_UNSET_7");
        ItemResult result = connector.scan(item("accounts.customers"), context("run-1"));
        assertThat(result.assets()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(a.detail()).contains("PIIMAP_TEST_SURELY_UNSET_7");
        });
    }

    @Test
    void connectorSurvivesJavaSerializationAsSparkShipsIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(connector(List.of(), 0));
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain(SCANNER_PASSWORD);
        JdbcConnector copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (JdbcConnector) in.readObject();
        }

        assertThat(copy.scan(item("accounts.customers"), context("run-1")).findings()).hasSize(1);
    }

    // ---- helpers

    private static JdbcSourceConfig config(List<String> include, int sampleRows) {
        return new JdbcSourceConfig("test-db", url(), "scanner", password, include, sampleRows);
    }

    private static JdbcSourceConfig config(List<String> include, int sampleRows, Sampling sampling, int timeoutSeconds) {
        return new JdbcSourceConfig("test-db", url(), "scanner", password, include, sampleRows, sampling, 2, timeoutSeconds);
    }

    private static ItemResult scan(JdbcSourceConfig config, String locator, String runId) {
        return new JdbcConnector(config).scan(item(locator), context(runId));
    }

    private static JdbcConnector connector(List<String> include, int sampleRows) {
        return new JdbcConnector(config(include, sampleRows));
    }

    private static ScanItem item(String locator) {
        return new ScanItem("test-db", locator, -1, -1);
    }

    private static ScanContext context(String runId) {
        return new ScanContext(runId, ExtractionLimits.defaults(), true);
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    private static long relpages(String schema, String table) throws SQLException {
        try (Connection c = admin(); java.sql.PreparedStatement s = c.prepareStatement("SELECT c.relpages FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url() + "?ApplicationName=" + SETUP_APP, "postgres", "");
    }

    /** Trust for the superuser (the embedded server's own checks), passwords for every other role. */
    static void writePasswordAuthentication(Path data) {
        try {
            Files.writeString(data.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every statement the server logged from connections other than the test's own set-up, once the
     * log shows {@code run=<runId>} and has stopped growing for {@link #LOG_QUIET} (the log is written
     * asynchronously: the run's first statement may be in it before its last). Write attempts marked
     * {@code write-attempt} by the read-only test are left out.
     */
    private static List<String> scannerStatements(String runId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = "";
        String seen = null;
        long seenAt = 0;
        while (System.nanoTime() < deadline) {
            log = Files.exists(serverLog) ? Files.readString(serverLog) : "";
            if (!log.equals(seen)) {
                seen = log;
                seenAt = System.nanoTime();
            } else if (log.contains("run=" + runId + " */") && System.nanoTime() - seenAt >= LOG_QUIET.toNanos()) {
                break;
            }
            Thread.sleep(50);
        }
        List<String> entries = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("app=") || entries.isEmpty()) {
                entries.add(line);
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
            }
        }
        List<String> statements = new ArrayList<>();
        for (String entry : entries) {
            if (entry.startsWith("app=" + SETUP_APP + ":") || entry.contains("write-attempt")) {
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

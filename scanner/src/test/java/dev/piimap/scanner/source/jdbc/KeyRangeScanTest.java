package dev.piimap.scanner.source.jdbc;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.job.ScanJob;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.SupportsItemParts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large tables read in full are read in ranges by parallel tasks (key ranges with an integer primary key, else
 * ctid page ranges), and the ranges merged give exactly what one read of the table gives: the connector's parts
 * merged in order, and a whole scan committed by the job (assets, findings, subject index, row dates, one
 * {@code items} row per table, carried whole). On an embedded PostgreSQL (14, so with TID Range Scans) with
 * tables of a few thousand rows and a small {@code partition-rows}.
 */
class KeyRangeScanTest {
    private static final int ROWS = 3_000;
    private static final int PARTITION_ROWS = 700;

    @TempDir
    static Path dir;
    private static EmbeddedPostgres server;
    private static SecretRef key;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true).start();
        Path keyFile = dir.resolve("fingerprint.key");
        Files.writeString(keyFile, "key-range-test-fingerprint-key-0123456789\n");
        key = SecretRef.parse("${file:" + keyFile + "}");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE SCHEMA crm;
                    CREATE TABLE crm.people (id bigint PRIMARY KEY, name text, email text, phone text, note text,
                        profile jsonb, card text, created_at timestamp);
                    INSERT INTO crm.people SELECT i * 3 - 40,
                        (ARRAY['Ana Diaz', 'Bob Stone', 'Chen Wei', 'Dana Scully'])[1 + i %% 4] || ' ' || i,
                        CASE WHEN i %% 11 = 0 THEN NULL WHEN i %% 5 = 0 THEN 'shared@example.com'
                             ELSE 'person' || i || '@example.com' END,
                        '+1 415 555 ' || lpad((i %% 10000)::text, 4, '0'),
                        CASE WHEN i %% 7 = 0 THEN 'call back on +1 212 555 01' || lpad((i %% 100)::text, 2, '0')
                             WHEN i %% 13 = 0 THEN 'wrote from backup' || i || '@example.org' ELSE 'no contact ' || i END,
                        jsonb_build_object('contact', jsonb_build_object('mail', 'json' || i || '@example.net'), 'n', i),
                        CASE WHEN i %% 3 = 0 THEN '4111 1111 1111 1111' ELSE '4111 1111 1111 11' || lpad((i %% 100)::text, 2, '0') END,
                        timestamp '2020-01-01' + (i %% 400) * interval '1 day' + (i %% 24) * interval '1 hour'
                        FROM generate_series(1, %1$d) i;
                    CREATE TABLE crm.no_key (id integer, email text, phone text, note text, created_at timestamp);
                    INSERT INTO crm.no_key SELECT i,
                        CASE WHEN i %% 9 = 0 THEN NULL WHEN i %% 4 = 0 THEN 'shared@example.com'
                             ELSE 'nokey' || i || '@example.com' END,
                        '+1 212 555 ' || lpad((i %% 10000)::text, 4, '0'),
                        CASE WHEN i %% 6 = 0 THEN 'card 4111 1111 1111 1111' ELSE 'nothing ' || i END,
                        timestamp '2021-06-01' + (i %% 90) * interval '1 day'
                        FROM generate_series(1, %1$d) i;
                    CREATE TABLE crm.text_key (code text PRIMARY KEY, email text);
                    INSERT INTO crm.text_key SELECT 'C-' || i, 'text' || i || '@example.com' FROM generate_series(1, %1$d) i;
                    CREATE SCHEMA parted;
                    CREATE TABLE parted.events (n integer, email text) PARTITION BY RANGE (n);
                    CREATE TABLE parted.events_low PARTITION OF parted.events FOR VALUES FROM (1) TO (1501);
                    CREATE TABLE parted.events_high PARTITION OF parted.events FOR VALUES FROM (1501) TO (3001);
                    INSERT INTO parted.events SELECT i, 'parted' || i || '@example.com' FROM generate_series(1, 3000) i;
                    CREATE SCHEMA late;
                    CREATE TABLE late.events (n integer, email text);
                    INSERT INTO late.events SELECT i, 'event' || i || '@example.com' FROM generate_series(1, 2000) i;
                    ANALYZE;
                    """.formatted(ROWS));
            // ANALYZE sets reltuples and relpages, which plan the ranges. In the inserts' transaction, so the
            // statistics counters (the tables' change tokens) stay as they are; a separate VACUUM would leave
            // them to be corrected by autovacuum during the test, and the second run would rescan the tables.
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLargeTableReadInFullIsListedAsContiguousKeyRangesWithOpenEnds() throws SourceException {
        List<ScanItem> items = connector(0, PARTITION_ROWS).listItems();

        List<ScanItem> people = items.stream().filter(i -> i.locator().equals("crm.people")).toList();
        assertThat(people).hasSize(5).allSatisfy(p -> {
            assertThat(p.isPart()).isTrue();
            assertThat(p.partCount()).isEqualTo(5);
            assertThat(p.attribute(KeyRange.COLUMN)).isEqualTo("id");
            assertThat(p.revision()).isNotNull().isEqualTo(people.get(0).revision());
        });
        assertThat(people).extracting(ScanItem::partIndex).containsExactly(0, 1, 2, 3, 4);
        assertThat(people).extracting(KeyRange::of).containsExactly(
                new KeyRange("id", null, 1762L), new KeyRange("id", 1762L, 3562L), new KeyRange("id", 3562L, 5361L),
                new KeyRange("id", 5361L, 7161L), new KeyRange("id", 7161L, null));
        assertThat(people).extracting(p -> p.attribute(TableRange.KIND)).containsOnly(KeyRange.KIND);
    }

    /**
     * Without an integer primary key (none, or a text one) the table is cut into equal page ranges of
     * {@code relpages}, the first and last open-ended, and each range is read with a TID Range Scan.
     */
    @Test
    void aLargeTableWithoutAnIntegerKeyIsListedAsContiguousPageRangesReadWithTidRangeScans() throws Exception {
        List<ScanItem> items = connector(0, PARTITION_ROWS).listItems();

        for (String locator : List.of("crm.no_key", "crm.text_key")) {
            List<ScanItem> parts = items.stream().filter(i -> i.locator().equals(locator)).toList();
            long pages = relpages(locator);
            assertThat(pages).as("pages of %s", locator).isGreaterThanOrEqualTo(5);
            assertThat(parts).as(locator).hasSize(5).allSatisfy(p -> {
                assertThat(p.partCount()).isEqualTo(5);
                assertThat(p.attribute(TableRange.KIND)).isEqualTo(CtidRange.KIND);
                assertThat(p.revision()).isNotNull().isEqualTo(parts.get(0).revision());
            });
            assertThat(parts).extracting(ScanItem::partIndex).containsExactly(0, 1, 2, 3, 4);
            assertThat(parts).extracting(TableRange::of).containsExactly(new CtidRange(null, pages / 5),
                    new CtidRange(pages / 5, pages * 2 / 5), new CtidRange(pages * 2 / 5, pages * 3 / 5),
                    new CtidRange(pages * 3 / 5, pages * 4 / 5), new CtidRange(pages * 4 / 5, null));
        }
        String middle = "SELECT email FROM crm.no_key" + TableRange.of(items.stream()
                .filter(i -> i.locator().equals("crm.no_key") && i.partIndex() == 2).findFirst().orElseThrow()).where("\"");
        assertThat(middle).matches("SELECT email FROM crm.no_key WHERE ctid >= '\\(\\d+,0\\)'::tid AND ctid < '\\(\\d+,0\\)'::tid");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN " + middle)) {
            assertThat(plan.next()).isTrue();
            assertThat(plan.getString(1)).as("plan of %s", middle).startsWith("Tid Range Scan on no_key");
        }
    }

    /** Servers before PostgreSQL 14 have no TID Range Scans (each part would read the whole table): only key ranges there. */
    @Test
    void beforePostgres14OnlyTablesWithAnIntegerKeyAreSplit() throws Exception {
        List<TableRef> tables = List.of(new TableRef("crm", "people"), new TableRef("crm", "no_key"),
                new TableRef("crm", "text_key"));
        KeyRanges planner = new KeyRanges(PARTITION_ROWS, DatabaseKind.POSTGRESQL, java.time.Duration.ofSeconds(5));
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            assertThat(planner.plan(c, Namespaces.SCHEMAS, tables)).as("on 14").containsOnlyKeys(tables);
            assertThat(planner.plan(reportingVersion(c, 13), Namespaces.SCHEMAS, tables)).as("on 13")
                    .containsOnlyKeys(new TableRef("crm", "people"));
        }
    }

    /** A partitioned parent has no pages (or ctid) of its own: never split by page; its partitions are, as tables. */
    @Test
    void aPartitionedParentIsNotSplitByPageButItsPartitionsAre() throws Exception {
        TableRef parent = new TableRef("parted", "events");
        TableRef partition = new TableRef("parted", "events_low");
        KeyRanges planner = new KeyRanges(PARTITION_ROWS, DatabaseKind.POSTGRESQL, java.time.Duration.ofSeconds(5));
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'parted.events'::regclass")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).as("the parent's estimate alone would split it").isGreaterThan(PARTITION_ROWS);

            Map<TableRef, List<TableRange>> plan = planner.plan(c, Namespaces.SCHEMAS, List.of(parent, partition));

            assertThat(plan).containsOnlyKeys(partition);
            assertThat(plan.get(partition)).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(r).isInstanceOf(CtidRange.class));
        }
    }

    /** Rows appended after listing land on new pages, which the last, open-ended, page range reads once. */
    @Test
    void rowsAppendedAfterListingAreReadOnceByTheLastPageRange() throws Exception {
        JdbcConnector split = connector(List.of("late.*"), 0, 500);
        List<ScanItem> parts = split.listItems();
        assertThat(parts).hasSize(4).allSatisfy(p -> assertThat(p.attribute(TableRange.KIND)).isEqualTo(CtidRange.KIND));
        long listedPages = relpages("late.events");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO late.events SELECT i, 'event' || i || '@example.com' FROM generate_series(2001, 3000) i");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM late.events WHERE ctid >= '(" + listedPages + ",0)'::tid")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("rows on pages added after listing").isGreaterThan(0);
            }
        }
        ScanContext context = new ScanContext("run-late", ExtractionLimits.defaults(), true).withSubjectKey(key);

        ItemResult fromParts = mergedRead(split, parts, context);
        ItemResult one = connector(List.of("late.*"), 0, 0).scan(parts.get(0).whole(), context);

        assertThat(fromParts.findings()).singleElement().satisfies(f -> {
            assertThat(f.asset()).isEqualTo("late.events.email");
            assertThat(f.count()).isEqualTo(3000);
        });
        assertThat(fromParts.findings()).isEqualTo(one.findings());
        assertThat(fromParts.subjects()).isEqualTo(one.subjects());
    }

    @Test
    void sampledReadsAndAZeroPartitionRowsNeverSplit() throws SourceException {
        assertThat(connector(1000, PARTITION_ROWS).listItems()).hasSize(3).noneMatch(ScanItem::isPart);
        assertThat(connector(0, 0).listItems()).hasSize(3).noneMatch(ScanItem::isPart);
        assertThat(connector(0, ROWS).listItems()).as("estimate not above partition-rows").noneMatch(ScanItem::isPart);
    }

    @Test
    void partsMergedInKeyOrPageOrderGiveExactlyTheResultOfOneRead() throws SourceException {
        JdbcConnector whole = connector(0, 0);
        JdbcConnector split = connector(0, PARTITION_ROWS);
        ScanContext context = new ScanContext("run-parts", ExtractionLimits.defaults(), true).withSubjectKey(key);
        List<ScanItem> tables = whole.listItems();
        List<ScanItem> allParts = split.listItems();
        assertThat(tables).extracting(ScanItem::locator).containsExactly("crm.no_key", "crm.people", "crm.text_key");

        for (ScanItem table : tables) {
            List<ScanItem> parts = allParts.stream().filter(i -> i.locator().equals(table.locator())).toList();
            assertThat(parts).as(table.locator()).hasSize(5);
            ItemResult one = whole.scan(table, context);
            ItemResult fromParts = mergedRead(split, parts, context);

            assertThat(one.findings()).as(table.locator()).isNotEmpty();
            assertThat(one.subjects()).as(table.locator()).isNotEmpty();
            assertThat(fromParts.assets()).as(table.locator()).isEqualTo(one.assets());
            assertThat(fromParts.findings()).as(table.locator()).isEqualTo(one.findings());
            assertThat(fromParts.subjects()).as(table.locator()).isEqualTo(one.subjects());
            assertThat(fromParts.dates()).as(table.locator()).isEqualTo(one.dates());
            if (!table.locator().equals("crm.text_key")) {
                assertThat(one.dates()).as(table.locator()).isNotEmpty().allSatisfy(d -> assertThat(d.estimated()).isFalse());
            }
            if (table.locator().equals("crm.people")) {
                assertThat(one.findings()).extracting(f -> f.asset() + " " + f.type()).contains("crm.people.email EMAIL_ADDRESS",
                        "crm.people.note PHONE_NUMBER", "crm.people.note EMAIL_ADDRESS", "crm.people.profile EMAIL_ADDRESS",
                        "crm.people.card CREDIT_CARD");
            }
            if (table.locator().equals("crm.no_key")) {
                assertThat(one.findings()).extracting(f -> f.asset() + " " + f.type()).contains("crm.no_key.email EMAIL_ADDRESS",
                        "crm.no_key.phone PHONE_NUMBER", "crm.no_key.note CREDIT_CARD");
            }
        }
    }

    @Test
    void rangesCoverTheKeysInEqualWidthsCappedAtTheMaximumAndOnePerKey() {
        KeyRanges ranges = new KeyRanges(100, DatabaseKind.POSTGRESQL, java.time.Duration.ofSeconds(5));

        assertThat(ranges.ranges(1, 400, "id", 400)).containsExactly(new KeyRange("id", null, 101L),
                new KeyRange("id", 101L, 201L), new KeyRange("id", 201L, 301L), new KeyRange("id", 301L, null));
        assertThat(ranges.ranges(5, 7, "id", 10_000)).hasSize(3);
        assertThat(ranges.ranges(7, 7, "id", 10_000)).containsExactly(new KeyRange("id", null, null));
        assertThat(ranges.ranges(Long.MIN_VALUE, Long.MAX_VALUE, "id", 1e12)).hasSize(KeyRanges.MAX_PARTS);
    }

    /**
     * The job's side: the committed rows of a run with {@code partition-rows} equal those of a run without it,
     * which are the connector's one read of each table as the data map writer stores it (compared with that
     * read directly, rather than through a second run, to keep the suite fast).
     */
    @Test
    void aSplitTableCommitsTheRowsOfOneReadAsOneItemAndIsCarriedWhole() throws Exception {
        SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
        ScanConfig split = config(PARTITION_ROWS);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        JdbcConnector whole = connector(0, 0);
        ScanContext context = new ScanContext("split", ExtractionLimits.defaults(), true).withSubjectKey(key);
        List<ItemResult> oneRead = whole.listItems().stream().map(item -> whole.scan(item, context)).toList();

        new ScanJob(out).run(split, "split", true);
        new ScanJob(out).run(split, "again");

        DataMapReader reader = DataMapReader.open(spark, split.datamap());
        RunRecord parts = reader.requireCommitted("split");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("db (jdbc): 3 items listed, 3 to scan, 0 unchanged (--full)",
                        "db (jdbc): 3 of them read in 15 parts (key or page ranges), in parallel tasks",
                        "db (jdbc): 3 items listed, 0 to scan, 3 unchanged (carried from run split)");
        assertThat(parts.itemsListed()).isEqualTo(3);
        assertThat(rows(reader.assets(parts).selectExpr("asset", "status", "detail"))).hasSize(8 + 5 + 2)
                .isEqualTo(sorted(oneRead.stream().flatMap(r -> r.assets().stream())
                        .map(a -> a.asset() + "|" + a.status().wireName() + "|" + a.detail())));
        assertThat(rows(reader.findings(parts).selectExpr("asset", "type", "count", "confidence", "sample", "explanation",
                "detector"))).hasSizeGreaterThan(5)
                .isEqualTo(sorted(oneRead.stream().flatMap(r -> r.findings().stream())
                        .map(f -> String.join("|", f.asset(), f.type().name(), String.valueOf(f.count()),
                                String.valueOf(f.confidence()), f.sample(), f.explanation(), f.detector()))));
        assertThat(rows(reader.subjects(parts).selectExpr("asset", "type", "fingerprint", "count", "concat_ws(',', keys)")))
                .hasSizeGreaterThan(ROWS)
                .isEqualTo(sorted(oneRead.stream().flatMap(r -> r.subjects().stream())
                        .map(e -> String.join("|", e.asset(), e.type().name(), e.fingerprint(), String.valueOf(e.count()),
                                String.join(",", e.keys())))));
        assertThat(rows(reader.dates(parts).selectExpr("asset", "column", "CAST(day AS STRING)", "rows", "estimated")))
                .hasSize(400 + 90)
                .isEqualTo(sorted(oneRead.stream().flatMap(r -> r.dates().stream())
                        .map(d -> String.join("|", d.asset(), d.column(), java.time.LocalDate.ofEpochDay(d.epochDay()).toString(),
                                String.valueOf(d.rows()), String.valueOf(d.estimated())))));
        assertThat(rows(reader.items(parts).selectExpr("item", "status"))).containsExactly(
                "crm.no_key|scanned", "crm.people|scanned", "crm.text_key|scanned");
        RunRecord again = reader.requireCommitted("again");
        assertThat(again.itemsListed()).isEqualTo(3);
        assertThat(rows(reader.items(again).selectExpr("item", "status", "scanned_run_id"))).containsExactly(
                "crm.no_key|carried|split", "crm.people|carried|split", "crm.text_key|carried|split");
        assertThat(rows(reader.findings(again).drop("run_id"))).isEqualTo(rows(reader.findings(parts).drop("run_id")));
    }

    // ---- helpers

    private static JdbcConnector connector(int sampleRows, int partitionRows) {
        return connector(List.of("crm.*"), sampleRows, partitionRows);
    }

    private static JdbcConnector connector(List<String> include, int sampleRows, int partitionRows) {
        return new JdbcConnector(new JdbcSourceConfig("db", url(), "postgres", null, include, sampleRows)
                .withPartitionRows(partitionRows));
    }

    /** The parts scanned one by one and merged in part order, as the job's tasks do. */
    private static ItemResult mergedRead(JdbcConnector split, List<ScanItem> parts, ScanContext context) {
        SupportsItemParts.ItemPart merged = null;
        for (ScanItem part : parts) {
            SupportsItemParts.ItemPart p = split.scanPart(part, context);
            merged = merged == null ? p : split.merge(merged, p);
        }
        return split.finish(parts.get(0).whole(), merged, context);
    }

    /** {@code pg_class.relpages} of a {@code schema.table}. */
    private static long relpages(String locator) throws Exception {
        TableRef table = TableRef.parse(locator);
        try (Connection c = server.getPostgresDatabase().getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT c.relpages FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ?")) {
            s.setString(1, table.namespace());
            s.setString(2, table.table());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** {@code connection} as a server of another major version would show it: a hand-written proxy, nothing else changed. */
    private static Connection reportingVersion(Connection connection, int major) throws Exception {
        DatabaseMetaData real = connection.getMetaData();
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(KeyRangeScanTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> method.getName().equals("getDatabaseMajorVersion")
                        ? major : invoke(method, real, args));
        return (Connection) Proxy.newProxyInstance(KeyRangeScanTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("getMetaData") ? metaData : invoke(method, connection, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static ScanConfig config(int partitionRows) throws Exception {
        Path base = Files.createDirectories(dir.resolve("job"));
        return new ScanConfigLoader().parse("""
                datamap: ./datamap
                spark: {master: "local[2]"}
                fingerprint-key: %s
                sources:
                  - {name: db, type: jdbc, url: '%s', user: postgres, include: ["crm.*"], sample-rows: 0,
                     partition-rows: %d}
                """.formatted(key, url(), partitionRows), base);
    }

    /** The rows as sorted text, columns joined with {@code |}. */
    private static List<String> rows(Dataset<Row> frame) {
        return frame.collectAsList().stream()
                .map(r -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < r.length(); i++) {
                        Object v = r.get(i);
                        s.append(i == 0 ? "" : "|").append(v);
                    }
                    return s.toString();
                })
                .sorted().toList();
    }

    private static List<String> sorted(java.util.stream.Stream<String> rows) {
        return rows.sorted().toList();
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }
}

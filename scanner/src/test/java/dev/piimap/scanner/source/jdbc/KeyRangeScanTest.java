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
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Large tables read in full are read in key ranges by parallel tasks, and the ranges merged give exactly
 * what one read of the table gives: the connector's parts merged in order, and a whole scan committed by the
 * job (assets, findings, subject index, row dates, one {@code items} row per table, carried whole). On an
 * embedded PostgreSQL with tables of a few thousand rows and a small {@code partition-rows}.
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
                    CREATE TABLE crm.no_key (id integer, email text);
                    INSERT INTO crm.no_key SELECT i, 'nokey' || i || '@example.com' FROM generate_series(1, %1$d) i;
                    CREATE TABLE crm.text_key (code text PRIMARY KEY, email text);
                    INSERT INTO crm.text_key SELECT 'C-' || i, 'text' || i || '@example.com' FROM generate_series(1, %1$d) i;
                    ANALYZE;
                    """.formatted(ROWS));
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
        assertThat(items).filteredOn(i -> !i.locator().equals("crm.people"))
                .extracting(ScanItem::locator, ScanItem::isPart)
                .containsExactly(tuple("crm.no_key", false), tuple("crm.text_key", false));
    }

    @Test
    void sampledReadsAndAZeroPartitionRowsNeverSplit() throws SourceException {
        assertThat(connector(1000, PARTITION_ROWS).listItems()).hasSize(3).noneMatch(ScanItem::isPart);
        assertThat(connector(0, 0).listItems()).hasSize(3).noneMatch(ScanItem::isPart);
        assertThat(connector(0, ROWS).listItems()).as("estimate not above partition-rows").noneMatch(ScanItem::isPart);
    }

    @Test
    void partsMergedInKeyOrderGiveExactlyTheResultOfOneRead() throws SourceException {
        JdbcConnector whole = connector(0, 0);
        JdbcConnector split = connector(0, PARTITION_ROWS);
        ScanContext context = new ScanContext("run-parts", ExtractionLimits.defaults(), true).withSubjectKey(key);
        ScanItem table = whole.listItems().stream().filter(i -> i.locator().equals("crm.people")).findFirst().orElseThrow();
        List<ScanItem> parts = split.listItems().stream().filter(i -> i.locator().equals("crm.people")).toList();

        ItemResult one = whole.scan(table, context);
        SupportsItemParts.ItemPart merged = null;
        for (ScanItem part : parts) {
            SupportsItemParts.ItemPart p = split.scanPart(part, context);
            merged = merged == null ? p : split.merge(merged, p);
        }
        ItemResult fromParts = split.finish(parts.get(0).whole(), merged, context);

        assertThat(one.findings()).extracting(f -> f.asset() + " " + f.type()).contains("crm.people.email EMAIL_ADDRESS",
                "crm.people.note PHONE_NUMBER", "crm.people.note EMAIL_ADDRESS", "crm.people.profile EMAIL_ADDRESS",
                "crm.people.card CREDIT_CARD");
        assertThat(one.subjects()).isNotEmpty();
        assertThat(one.dates()).isNotEmpty().allSatisfy(d -> assertThat(d.estimated()).isFalse());
        assertThat(fromParts.assets()).isEqualTo(one.assets());
        assertThat(fromParts.findings()).isEqualTo(one.findings());
        assertThat(fromParts.subjects()).isEqualTo(one.subjects());
        assertThat(fromParts.dates()).isEqualTo(one.dates());
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
                        "db (jdbc): 1 of them read in 5 parts (key ranges), in parallel tasks",
                        "db (jdbc): 3 items listed, 0 to scan, 3 unchanged (carried from run split)");
        assertThat(parts.itemsListed()).isEqualTo(3);
        assertThat(rows(reader.assets(parts).selectExpr("asset", "status", "detail"))).hasSize(8 + 2 + 2)
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
                .hasSize(400)
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
        return new JdbcConnector(new JdbcSourceConfig("db", url(), "postgres", null, List.of("crm.*"), sampleRows)
                .withPartitionRows(partitionRows));
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

package dev.piimap.scanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.testdata.SampleDocuments;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Incremental runs end to end on real parts (an embedded PostgreSQL, a real folder, Spark local,
 * Delta): a second run over an unchanged estate scans nothing and commits the same snapshot; changed
 * files and tables (and only they) are scanned again; deleted files leave the snapshot; {@code --full},
 * changed detectors and changed source settings rescan. Each test has its own estate: a folder and a
 * PostgreSQL schema of its own, and its own data map.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private EmbeddedPostgres postgres;
    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");

    @BeforeAll
    void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void secondRunOverAnUnchangedEstateScansNothingAndCommitsTheSameSnapshot() throws Exception {
        Estate estate = estate("same", "");
        run(estate, "r1");
        List<String> firstFindings = export(estate, "findings");
        List<String> firstAssets = export(estate, "assets");
        assertThat(itemStatuses(estate, "r1")).containsOnly(
                entry("db crm_same.customers", "scanned"), entry("db crm_same.orders", "scanned"),
                entry("share notes.txt", "scanned"), entry("share clean.txt", "scanned"),
                entry("share docs/letter.pdf", "scanned"), entry("share old.txt", "scanned"));

        CliRunner.Result second = run(estate, "r2");

        assertThat(itemStatuses(estate, "r2")).hasSize(6).allSatisfy((item, status) -> assertThat(status).isEqualTo("carried"));
        assertThat(second.err()).contains("db (jdbc): 2 items listed, 0 to scan, 2 unchanged (carried from run r1)",
                "share (files): 4 items listed, 0 to scan, 4 unchanged (carried from run r1)");
        assertThat(second.out()).containsPattern("db +0 scanned, 2 carried forward unchanged")
                .containsPattern("share +0 scanned, 4 carried forward unchanged");
        assertThat(withoutRunId(export(estate, "findings"))).isNotEmpty().isEqualTo(withoutRunId(firstFindings));
        assertThat(withoutRunId(export(estate, "assets"))).isEqualTo(withoutRunId(firstAssets));
        RunRecord r2 = reader(estate).requireCommitted("r2");
        assertThat(r2.itemsCarried()).isEqualTo(6);
        assertThat(r2.itemsListed()).isEqualTo(6);
        assertThat(r2.detectionFingerprint()).isNotBlank().isEqualTo(reader(estate).requireCommitted("r1").detectionFingerprint());
        assertThat(scannedRunIds(estate, "r2")).containsOnly("r1");

        run(estate, "r3");
        assertThat(scannedRunIds(estate, "r3")).as("carried from r2, still naming the run that scanned").containsOnly("r1");
    }

    @Test
    void changedFilesAndTablesAreScannedAgainAndDeletedFilesLeaveTheRun() throws Exception {
        Estate estate = estate("chg", "");
        run(estate, "r1");
        Path notes = estate.share().resolve("notes.txt");
        Files.writeString(notes, "Contact alice@example.com, IBAN DE89 3704 0044 0532 0130 00\n");
        Files.setLastModifiedTime(notes, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
        Files.delete(estate.share().resolve("old.txt"));
        updateAndAwaitStatistics("crm_chg.orders", "UPDATE crm_chg.orders SET note = 'refund to customer' || id || '@example.net'");

        run(estate, "r2");

        assertThat(itemStatuses(estate, "r2")).containsOnly(
                entry("db crm_chg.customers", "carried"), entry("db crm_chg.orders", "scanned"),
                entry("share notes.txt", "scanned"), entry("share clean.txt", "carried"),
                entry("share docs/letter.pdf", "carried"));
        List<String> findings = findingKeys(estate, "r2");
        assertThat(findings).contains("db crm_chg.orders.note EMAIL_ADDRESS", "share notes.txt IBAN",
                "share notes.txt EMAIL_ADDRESS", "db crm_chg.customers.email EMAIL_ADDRESS",
                "share docs/letter.pdf EMAIL_ADDRESS");
        assertThat(findings).noneMatch(f -> f.startsWith("share old.txt")).doesNotContain("share notes.txt PHONE_NUMBER");
        assertThat(findingKeys(estate, "r1")).contains("share old.txt EMAIL_ADDRESS", "share notes.txt PHONE_NUMBER")
                .doesNotContain("db crm_chg.orders.note EMAIL_ADDRESS");
        assertThat(assetKeys(estate, "r2")).noneMatch(a -> a.startsWith("share old.txt"));
    }

    @Test
    void fullRescansEverything() throws Exception {
        Estate estate = estate("full", "");
        run(estate, "r1");
        List<String> firstFindings = export(estate, "findings");

        CliRunner.Result full = run(estate, "r2", "--full");

        assertThat(itemStatuses(estate, "r2")).hasSize(6).allSatisfy((item, status) -> assertThat(status).isEqualTo("scanned"));
        assertThat(full.err()).contains("4 items listed, 4 to scan, 0 unchanged (--full)");
        assertThat(withoutRunId(export(estate, "findings"))).isEqualTo(withoutRunId(firstFindings));
    }

    @Test
    void changedDetectorsRescanEverythingAndChangedSourceSettingsRescanThatSource() throws Exception {
        Estate estate = estate("cfg", "");
        run(estate, "r1");
        Path detectors = Files.createDirectories(estate.dir().resolve("detectors"));
        Files.writeString(detectors.resolve("order-ref.yaml"), """
                id: order-reference
                type: CREDENTIAL
                description: A test detector.
                patterns:
                  - name: ref
                    regex: 'ordref_[0-9a-f]{16}'
                    score: 0.9
                """);
        Files.writeString(estate.config(), Files.readString(estate.config()).replace("datamap: ./datamap",
                "datamap: ./datamap\ndetectors: ./detectors"));

        run(estate, "r2");

        assertThat(itemStatuses(estate, "r2")).hasSize(6).allSatisfy((item, status) -> assertThat(status).isEqualTo("scanned"));
        assertThat(reader(estate).requireCommitted("r2").detectionFingerprint())
                .isNotEqualTo(reader(estate).requireCommitted("r1").detectionFingerprint());

        Files.writeString(estate.config(), Files.readString(estate.config()).replace("sample-rows: 500", "sample-rows: 400"));
        run(estate, "r3");

        assertThat(itemStatuses(estate, "r3")).containsOnly(
                entry("db crm_cfg.customers", "scanned"), entry("db crm_cfg.orders", "scanned"),
                entry("share notes.txt", "carried"), entry("share clean.txt", "carried"),
                entry("share docs/letter.pdf", "carried"), entry("share old.txt", "carried"));
    }

    @Test
    void failedItemsAreScannedAgain() throws Exception {
        Estate estate = estate("fail", "");
        SampleDocuments.corruptPdf(estate.share().resolve("corrupt.pdf"));
        ageFiles(estate.share());
        run(estate, "r1");
        assertThat(itemStatuses(estate, "r1")).containsEntry("share corrupt.pdf", "failed");

        run(estate, "r2");

        assertThat(itemStatuses(estate, "r2")).containsEntry("share corrupt.pdf", "failed")
                .containsEntry("share notes.txt", "carried");
        assertThat(assetKeys(estate, "r2")).contains("share corrupt.pdf error");
    }

    @Test
    void changeColumnDetectsAnUpdateThatKeepsTheRowCount() throws Exception {
        Estate estate = estate("col", "    change-detection: {column: updated_at}\n");
        run(estate, "r1");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE crm_col.customers SET email = 'changed@example.org', updated_at = now() + interval '1 hour' WHERE id = 3");
        }

        run(estate, "r2");

        assertThat(itemStatuses(estate, "r2")).containsEntry("db crm_col.customers", "scanned")
                .containsEntry("db crm_col.orders", "carried")
                .containsEntry("share notes.txt", "carried");
        assertThat(revisions(estate, "r2").get("db crm_col.customers")).startsWith("column:40/");
        assertThat(revisions(estate, "r2").get("db crm_col.orders")).as("no change column: stats").startsWith("pg:");
    }

    @Test
    void upgradesADataMapWrittenBeforeIncrementalRuns() throws Exception {
        Estate estate = estate("old", "");
        writeOldSchemaRun(estate.datamap());

        run(estate, "r1");
        run(estate, "r2");

        DataMapReader reader = reader(estate);
        assertThat(reader.committedRuns()).extracting(RunRecord::runId).containsExactly("r0", "r1", "r2");
        assertThat(reader.assets("r0").collectAsList()).singleElement()
                .satisfies(row -> assertThat(Rows.string(row, DataMapLayout.ITEM)).isNull());
        assertThat(reader.requireCommitted("r0").detectionFingerprint()).isNull();
        assertThat(itemStatuses(estate, "r1")).hasSize(6).allSatisfy((item, status) -> assertThat(status).isEqualTo("scanned"));
        assertThat(itemStatuses(estate, "r2")).hasSize(6).allSatisfy((item, status) -> assertThat(status).isEqualTo("carried"));
        assertThat(CliRunner.run("export", "--datamap", estate.datamap().toString(), "--what", "assets").status()).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    record Estate(Path dir, Path share, Path config, Path datamap) {
    }

    /** A folder of four files aged an hour, schema crm_NAME with two tables, and a scan.yaml for both. */
    private Estate estate(String name, String extraJdbcKeys) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("notes.txt"), "Contact alice@example.com or call +1 212-555-0187\n");
        Files.writeString(share.resolve("clean.txt"), "Nothing personal in here.\n");
        Files.writeString(share.resolve("old.txt"), "Written by bob@example.org long ago.\n");
        Files.createDirectories(share.resolve("docs"));
        SampleDocuments.pdf(share.resolve("docs/letter.pdf"), List.of("Dear customer,", "write to carol@example.net"));
        ageFiles(share);
        String schema = "crm_" + name;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".customers (id int primary key, email text, updated_at timestamp)");
            s.execute("INSERT INTO " + schema + ".customers SELECT i, 'customer' || i || '@example.com',"
                    + " timestamp '2026-01-01' + i * interval '1 minute' FROM generate_series(1, 40) i");
            s.execute("CREATE TABLE " + schema + ".orders (id int primary key, note text)");
            s.execute("INSERT INTO " + schema + ".orders SELECT i, 'order shipped' FROM generate_series(1, 30) i");
        }
        awaitStatistics(schema + ".orders", 30);
        Path config = dir.resolve("scan.yaml");
        Files.writeString(config, """
                datamap: ./datamap
                spark: {master: "local[2]"}
                sources:
                  - name: db
                    type: jdbc
                    url: %s
                    user: postgres
                    include: ["%s.*"]
                    sample-rows: 500
                %s  - name: share
                    type: files
                    root: ./share
                """.formatted(postgres.getJdbcUrl("postgres", "postgres"), schema, extraJdbcKeys));
        return new Estate(dir, share, config, dir.resolve("datamap"));
    }

    /** Files modified "just now" get no revision (see FilesConnector.revision): date them an hour back. */
    private static void ageFiles(Path folder) throws Exception {
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, hourAgo);
            }
        }
    }

    private void updateAndAwaitStatistics(String table, String update) throws Exception {
        long before = tupleChanges(table);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(update);
        }
        awaitStatistics(table, before + 1);
    }

    /** PostgreSQL publishes table statistics shortly after a transaction ends; wait until they show the change. */
    private void awaitStatistics(String table, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tupleChanges(table) < atLeast) {
            assertThat(System.nanoTime()).as("statistics of " + table).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long tupleChanges(String table) throws Exception {
        String[] parts = table.split("\\.");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables"
                     + " WHERE schemaname = '" + parts[0] + "' AND relname = '" + parts[1] + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static CliRunner.Result run(Estate estate, String runId, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--config", estate.config().toString(), "--run-id", runId));
        args.addAll(List.of(more));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isZero();
        return r;
    }

    private DataMapReader reader(Estate estate) {
        return DataMapReader.open(spark, estate.datamap().toString());
    }

    private Map<String, String> itemStatuses(Estate estate, String runId) {
        return itemColumn(estate, runId, DataMapLayout.STATUS);
    }

    private Map<String, String> revisions(Estate estate, String runId) {
        return itemColumn(estate, runId, "revision");
    }

    private List<String> scannedRunIds(Estate estate, String runId) {
        return List.copyOf(itemColumn(estate, runId, "scanned_run_id").values());
    }

    private Map<String, String> itemColumn(Estate estate, String runId, String column) {
        DataMapReader reader = reader(estate);
        Map<String, String> out = new TreeMap<>();
        for (Row row : reader.items(reader.requireCommitted(runId)).collectAsList()) {
            out.put(Rows.string(row, "source") + " " + Rows.string(row, DataMapLayout.ITEM), Rows.string(row, column));
        }
        return out;
    }

    private List<String> findingKeys(Estate estate, String runId) {
        return reader(estate).findings(runId).collectAsList().stream().map(r -> Rows.string(r, "source") + " "
                + Rows.string(r, "asset") + " " + Rows.string(r, "type")).sorted().toList();
    }

    private List<String> assetKeys(Estate estate, String runId) {
        return reader(estate).assets(runId).collectAsList().stream().map(r -> Rows.string(r, "source") + " "
                + Rows.string(r, "asset") + " " + Rows.string(r, "status")).sorted().toList();
    }

    /** The latest run's export. */
    private List<String> export(Estate estate, String what) throws Exception {
        Path out = tmp.resolve("export-" + System.nanoTime() + ".jsonl");
        CliRunner.Result r = CliRunner.run("export", "--datamap", estate.datamap().toString(), "--what", what,
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> withoutRunId(List<String> lines) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("run_id");
            out.add(node.toString());
        }
        return out;
    }

    /** A data map as the scanner wrote it before incremental runs: no items table, no item columns. */
    private void writeOldSchemaRun(Path datamap) {
        DataMapLayout layout = DataMapLayout.at(datamap.toString());
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        write(layout.assetsTable(), "run_id string not null, source string not null, asset string not null,"
                + " asset_kind string not null, status string not null, detail string, bytes bigint, modified timestamp",
                org.apache.spark.sql.RowFactory.create("r0", "share", "notes.txt", "file", "ok", null, 10L, java.sql.Timestamp.from(t)));
        write(layout.findingsTable(), "run_id string not null, source string not null, asset string not null,"
                + " asset_kind string not null, type string not null, category string not null, count bigint not null,"
                + " confidence double, sample string, explanation string, detector string",
                org.apache.spark.sql.RowFactory.create("r0", "share", "notes.txt", "file", "EMAIL_ADDRESS",
                        "user.contact.email", 1L, 0.9, null, null, "email"));
        write(layout.runsTable(), "run_id string not null, started_at timestamp not null, finished_at timestamp,"
                + " status string not null, sources array<string>, items_listed bigint, assets bigint, findings bigint,"
                + " errors bigint, scanner_version string",
                org.apache.spark.sql.RowFactory.create("r0", java.sql.Timestamp.from(t), java.sql.Timestamp.from(t.plusSeconds(5)),
                        "committed", List.of("db", "share"), 1L, 1L, 1L, 0L, "0.9"));
    }

    private void write(String table, String ddl, Row row) {
        org.apache.spark.sql.types.StructType schema = org.apache.spark.sql.types.StructType.fromDDL(ddl);
        spark.createDataFrame(List.of(row), schema).write().format("delta").partitionBy("run_id").save(table);
    }
}

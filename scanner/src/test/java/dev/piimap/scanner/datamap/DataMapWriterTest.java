package dev.piimap.scanner.datamap;

import dev.piimap.classifiers.EntityType;
import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.DatedRows;
import dev.piimap.scanner.source.SubjectEntry;
import dev.piimap.scanner.source.ItemStatus;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

class DataMapWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2026-11-01T08:30:15.123Z");

    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
    private final JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

    @TempDir
    Path dir;

    @Test
    void readersSeeTheRunCommittedLast() {
        commit("run-1", 0, outcome("db", "app.users.email"), finding("db", "app.users.email", 3));
        commit("run-2", 60, outcome("files", "a.txt"), finding("files", "a.txt", 5));

        DataMapReader reader = DataMapReader.open(spark, map());

        assertThat(reader.committedRuns()).extracting(RunRecord::runId).containsExactly("run-1", "run-2");
        assertThat(reader.latestCommittedRunId()).contains("run-2");
        assertThat(assets(reader, "run-2")).containsExactly("files|a.txt|ok");
        assertThat(assets(reader, "run-1")).containsExactly("db|app.users.email|ok");
        assertThat(reader.findings("run-1").first().<Long>getAs("count")).isEqualTo(3L);
    }

    @Test
    void recommittingARunIdReplacesItsRows() {
        commit("run-1", 0, outcome("db", "t.a"), finding("db", "t.a", 1), finding("db", "t.b", 1));
        commit("run-1", 30, outcome("db", "t.c"), finding("db", "t.c", 7));

        DataMapReader reader = DataMapReader.open(spark, map());

        assertThat(reader.committedRuns()).hasSize(1);
        assertThat(reader.requireLatestCommittedRun().finishedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(assets(reader, "run-1")).containsExactly("db|t.c|ok");
        assertThat(reader.findings("run-1").collectAsList()).singleElement()
                .satisfies(row -> assertThat(Rows.string(row, "asset")).isEqualTo("t.c"));
        assertThat(spark.read().format("delta").load(DataMapLayout.at(map()).runsTable()).count()).isEqualTo(1);
    }

    @Test
    void crashBeforeTheRunRowLeavesThePreviousRunVisible() {
        commit("run-1", 0, outcome("db", "t.a"), finding("db", "t.a", 1));
        DataMapLayout layout = DataMapLayout.at(map());

        DataMapWriter.hidePreviousCommit(spark, layout, "run-2");
        DataMapWriter.writeRunData(layout, "run-2",
                conform("assets", assetsFrame(outcome("db", "t.z")), DataMapLayout.ASSETS_SCHEMA, "run-2"),
                conform("findings", findingsFrame(finding("db", "t.z", 9)), DataMapLayout.FINDINGS_SCHEMA, "run-2"));

        DataMapReader reader = DataMapReader.open(spark, map());
        assertThat(reader.latestCommittedRunId()).contains("run-1");
        assertThat(assets(reader, "run-1")).containsExactly("db|t.a|ok");
        assertThatThrownBy(() -> reader.findings("run-2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crashWhileRecommittingHidesThatRunInsteadOfMixingRows() {
        commit("run-1", 0, outcome("db", "t.a"), finding("db", "t.a", 1));
        commit("run-2", 60, outcome("db", "t.b"), finding("db", "t.b", 1));
        DataMapLayout layout = DataMapLayout.at(map());

        DataMapWriter.hidePreviousCommit(spark, layout, "run-2");
        DataMapWriter.writeRunData(layout, "run-2",
                conform("assets", assetsFrame(outcome("db", "t.new")), DataMapLayout.ASSETS_SCHEMA, "run-2"),
                conform("findings", findingsFrame(), DataMapLayout.FINDINGS_SCHEMA, "run-2"));

        DataMapReader reader = DataMapReader.open(spark, map());
        assertThat(reader.latestCommittedRunId()).contains("run-1");

        commit("run-2", 120, outcome("db", "t.new"));
        assertThat(DataMapReader.open(spark, map()).latestCommittedRunId()).contains("run-2");
    }

    @Test
    void aTableWriteThatFailsDuringTheConcurrentCommitLeavesThePreviousRunVisible() {
        commit("run-1", 0, outcome("db", "t.a"), finding("db", "t.a", 1));
        // The findings frame fails when Spark evaluates it, while the other tables' writes run beside it.
        Dataset<Row> failingFindings = findingsFrame(finding("db", "t.b", 2))
                .withColumn("count", org.apache.spark.sql.functions.raise_error(
                        org.apache.spark.sql.functions.lit("injected write failure")).cast("long"));

        assertThatThrownBy(() -> DataMapWriter.commit(spark, map(), run("run-2", 60), assetsFrame(outcome("db", "t.b")),
                failingFindings)).hasMessageContaining("injected write failure");

        DataMapReader reader = DataMapReader.open(spark, map());
        assertThat(reader.committedRuns()).extracting(RunRecord::runId).containsExactly("run-1");
        assertThat(assets(reader, "run-1")).containsExactly("db|t.a|ok");
        // Retrying the run id commits it whole.
        commit("run-2", 90, outcome("db", "t.b"), finding("db", "t.b", 2));
        assertThat(DataMapReader.open(spark, map()).committedRuns()).extracting(RunRecord::runId)
                .containsExactly("run-1", "run-2");
    }

    @Test
    void convertsScanRecordsToTheLayout() {
        AssetOutcome failed = new AssetOutcome("files", "a.zip!/b.pdf", "embedded", ItemStatus.ERROR,
                "TikaException/parse-failed", 4096L, MODIFIED.toEpochMilli());
        commit("run-1", 0, failed, new AssetFinding("files", "a.zip!/b.pdf", "embedded", EntityType.IBAN, 2, 0.88,
                "DE89 **** 3000", "2 matches, mod-97 valid", "iban"));

        DataMapReader reader = DataMapReader.open(spark, map());

        Row asset = reader.assets("run-1").first();
        assertThat(Rows.string(asset, "status")).isEqualTo("error");
        assertThat(Rows.string(asset, "detail")).isEqualTo("TikaException/parse-failed");
        assertThat(Rows.longOrNull(asset, "bytes")).isEqualTo(4096L);
        assertThat(Rows.instant(asset, "modified")).isEqualTo(MODIFIED);
        Row finding = reader.findings("run-1").first();
        assertThat(Rows.string(finding, "type")).isEqualTo("IBAN");
        assertThat(Rows.string(finding, "category")).isEqualTo(EntityType.IBAN.category());
        assertThat(Rows.doubleOrNull(finding, "confidence")).isEqualTo(0.88);
        assertThat(Rows.string(finding, "detector")).isEqualTo("iban");
        assertThat(reader.requireLatestCommittedRun().sources()).containsExactly("db", "files");
    }

    @Test
    void writesTheSubjectIndexAndRowDatesWithTheRun() {
        String fingerprint = "ab".repeat(32);
        var subjects = DataMapWriter.subjectsFrame(spark, jsc.parallelizePairs(List.of(new scala.Tuple2<>("accounts",
                new SubjectEntry("db", "app.accounts.email", "column", EntityType.EMAIL_ADDRESS, fingerprint, 2,
                        List.of("id=7", "id=9")))), 1));
        var dates = DataMapWriter.datesFrame(spark, jsc.parallelizePairs(List.of(new scala.Tuple2<>("accounts",
                new DatedRows("db", "app.accounts", "created_at", java.time.LocalDate.parse("2024-02-29").toEpochDay(),
                        40, true))), 1));

        DataMapWriter.commit(spark, map(), run("run-1", 0), assetsFrame(outcome("db", "app.accounts.email")),
                findingsFrame(), null, subjects, dates);

        DataMapReader reader = DataMapReader.open(spark, map());
        RunRecord committed = reader.requireCommitted("run-1");
        Row subject = reader.subjects(committed).first();
        assertThat(Rows.string(subject, "fingerprint")).isEqualTo(fingerprint);
        assertThat(Rows.string(subject, "type")).isEqualTo("EMAIL_ADDRESS");
        assertThat(Rows.longOrZero(subject, "count")).isEqualTo(2);
        assertThat(subject.getList(subject.fieldIndex("keys"))).containsExactly("id=7", "id=9");
        assertThat(Rows.string(subject, DataMapLayout.ITEM)).isEqualTo("accounts");
        Row dated = reader.dates(committed).first();
        assertThat(dated.getDate(dated.fieldIndex("day")).toLocalDate()).isEqualTo(java.time.LocalDate.parse("2024-02-29"));
        assertThat(Rows.longOrZero(dated, "rows")).isEqualTo(40);
        assertThat(dated.getBoolean(dated.fieldIndex("estimated"))).isTrue();

        // A later run without index entries replaces nothing of run-1 and has none of its own.
        commit("run-2", 10, outcome("db", "app.accounts.email"));
        assertThat(reader.subjects(reader.requireCommitted("run-2")).count()).isZero();
        assertThat(reader.subjects(committed).count()).isEqualTo(1);
    }

    @Test
    void rejectsFramesThatDoNotMatchTheLayout() {
        Dataset<Row> extra = assetsFrame(outcome("db", "t.a")).withColumn("raw_value", col("asset"));
        Dataset<Row> missing = assetsFrame(outcome("db", "t.a")).drop("bytes");

        assertThatThrownBy(() -> DataMapWriter.commit(spark, map(), run("run-1", 0), extra, findingsFrame()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the assets frame has columns the data map does not: [raw_value]");
        assertThatThrownBy(() -> DataMapWriter.commit(spark, map(), run("run-1", 0), missing, findingsFrame()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the assets frame lacks column 'bytes'");
        assertThat(DataMapReader.exists(spark, DataMapLayout.at(map()))).isFalse();
    }

    @Test
    void commitsOnlyRunsMarkedCommitted() {
        RunRecord incomplete = run("run-1", 0).withStatus(DataMapLayout.STATUS_INCOMPLETE);

        assertThatThrownBy(() -> DataMapWriter.commit(spark, map(), incomplete, assetsFrame(), findingsFrame()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run run-1 has status incomplete");
        assertThat(DataMapReader.exists(spark, DataMapLayout.at(map()))).isFalse();
    }

    @Test
    void rejectsRunIdsThatAreUnsafeInAPredicate() {
        assertThatThrownBy(() -> run("x' OR '1'='1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id 'x' OR '1'='1' is not valid");
    }

    @Test
    void upgradesTablesWrittenBeforeTheItemColumnsAndTheItemsTable() {
        String assetsTable = DataMapLayout.at(map()).assetsTable();
        StructType oldAssets = new StructType(java.util.Arrays.stream(DataMapLayout.ASSETS_SCHEMA.fields())
                .filter(f -> !f.name().equals(DataMapLayout.ITEM) && !f.name().equals("links"))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
        spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("run-0", "db", "t.old", "column", "ok",
                null, null, null)), oldAssets).write().format("delta").partitionBy(DataMapLayout.RUN_ID).save(assetsTable);

        commit("run-1", 0, outcome("db", "t.a"), finding("db", "t.a", 2));

        assertThat(spark.read().format("delta").load(assetsTable).columns()).contains(DataMapLayout.ITEM);
        Row old = spark.read().format("delta").load(assetsTable).filter(col("run_id").equalTo("run-0")).first();
        assertThat(Rows.string(old, DataMapLayout.ITEM)).isNull();
        assertThat(DataMapReader.open(spark, map()).items(DataMapReader.open(spark, map()).requireCommitted("run-1"))
                .count()).isZero();
    }

    @Test
    void carriedRowsKeepEveryLayoutColumnAndFillThoseTheyPredate() {
        Dataset<Row> earlier = assetsFrame(outcome("db", "t.a")).drop(DataMapLayout.ITEM)
                .withColumn(DataMapLayout.RUN_ID, org.apache.spark.sql.functions.lit("run-0"));

        Dataset<Row> carried = DataMapWriter.carriedRows(earlier, DataMapLayout.ASSETS_SCHEMA);

        assertThat(carried.columns()).containsExactly(java.util.Arrays.stream(DataMapLayout.ASSETS_SCHEMA.fieldNames())
                .filter(n -> !n.equals(DataMapLayout.RUN_ID)).toArray(String[]::new));
        assertThat(Rows.string(carried.first(), DataMapLayout.ITEM)).isNull();
        assertThat(Rows.string(carried.first(), "asset")).isEqualTo("t.a");
    }

    private void commit(String runId, long finishedAfterSeconds, AssetOutcome outcome, AssetFinding... findings) {
        DataMapWriter.commit(spark, map(), run(runId, finishedAfterSeconds), assetsFrame(outcome),
                findingsFrame(findings));
    }

    private static RunRecord run(String runId, long finishedAfterSeconds) {
        return RunRecord.committed(runId, T0.minusSeconds(100), T0.plusSeconds(finishedAfterSeconds),
                List.of("db", "files"), 1, 1, 1, 0, "test");
    }

    private Dataset<Row> assetsFrame(AssetOutcome... outcomes) {
        return DataMapWriter.assetsFrame(spark, jsc.parallelize(List.of(outcomes), 1));
    }

    private Dataset<Row> findingsFrame(AssetFinding... findings) {
        return DataMapWriter.findingsFrame(spark, jsc.parallelize(List.of(findings), 1));
    }

    private static Dataset<Row> conform(String what, Dataset<Row> frame, StructType schema, String runId) {
        return DataMapWriter.conform(what, frame, schema, runId);
    }

    private static AssetOutcome outcome(String source, String asset) {
        return new AssetOutcome(source, asset, "column", ItemStatus.OK, null, null, null);
    }

    private static AssetFinding finding(String source, String asset, long count) {
        return new AssetFinding(source, asset, "column", EntityType.EMAIL_ADDRESS, count, 0.95, "a***", "test",
                "email");
    }

    private static List<String> assets(DataMapReader reader, String runId) {
        return reader.assets(runId).orderBy("source", "asset").collectAsList().stream()
                .map(row -> Rows.string(row, "source") + "|" + Rows.string(row, "asset") + "|"
                        + Rows.string(row, "status"))
                .toList();
    }

    private String map() {
        return dir.resolve("datamap").toString();
    }
}

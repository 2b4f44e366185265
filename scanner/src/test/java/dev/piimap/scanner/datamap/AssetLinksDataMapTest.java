package dev.piimap.scanner.datamap;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.export.Exporter;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemStatus;
import io.delta.tables.DeltaTable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code links} column of {@code assets}: written from asset outcomes, exported as an object on the
 * assets that have links, and added to a data map written before the column existed on its next commit.
 */
class AssetLinksDataMapTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    /** {@code assets} as the first release wrote it: without {@code links}. */
    private static final StructType OLD_ASSETS_SCHEMA = new StructType(Arrays.stream(DataMapLayout.ASSETS_SCHEMA.fields())
            .filter(f -> !f.name().equals("links") && !f.name().equals(DataMapLayout.ITEM)).toArray(StructField[]::new));

    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
    private final JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

    @TempDir
    Path dir;

    @Test
    void aDataMapWithoutTheLinksColumnAcceptsARunWithLinksAndKeepsItsOldRuns() throws Exception {
        String map = dir.resolve("old-map").toString();
        writeOldDataMap(map);
        StringWriter before = new StringWriter();
        new Exporter(DataMapReader.open(spark, map)).writeJsonLines(Exporter.What.ASSETS, before);
        assertThat(before.toString()).contains("\"asset\":\"a.txt\"").doesNotContain("links");

        commit(map, "run-new", new AssetOutcome("desk", "tickets/7/invoice.pdf", "attachment", ItemStatus.OK, null, 10L, null,
                Map.of("ticket", "7", "requester", "f".repeat(64))), new AssetOutcome("files", "b.txt", "file", ItemStatus.OK,
                null, 5L, null));

        DataMapReader reader = DataMapReader.open(spark, map);
        assertThat(spark.read().format("delta").load(DataMapLayout.at(map).assetsTable()).columns()).contains("links");
        Row old = reader.assets("run-old").collectAsList().get(0);
        assertThat(old.isNullAt(old.fieldIndex("links"))).isTrue();
        StringWriter after = new StringWriter();
        new Exporter(reader).writeJsonLines(Exporter.What.ASSETS, "run-new", after);
        assertThat(after.toString().lines().toList()).containsExactly(
                "{\"run_id\":\"run-new\",\"source\":\"desk\",\"asset\":\"tickets/7/invoice.pdf\",\"asset_kind\":\"attachment\","
                        + "\"status\":\"ok\",\"detail\":null,\"bytes\":10,\"modified\":null,"
                        + "\"links\":{\"requester\":\"" + "f".repeat(64) + "\",\"ticket\":\"7\"}}",
                "{\"run_id\":\"run-new\",\"source\":\"files\",\"asset\":\"b.txt\",\"asset_kind\":\"file\","
                        + "\"status\":\"ok\",\"detail\":null,\"bytes\":5,\"modified\":null}");
        StringWriter oldRun = new StringWriter();
        new Exporter(reader).writeJsonLines(Exporter.What.ASSETS, "run-old", oldRun);
        assertThat(oldRun.toString()).contains("\"asset\":\"a.txt\"").doesNotContain("links");
    }

    @Test
    void aNewDataMapHasTheLinksColumnFromItsFirstRun() {
        String map = dir.resolve("new-map").toString();

        commit(map, "run-1", new AssetOutcome("desk", "tickets/1", "ticket", ItemStatus.OK, null, 3L, null,
                Map.of("ticket", "1")));

        Row row = DataMapReader.open(spark, map).assets("run-1").collectAsList().get(0);
        assertThat(row.<String, String>getJavaMap(row.fieldIndex("links"))).isEqualTo(Map.of("ticket", "1"));
    }

    private void commit(String map, String runId, AssetOutcome... outcomes) {
        DataMapWriter.commit(spark, map, RunRecord.committed(runId, T0, T0.plusSeconds(5), List.of("desk"), 1,
                        outcomes.length, 0, 0, "test"),
                DataMapWriter.assetsFrame(spark, jsc.parallelize(List.of(outcomes), 1)),
                DataMapWriter.findingsFrame(spark, jsc.parallelize(List.<AssetFinding>of(), 1)));
    }

    /** The three tables as an older release created them, with one committed run. */
    private void writeOldDataMap(String map) {
        DataMapLayout layout = DataMapLayout.at(map);
        create(layout.assetsTable(), OLD_ASSETS_SCHEMA);
        create(layout.findingsTable(), DataMapLayout.FINDINGS_SCHEMA);
        create(layout.runsTable(), DataMapLayout.RUNS_SCHEMA);
        spark.createDataFrame(List.of(RowFactory.create("run-old", "files", "a.txt", "file", "ok", null, 4L, null)),
                OLD_ASSETS_SCHEMA).write().format("delta").mode(SaveMode.Append).save(layout.assetsTable());
        spark.createDataFrame(List.of(RunRecord.committed("run-old", T0.minusSeconds(60), T0.minusSeconds(50),
                List.of("files"), 1, 1, 0, 0, "old").toRow()), DataMapLayout.RUNS_SCHEMA)
                .write().format("delta").mode(SaveMode.Append).save(layout.runsTable());
    }

    private void create(String table, StructType schema) {
        DeltaTable.createIfNotExists(spark).location(table).addColumns(schema).partitionedBy(DataMapLayout.RUN_ID).execute();
    }
}

package dev.piimap.scanner.datamap;

import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import io.delta.tables.DeltaTable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_millis;

/**
 * Commits one run to the data map (see {@link DataMapLayout}): all of it becomes visible to readers
 * at once, or none of it.
 *
 * <p>How: Delta commits each table atomically, and readers only see runs whose {@code runs} row has
 * status {@value DataMapLayout#STATUS_COMMITTED}. So a commit (1) hides an earlier commit of the same
 * run id, if any, by setting its row to {@value DataMapLayout#STATUS_INCOMPLETE}; (2) replaces the
 * run's rows in {@code assets}, then in {@code findings} ({@code replaceWhere run_id = '<id>'}, so a
 * re-run replaces rather than duplicates); (3) writes the run row last. A crash before (3) leaves
 * readers on the previous committed runs; retrying the same run id completes it. Tables are created
 * on first use.
 *
 * <p>Two writers must not commit the same run id at once. Different run ids touch different
 * {@code run_id} partitions, so once the tables exist they do not conflict.
 */
public final class DataMapWriter {
    private static final StructType ASSET_ROWS = new StructType(new StructField[] {
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("asset", DataTypes.StringType, false),
        DataTypes.createStructField("asset_kind", DataTypes.StringType, false),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("detail", DataTypes.StringType, true),
        DataTypes.createStructField("bytes", DataTypes.LongType, true),
        DataTypes.createStructField("modified_millis", DataTypes.LongType, true),
        DataTypes.createStructField("links", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), true),
    });

    private DataMapWriter() {
    }

    /**
     * Commits {@code run} with its assets and findings. Each frame needs the columns of its table's
     * schema ({@link DataMapLayout#ASSETS_SCHEMA}, {@link DataMapLayout#FINDINGS_SCHEMA}), in any
     * order, with {@code run_id} optional: the writer sets it to the run's id. Values are cast to the
     * schema's types. Each frame is evaluated once: persist their common parent if it is costly.
     *
     * @param datamapUri a path or a {@code file:} / {@code s3a:} URI
     * @param run        the run row, with status {@value DataMapLayout#STATUS_COMMITTED} (see
     *                   {@link RunRecord#committed})
     * @throws IllegalArgumentException when the run is not marked committed, or a frame lacks a column
     *                                  or has one the table does not; nothing is written then
     */
    public static void commit(SparkSession spark, String datamapUri, RunRecord run, Dataset<Row> assets,
                              Dataset<Row> findings) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(run, "run");
        if (!run.isCommitted()) {
            throw new IllegalArgumentException("run " + run.runId() + " has status " + run.status()
                    + ": commit writes runs with status " + DataMapLayout.STATUS_COMMITTED
                    + " (use RunRecord.committed)");
        }
        DataMapLayout layout = DataMapLayout.at(datamapUri);
        Dataset<Row> assetRows = conform("assets", assets, DataMapLayout.ASSETS_SCHEMA, run.runId());
        Dataset<Row> findingRows = conform("findings", findings, DataMapLayout.FINDINGS_SCHEMA, run.runId());
        ensureTables(spark, layout);
        hidePreviousCommit(spark, layout, run.runId());
        writeRunData(layout, run.runId(), assetRows, findingRows);
        writeRunRow(spark, layout, run);
    }

    /** The frame {@link #commit} takes as assets, from the outcomes a scan produced. */
    public static Dataset<Row> assetsFrame(SparkSession spark, JavaRDD<AssetOutcome> outcomes) {
        JavaRDD<Row> rows = outcomes.map(outcome -> RowFactory.create(outcome.source(), outcome.asset(),
                outcome.assetKind(), outcome.status().wireName(), outcome.detail(), outcome.bytes(),
                outcome.modifiedMillis(), outcome.links() == null ? null : CollectionConverters.asScala(outcome.links())));
        return spark.createDataFrame(rows, ASSET_ROWS)
                .withColumn("modified", timestamp_millis(col("modified_millis")))
                .drop("modified_millis");
    }

    /** The frame {@link #commit} takes as findings, from the findings a scan produced. */
    public static Dataset<Row> findingsFrame(SparkSession spark, JavaRDD<AssetFinding> findings) {
        JavaRDD<Row> rows = findings.map(finding -> RowFactory.create(finding.source(), finding.asset(),
                finding.assetKind(), finding.type().name(), finding.category(), finding.count(),
                finding.confidence(), finding.sample(), finding.explanation(), finding.detector()));
        return spark.createDataFrame(rows, withoutRunId(DataMapLayout.FINDINGS_SCHEMA));
    }

    /** Creates the three tables where they do not exist yet (a no-op afterwards). */
    static void ensureTables(SparkSession spark, DataMapLayout layout) {
        create(spark, layout.assetsTable(), DataMapLayout.ASSETS_SCHEMA, DataMapLayout.RUN_ID);
        create(spark, layout.findingsTable(), DataMapLayout.FINDINGS_SCHEMA, DataMapLayout.RUN_ID);
        create(spark, layout.runsTable(), DataMapLayout.RUNS_SCHEMA, DataMapLayout.RUN_ID);
    }

    /** Step 1: an earlier commit of this run id stops being visible before its rows are replaced. */
    static void hidePreviousCommit(SparkSession spark, DataMapLayout layout, String runId) {
        List<Row> earlier = spark.read().format("delta").load(layout.runsTable())
                .filter(col(DataMapLayout.RUN_ID).equalTo(runId)
                        .and(col(DataMapLayout.STATUS).equalTo(DataMapLayout.STATUS_COMMITTED)))
                .collectAsList();
        if (!earlier.isEmpty()) {
            writeRunRow(spark, layout, RunRecord.fromRow(earlier.get(0)).withStatus(DataMapLayout.STATUS_INCOMPLETE));
        }
    }

    /** Step 2: replaces the run's assets and findings (each one atomic Delta commit). */
    static void writeRunData(DataMapLayout layout, String runId, Dataset<Row> assets, Dataset<Row> findings) {
        replaceRun(assets, layout.assetsTable(), runId);
        replaceRun(findings, layout.findingsTable(), runId);
    }

    /** Step 3, the commit point: the run row, replacing any earlier row of this run id. */
    static void writeRunRow(SparkSession spark, DataMapLayout layout, RunRecord run) {
        replaceRun(spark.createDataFrame(List.of(run.toRow()), DataMapLayout.RUNS_SCHEMA), layout.runsTable(),
                run.runId());
    }

    private static void replaceRun(Dataset<Row> rows, String table, String runId) {
        rows.write()
                .format("delta")
                .mode(SaveMode.Overwrite)
                .option("mergeSchema", "true") // a table from an older release gains newer nullable columns
                .option("replaceWhere", DataMapLayout.RUN_ID + " = '" + RunRecord.requireValidRunId(runId) + "'")
                .save(table);
    }

    private static void create(SparkSession spark, String table, StructType schema, String... partitionColumns) {
        if (!DeltaTable.isDeltaTable(spark, table)) {
            DeltaTable.createIfNotExists(spark)
                    .location(table)
                    .addColumns(schema)
                    .partitionedBy(partitionColumns)
                    .execute();
        }
    }

    /** Selects the table's columns in its order, cast to its types, with run_id set to the run's id. */
    static Dataset<Row> conform(String what, Dataset<Row> frame, StructType schema, String runId) {
        Objects.requireNonNull(frame, what);
        Set<String> expected = new TreeSet<>(Arrays.asList(schema.fieldNames()));
        Set<String> unexpected = new TreeSet<>(Arrays.asList(frame.columns()));
        unexpected.removeAll(expected);
        if (!unexpected.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " frame has columns the data map does not: "
                    + unexpected + " (expected " + expected + ")");
        }
        Set<String> present = new TreeSet<>(Arrays.asList(frame.columns()));
        List<Column> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (field.name().equals(DataMapLayout.RUN_ID)) {
                columns.add(lit(runId).as(DataMapLayout.RUN_ID));
            } else if (present.contains(field.name())) {
                columns.add(col(field.name()).cast(field.dataType()).as(field.name()));
            } else {
                throw new IllegalArgumentException("the " + what + " frame lacks column '" + field.name()
                        + "' (expected " + expected + ")");
            }
        }
        return frame.select(columns.toArray(Column[]::new));
    }

    private static StructType withoutRunId(StructType schema) {
        return new StructType(Arrays.stream(schema.fields())
                .filter(field -> !field.name().equals(DataMapLayout.RUN_ID))
                .toArray(StructField[]::new));
    }
}

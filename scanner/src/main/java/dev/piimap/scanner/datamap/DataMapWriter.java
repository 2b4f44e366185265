package dev.piimap.scanner.datamap;

import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.DatedRows;
import dev.piimap.scanner.source.SubjectEntry;
import io.delta.tables.DeltaTable;
import org.apache.spark.api.java.JavaPairRDD;
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
import scala.Tuple2;
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
 * run's rows in {@code assets}, {@code findings}, {@code items}, {@code subjects} and {@code dates}, one commit per
 * table, concurrently ({@code replaceWhere run_id = '<id>'}, so a re-run replaces rather than duplicates); (3) once all
 * five succeeded, writes the run row. A crash before (3) leaves
 * readers on the previous committed runs; retrying the same run id completes it. Tables are created
 * on first use; columns and tables a data map predates are added to it then ({@link #ensureTables}).
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
        DataTypes.createStructField(DataMapLayout.ITEM, DataTypes.StringType, true),
    });
    private static final StructType ITEM_ROWS = new StructType(new StructField[] {
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField(DataMapLayout.ITEM, DataTypes.StringType, false),
        DataTypes.createStructField("revision", DataTypes.StringType, true),
        DataTypes.createStructField(DataMapLayout.STATUS, DataTypes.StringType, false),
        DataTypes.createStructField("scanned_run_id", DataTypes.StringType, false),
        DataTypes.createStructField("bytes", DataTypes.LongType, true),
        DataTypes.createStructField("modified_millis", DataTypes.LongType, true),
        DataTypes.createStructField("scan_fingerprint", DataTypes.StringType, true),
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
        commit(spark, datamapUri, run, assets, findings, null);
    }

    /**
     * As {@link #commit(SparkSession, String, RunRecord, Dataset, Dataset)}, with the run's
     * {@code items} rows ({@link DataMapLayout#ITEMS_SCHEMA}, e.g. from {@link #itemsFrame}); null
     * writes none. Frames may read earlier runs of the same tables (rows carried forward): only the
     * run's own {@code run_id} partition is replaced.
     */
    public static void commit(SparkSession spark, String datamapUri, RunRecord run, Dataset<Row> assets,
                              Dataset<Row> findings, Dataset<Row> items) {
        commit(spark, datamapUri, run, assets, findings, items, null, null);
    }

    /**
     * As {@link #commit(SparkSession, String, RunRecord, Dataset, Dataset, Dataset)}, with the run's
     * subject index ({@link DataMapLayout#SUBJECTS_SCHEMA}, e.g. from {@link #subjectsFrame}) and row dates
     * ({@link DataMapLayout#DATES_SCHEMA}, from {@link #datesFrame}); null writes none (and removes any rows an
     * earlier attempt of the run id left). All six tables' rows
     * of the run become visible together, when the run row is written last.
     */
    public static void commit(SparkSession spark, String datamapUri, RunRecord run, Dataset<Row> assets,
                              Dataset<Row> findings, Dataset<Row> items, Dataset<Row> subjects, Dataset<Row> dates) {
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
        Dataset<Row> itemRows = items == null ? null : conform("items", items, DataMapLayout.ITEMS_SCHEMA, run.runId());
        // Sorted by fingerprint within each file, so a lookup of one fingerprint skips most files by their statistics.
        Dataset<Row> subjectRows = subjects == null ? null
                : conform("subjects", subjects, DataMapLayout.SUBJECTS_SCHEMA, run.runId()).sortWithinPartitions("fingerprint");
        Dataset<Row> dateRows = dates == null ? null : conform("dates", dates, DataMapLayout.DATES_SCHEMA, run.runId());
        ensureTables(spark, layout);
        hidePreviousCommit(spark, layout, run.runId());
        // The five tables are independent Delta logs: their commits overlap (most of a small commit is driver
        // round trips, not work), and the run row still comes only after every one of them succeeded.
        ParallelCommits.runAll(List.of(
                () -> replaceRun(assetRows, layout.assetsTable(), run.runId()),
                () -> replaceRun(findingRows, layout.findingsTable(), run.runId()),
                () -> replaceRunOrClear(spark, itemRows, layout.itemsTable(), DataMapLayout.ITEMS_SCHEMA, run.runId()),
                () -> replaceRunOrClear(spark, subjectRows, layout.subjectsTable(), DataMapLayout.SUBJECTS_SCHEMA, run.runId()),
                () -> replaceRunOrClear(spark, dateRows, layout.datesTable(), DataMapLayout.DATES_SCHEMA, run.runId())));
        writeRunRow(spark, layout, run);
    }

    /** The frame {@link #commit} takes as assets, from the outcomes a scan produced ({@code item} null). */
    public static Dataset<Row> assetsFrame(SparkSession spark, JavaRDD<AssetOutcome> outcomes) {
        return assetsFrame(spark, outcomes.mapToPair(outcome -> new Tuple2<>((String) null, outcome)));
    }

    /** The frame {@link #commit} takes as assets: each outcome with the locator of the item that produced it. */
    public static Dataset<Row> assetsFrame(SparkSession spark, JavaPairRDD<String, AssetOutcome> outcomesByItem) {
        JavaRDD<Row> rows = outcomesByItem.map(pair -> {
            dev.piimap.scanner.job.TaskFaults.check("assets");
            AssetOutcome outcome = pair._2();
            return RowFactory.create(outcome.source(), outcome.asset(), outcome.assetKind(),
                    outcome.status().wireName(), outcome.detail(), outcome.bytes(), outcome.modifiedMillis(),
                    outcome.links() == null ? null : CollectionConverters.asScala(outcome.links()), pair._1());
        });
        return spark.createDataFrame(rows, ASSET_ROWS)
                .withColumn("modified", timestamp_millis(col("modified_millis")))
                .drop("modified_millis");
    }

    /** The frame {@link #commit} takes as findings, from the findings a scan produced ({@code item} null). */
    public static Dataset<Row> findingsFrame(SparkSession spark, JavaRDD<AssetFinding> findings) {
        return findingsFrame(spark, findings.mapToPair(finding -> new Tuple2<>((String) null, finding)));
    }

    /** The frame {@link #commit} takes as findings: each with the locator of the item that produced it. */
    public static Dataset<Row> findingsFrame(SparkSession spark, JavaPairRDD<String, AssetFinding> findingsByItem) {
        JavaRDD<Row> rows = findingsByItem.map(pair -> {
            AssetFinding finding = pair._2();
            return RowFactory.create(finding.source(), finding.asset(), finding.assetKind(), finding.type().name(),
                    finding.category(), finding.count(), finding.confidence(), finding.sample(),
                    finding.explanation(), finding.detector(), pair._1());
        });
        return spark.createDataFrame(rows, withoutRunId(DataMapLayout.FINDINGS_SCHEMA));
    }

    /** The frame {@link #commit} takes as subjects: each index entry with the locator of the item that produced it. */
    public static Dataset<Row> subjectsFrame(SparkSession spark, JavaPairRDD<String, SubjectEntry> entriesByItem) {
        JavaRDD<Row> rows = entriesByItem.map(pair -> {
            SubjectEntry e = pair._2();
            return RowFactory.create(e.source(), e.asset(), e.assetKind(), e.type().name(), e.fingerprint(), e.count(),
                    CollectionConverters.asScala(e.keys()).toSeq(), pair._1());
        });
        return spark.createDataFrame(rows, withoutRunId(DataMapLayout.SUBJECTS_SCHEMA));
    }

    /** The frame {@link #commit} takes as dates: each dated-rows entry with the locator of the item that produced it. */
    public static Dataset<Row> datesFrame(SparkSession spark, JavaPairRDD<String, DatedRows> datesByItem) {
        JavaRDD<Row> rows = datesByItem.map(pair -> {
            DatedRows d = pair._2();
            return RowFactory.create(d.source(), d.asset(), d.column(), java.time.LocalDate.ofEpochDay(d.epochDay()),
                    d.rows(), d.estimated(), pair._1());
        });
        return spark.createDataFrame(rows, withoutRunId(DataMapLayout.DATES_SCHEMA));
    }

    /** The frame {@link #commit} takes as items. */
    public static Dataset<Row> itemsFrame(SparkSession spark, JavaRDD<ItemRow> items) {
        JavaRDD<Row> rows = items.map(i -> RowFactory.create(i.source(), i.item(), i.revision(), i.status(),
                i.scannedRunId(), i.bytes(), i.modifiedMillis(), i.scanFingerprint()));
        return spark.createDataFrame(rows, ITEM_ROWS)
                .withColumn("modified", timestamp_millis(col("modified_millis")))
                .drop("modified_millis");
    }

    /**
     * Rows of an earlier run of {@code table} in the columns {@link #commit} expects for it: every
     * column of {@code schema} but {@code run_id}, null where the earlier rows predate a column. So
     * rows carried forward keep every column, including ones added to the layout later.
     */
    public static Dataset<Row> carriedRows(Dataset<Row> earlier, StructType schema) {
        Set<String> present = new TreeSet<>(Arrays.asList(earlier.columns()));
        List<Column> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (field.name().equals(DataMapLayout.RUN_ID)) {
                continue;
            }
            columns.add(present.contains(field.name()) ? col(field.name())
                    : lit(null).cast(field.dataType()).as(field.name()));
        }
        return earlier.select(columns.toArray(Column[]::new));
    }

    /**
     * Creates the tables that do not exist yet, and adds to existing ones the columns of the layout
     * they lack (a data map written by an earlier version: added columns are nullable, earlier rows
     * read them as null). A no-op once the data map is current.
     */
    static void ensureTables(SparkSession spark, DataMapLayout layout) {
        ParallelCommits.runAll(List.of(
                () -> ensure(spark, layout.assetsTable(), DataMapLayout.ASSETS_SCHEMA),
                () -> ensure(spark, layout.findingsTable(), DataMapLayout.FINDINGS_SCHEMA),
                () -> ensure(spark, layout.itemsTable(), DataMapLayout.ITEMS_SCHEMA),
                () -> ensure(spark, layout.subjectsTable(), DataMapLayout.SUBJECTS_SCHEMA),
                () -> ensure(spark, layout.datesTable(), DataMapLayout.DATES_SCHEMA),
                () -> ensure(spark, layout.runsTable(), DataMapLayout.RUNS_SCHEMA)));
    }

    private static void ensure(SparkSession spark, String table, StructType schema) {
        if (!DeltaTable.isDeltaTable(spark, table)) {
            create(spark, table, schema, DataMapLayout.RUN_ID);
            return;
        }
        StructType current = DeltaTable.forPath(spark, table).toDF().schema();
        Set<String> have = new TreeSet<>(Arrays.asList(current.fieldNames()));
        List<StructField> fields = new ArrayList<>(Arrays.asList(current.fields()));
        for (StructField field : schema.fields()) {
            if (!have.contains(field.name())) {
                fields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
            }
        }
        if (fields.size() > current.fields().length) {
            // An empty append with mergeSchema is a metadata-only Delta commit that adds the columns.
            spark.createDataFrame(List.of(), new StructType(fields.toArray(StructField[]::new)))
                    .write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true").save(table);
        }
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

    /**
     * Replaces the run's rows of {@code table} with {@code rows}; with no rows (null), only removes rows an earlier
     * attempt of this run id left there, and skips the Delta commit when there are none (the common case: a run
     * without a subject index or row dates then costs no extra commits).
     */
    private static void replaceRunOrClear(SparkSession spark, Dataset<Row> rows, String table, StructType schema, String runId) {
        if (rows != null) {
            replaceRun(rows, table, runId);
            return;
        }
        boolean earlierRows = !spark.read().format("delta").load(table)
                .filter(col(DataMapLayout.RUN_ID).equalTo(RunRecord.requireValidRunId(runId))).isEmpty();
        if (earlierRows) {
            replaceRun(spark.createDataFrame(List.of(), schema), table, runId);
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

package dev.piimap.reports.datamap;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * Reads the data map; never writes it. Only committed runs are visible: a run whose writer crashed
 * before its run row (or while re-writing an existing run id) is invisible here, so readers see the
 * data map as it was before that run or complete with it.
 *
 * <p>Each call reads the tables' latest Delta snapshot. Datasets are lazy: nothing is read until an
 * action runs on them.
 */
public final class DataMapReader {
    private final SparkSession spark;
    private final DataMapLayout layout;

    private DataMapReader(SparkSession spark, DataMapLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    /**
     * Opens the data map at {@code datamapUri} (a path or a {@code file:} / {@code s3a:} URI).
     *
     * @throws DataMapNotFoundException when there is no data map there ("no data map at X: run
     *                                  `bin/scan run` first")
     */
    public static DataMapReader open(SparkSession spark, String datamapUri) {
        Objects.requireNonNull(spark, "spark");
        DataMapLayout layout = DataMapLayout.at(datamapUri);
        if (!exists(spark, layout)) {
            throw DataMapNotFoundException.noDataMap(layout.root());
        }
        return new DataMapReader(spark, layout);
    }

    /** True when a data map (its runs table) exists at the layout's location. */
    public static boolean exists(SparkSession spark, DataMapLayout layout) {
        return DeltaTable.isDeltaTable(spark, layout.runsTable());
    }

    public DataMapLayout layout() {
        return layout;
    }

    /** Committed runs, oldest first (by finish time, then start time, then run id). */
    public List<RunRecord> committedRuns() {
        return runsTable()
                .filter(col(DataMapLayout.STATUS).equalTo(DataMapLayout.STATUS_COMMITTED))
                .orderBy(col("finished_at").asc_nulls_first(), col("started_at").asc(), col(DataMapLayout.RUN_ID).asc())
                .collectAsList()
                .stream()
                .map(RunRecord::fromRow)
                .toList();
    }

    /** The {@code runs} rows of committed runs ({@link DataMapLayout#RUNS_SCHEMA}), oldest first as in {@link #committedRuns}. */
    public Dataset<Row> committedRunRows() {
        return runsTable()
                .filter(col(DataMapLayout.STATUS).equalTo(DataMapLayout.STATUS_COMMITTED))
                .orderBy(col("finished_at").asc_nulls_first(), col("started_at").asc(), col(DataMapLayout.RUN_ID).asc());
    }

    /** The run that committed last, if any. */
    public Optional<RunRecord> latestCommittedRun() {
        List<RunRecord> runs = committedRuns();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** The id of the run that committed last, if any. */
    public Optional<String> latestCommittedRunId() {
        return latestCommittedRun().map(RunRecord::runId);
    }

    /**
     * The run that committed last.
     *
     * @throws DataMapNotFoundException when no run has committed yet
     */
    public RunRecord requireLatestCommittedRun() {
        return latestCommittedRun().orElseThrow(() -> DataMapNotFoundException.noCommittedRun(layout.root()));
    }

    /** The committed run with this id, if there is one. */
    public Optional<RunRecord> committedRun(String runId) {
        RunRecord.requireValidRunId(runId);
        return runsTable()
                .filter(col(DataMapLayout.RUN_ID).equalTo(runId)
                        .and(col(DataMapLayout.STATUS).equalTo(DataMapLayout.STATUS_COMMITTED)))
                .collectAsList()
                .stream()
                .map(RunRecord::fromRow)
                .findFirst();
    }

    /**
     * The {@code assets} rows of a committed run ({@link DataMapLayout#ASSETS_SCHEMA}), unordered.
     *
     * @throws IllegalArgumentException when the run id is invalid or has not committed
     */
    public Dataset<Row> assets(String runId) {
        return assets(requireCommitted(runId));
    }

    /** The {@code assets} rows of a run this reader returned as committed. */
    public Dataset<Row> assets(RunRecord committedRun) {
        return rowsOf(layout.assetsTable(), committedRun);
    }

    /**
     * The {@code findings} rows of a committed run ({@link DataMapLayout#FINDINGS_SCHEMA}), unordered.
     *
     * @throws IllegalArgumentException when the run id is invalid or has not committed
     */
    public Dataset<Row> findings(String runId) {
        return findings(requireCommitted(runId));
    }

    /** The {@code findings} rows of a run this reader returned as committed. */
    public Dataset<Row> findings(RunRecord committedRun) {
        return rowsOf(layout.findingsTable(), committedRun);
    }

    /**
     * The {@code findings} rows of several runs this reader returned as committed, unordered, in one read
     * (for trends across runs).
     */
    public Dataset<Row> findings(java.util.Collection<RunRecord> committedRuns) {
        committedRuns.forEach(DataMapReader::requireCommittedRecord);
        Object[] ids = committedRuns.stream().map(RunRecord::runId).distinct().toArray();
        return spark.read().format("delta").load(layout.findingsTable()).filter(col(DataMapLayout.RUN_ID).isin(ids));
    }

    /** The {@code assets} rows of several runs this reader returned as committed, unordered, in one read. */
    public Dataset<Row> assets(java.util.Collection<RunRecord> committedRuns) {
        committedRuns.forEach(DataMapReader::requireCommittedRecord);
        Object[] ids = committedRuns.stream().map(RunRecord::runId).distinct().toArray();
        return spark.read().format("delta").load(layout.assetsTable()).filter(col(DataMapLayout.RUN_ID).isin(ids));
    }

    /**
     * The {@code items} rows of a run this reader returned as committed ({@link DataMapLayout#ITEMS_SCHEMA}),
     * unordered; empty for a data map written before the items table existed.
     */
    public Dataset<Row> items(RunRecord committedRun) {
        return rowsOrEmpty(layout.itemsTable(), DataMapLayout.ITEMS_SCHEMA, committedRun);
    }

    /** A table added to the layout after the first release: data maps that predate it read as empty. */
    private Dataset<Row> rowsOrEmpty(String table, StructType schema, RunRecord run) {
        if (!DeltaTable.isDeltaTable(spark, table)) {
            requireCommittedRecord(run);
            return spark.createDataFrame(List.of(), schema);
        }
        return rowsOf(table, run);
    }

    /**
     * The {@code subjects} rows (the subject index, {@link DataMapLayout#SUBJECTS_SCHEMA}) of a run this reader
     * returned as committed, unordered; empty for a data map written before the table existed.
     */
    public Dataset<Row> subjects(RunRecord committedRun) {
        return rowsOrEmpty(layout.subjectsTable(), DataMapLayout.SUBJECTS_SCHEMA, committedRun);
    }

    /**
     * The {@code dates} rows ({@link DataMapLayout#DATES_SCHEMA}) of a run this reader returned as committed,
     * unordered; empty for a data map written before the table existed.
     */
    public Dataset<Row> dates(RunRecord committedRun) {
        return rowsOrEmpty(layout.datesTable(), DataMapLayout.DATES_SCHEMA, committedRun);
    }

    /**
     * The committed run with this id.
     *
     * @throws IllegalArgumentException when the run id is invalid or has not committed
     */
    public RunRecord requireCommitted(String runId) {
        return committedRun(runId).orElseThrow(() -> new IllegalArgumentException("run " + runId
                + " has not committed in the data map at " + layout.root()
                + ": pick one of its committed runs, or omit the run id for the latest"));
    }

    private Dataset<Row> rowsOf(String table, RunRecord run) {
        requireCommittedRecord(run);
        return spark.read().format("delta").load(table).filter(col(DataMapLayout.RUN_ID).equalTo(run.runId()));
    }

    private static void requireCommittedRecord(RunRecord run) {
        if (!run.isCommitted()) {
            throw new IllegalArgumentException("run " + run.runId() + " has status " + run.status()
                    + ", not " + DataMapLayout.STATUS_COMMITTED + ": readers see committed runs only");
        }
    }

    private Dataset<Row> runsTable() {
        return spark.read().format("delta").load(layout.runsTable());
    }
}

package dev.piimap.scanner.job;

import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.datamap.DataMapWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.apache.spark.sql.functions.broadcast;

/**
 * The {@code assets}, {@code findings}, {@code subjects} and {@code dates} rows of items carried forward, copied from the committed
 * run each is carried from: every column but {@code run_id} ({@link DataMapWriter#carriedRows}), selected
 * by the {@code item} column. Lazy: the earlier rows are read when the frames are written.
 */
final class CarriedRows {
    /** One carried item and the run whose rows it takes. */
    record Carried(String source, String item, RunRecord from) {
    }

    static final StructType KEYS = new StructType()
            .add("carried_source", DataTypes.StringType, false)
            .add("carried_item", DataTypes.StringType, false);

    private final SparkSession spark;
    private final DataMapReader reader;
    private final Map<String, List<Dataset<Row>>> byRun = new LinkedHashMap<>();
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();

    /** @param carried items listed on the driver (few: their keys are broadcast to the join) */
    CarriedRows(SparkSession spark, DataMapReader reader, List<Carried> carried) {
        this.spark = spark;
        this.reader = reader;
        Map<String, List<Row>> keys = new LinkedHashMap<>();
        for (Carried c : carried) {
            keys.computeIfAbsent(c.from().runId(), id -> new ArrayList<>()).add(RowFactory.create(c.source(), c.item()));
            runs.putIfAbsent(c.from().runId(), c.from());
        }
        keys.forEach((run, rows) -> byRun.computeIfAbsent(run, id -> new ArrayList<>())
                .add(broadcast(spark.createDataFrame(rows, KEYS))));
    }

    /** Adds items carried from {@code from}, as a frame of {@link #KEYS} (any size: joined without broadcast). */
    CarriedRows add(RunRecord from, Dataset<Row> keys) {
        runs.putIfAbsent(from.runId(), from);
        byRun.computeIfAbsent(from.runId(), id -> new ArrayList<>()).add(keys);
        return this;
    }

    boolean isEmpty() {
        return byRun.isEmpty();
    }

    Dataset<Row> assets() {
        return select(reader::assets, DataMapLayout.ASSETS_SCHEMA);
    }

    Dataset<Row> findings() {
        return select(reader::findings, DataMapLayout.FINDINGS_SCHEMA);
    }

    Dataset<Row> subjects() {
        return select(reader::subjects, DataMapLayout.SUBJECTS_SCHEMA);
    }

    Dataset<Row> dates() {
        return select(reader::dates, DataMapLayout.DATES_SCHEMA);
    }

    private Dataset<Row> select(Function<RunRecord, Dataset<Row>> table, StructType schema) {
        Dataset<Row> all = null;
        for (Map.Entry<String, List<Dataset<Row>>> e : byRun.entrySet()) {
            Dataset<Row> wanted = e.getValue().stream().reduce(Dataset::union).orElseThrow();
            Dataset<Row> earlier = table.apply(runs.get(e.getKey()));
            Dataset<Row> rows = earlier.join(wanted, earlier.col("source").equalTo(wanted.col("carried_source"))
                    .and(earlier.col(DataMapLayout.ITEM).equalTo(wanted.col("carried_item"))), "left_semi");
            Dataset<Row> conformed = DataMapWriter.carriedRows(rows, schema);
            all = all == null ? conformed : all.unionByName(conformed);
        }
        return all == null ? spark.createDataFrame(List.of(), DataMapWriter.carriedRows(
                spark.createDataFrame(List.of(), schema), schema).schema()) : all;
    }

    /** For messages: the runs rows are carried from. */
    List<String> fromRunIds() {
        return List.copyOf(byRun.keySet());
    }
}

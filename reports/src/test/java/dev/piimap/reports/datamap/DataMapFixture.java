package dev.piimap.reports.datamap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes data map tables directly (the real writer lives in the scanner module, which depends on
 * this one): enough to test readers against real Delta tables.
 */
public final class DataMapFixture {
    private final SparkSession spark;
    private final DataMapLayout layout;
    private final List<Row> runs = new ArrayList<>();
    private final List<Row> assets = new ArrayList<>();
    private final List<Row> findings = new ArrayList<>();

    public DataMapFixture(SparkSession spark, String datamapUri) {
        this.spark = spark;
        this.layout = DataMapLayout.at(datamapUri);
    }

    public DataMapFixture run(String runId, String status, Instant finishedAt, String... sources) {
        runs.add(new RunRecord(runId, finishedAt.minusSeconds(60), finishedAt, status, List.of(sources), 1, 1, 1, 0,
                "test").toRow());
        return this;
    }

    public DataMapFixture asset(String runId, String source, String asset, String kind, String status,
                                String detail, Long bytes, Instant modified) {
        return asset(runId, source, asset, kind, status, detail, bytes, modified, null);
    }

    /** An asset row with links (null for none); its item is null. */
    public DataMapFixture asset(String runId, String source, String asset, String kind, String status,
                                String detail, Long bytes, Instant modified, java.util.Map<String, String> links) {
        assets.add(RowFactory.create(runId, source, asset, kind, status, detail, bytes, modified, links, null));
        return this;
    }

    public DataMapFixture finding(String runId, String source, String asset, String kind, String type,
                                  String category, long count, double confidence, String sample,
                                  String explanation) {
        findings.add(RowFactory.create(runId, source, asset, kind, type, category, count, confidence, sample,
                explanation, "test-detector", null));
        return this;
    }

    /** Appends everything added so far to the three tables. */
    public DataMapLayout write() {
        append(assets, DataMapLayout.ASSETS_SCHEMA, layout.assetsTable());
        append(findings, DataMapLayout.FINDINGS_SCHEMA, layout.findingsTable());
        append(runs, DataMapLayout.RUNS_SCHEMA, layout.runsTable());
        return layout;
    }

    private void append(List<Row> rows, StructType schema, String table) {
        spark.createDataFrame(rows, schema).write().format("delta").mode(SaveMode.Append).save(table);
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.datamap.DataMapWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits hand-made runs to a data map through the real {@link DataMapWriter}, for the commands that
 * read one (diff, policy): one run per {@link #commit} call, with the findings added since the last
 * commit and one ok asset per finding.
 */
final class CommittedRuns {
    private record Finding(String source, String asset, String kind, String type, String category, long count,
                           double confidence) {
    }

    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
    private final String datamap;
    private final List<Finding> pending = new ArrayList<>();

    CommittedRuns(String datamap) {
        this.datamap = datamap;
    }

    /** Adds a finding (and its asset) to the next run committed. */
    CommittedRuns finding(String source, String asset, String kind, String type, String category, long count,
                          double confidence) {
        pending.add(new Finding(source, asset, kind, type, category, count, confidence));
        return this;
    }

    /** Commits the findings added since the last commit as run {@code runId}, started at {@code startedAt}. */
    CommittedRuns commit(String runId, Instant startedAt) {
        List<Row> findings = new ArrayList<>();
        List<Row> assets = new ArrayList<>();
        for (Finding f : pending) {
            findings.add(RowFactory.create(runId, f.source(), f.asset(), f.kind(), f.type(), f.category(), f.count(),
                    f.confidence(), null, "test finding", "test-detector", null));
            assets.add(RowFactory.create(runId, f.source(), f.asset(), f.kind(), "ok", null, null, null, null, null));
        }
        RunRecord run = RunRecord.committed(runId, startedAt, startedAt.plusSeconds(30),
                pending.stream().map(Finding::source).distinct().toList(), pending.size(), assets.size(),
                findings.size(), 0, "test");
        DataMapWriter.commit(spark, datamap, run, spark.createDataFrame(assets, DataMapLayout.ASSETS_SCHEMA),
                spark.createDataFrame(findings, DataMapLayout.FINDINGS_SCHEMA));
        pending.clear();
        return this;
    }
}

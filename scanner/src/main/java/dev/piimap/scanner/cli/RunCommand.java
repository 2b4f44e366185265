package dev.piimap.scanner.cli;

import dev.piimap.reports.SparkSessions;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.s3a.DataMapStorage;
import org.apache.spark.sql.SparkSession;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.job.RunIds;
import dev.piimap.scanner.job.RunSummary;
import dev.piimap.scanner.job.ScanJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Scans every source of a scan.yaml and commits one run to the data map.",
                "Incremental by default: items unchanged since the latest committed run (same size and modification "
                        + "time, ETag, or table change token, see change-detection) are not scanned again; their results "
                        + "are carried into the new run, which stays a complete snapshot. Changed detectors or settings "
                        + "rescan what they affect."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "scan.yaml", description = "The scan configuration.")
    Path config;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id (default: UTC timestamp plus a random suffix). Re-using an id replaces that run.")
    String runId;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master URL; overrides spark.master of the config.")
    String master;

    @Option(names = "--full", description = "Scan every item again, ignoring earlier runs' results.")
    boolean full;

    @Override
    public Integer call() {
        ScanConfig cfg = new ScanConfigLoader().load(config);
        if (master != null) {
            cfg = cfg.withSparkMaster(master);
        }
        String id = runId == null ? RunIds.next() : runId;
        if (!RunIds.isValid(id)) {
            throw new UsageException("--run-id", id, "must be 1-64 letters, digits, '.', '_' or '-'", "pick an id such as nightly-2026-11-29");
        }
        // The session ScanJob will use; a data map on s3a:// needs its bucket's endpoint and credentials first.
        SparkSession spark = SparkSessions.getOrCreate(cfg.sparkMaster(), "piimap scan " + id);
        DataMapStorage.configure(spark, cfg.datamap(), cfg.datamapS3());
        RunSummary summary = new ScanJob(System.err).run(cfg, id, full);
        System.out.print(SummaryTable.render(summary));
        return Main.EXIT_OK;
    }
}

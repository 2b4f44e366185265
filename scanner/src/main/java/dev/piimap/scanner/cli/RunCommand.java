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
        description = "Scans every source of a scan.yaml and commits one run to the data map.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "scan.yaml", description = "The scan configuration.")
    Path config;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id (default: UTC timestamp plus a random suffix). Re-using an id replaces that run.")
    String runId;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master URL; overrides spark.master of the config.")
    String master;

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
        RunSummary summary = new ScanJob(System.err).run(cfg, id);
        System.out.print(SummaryTable.render(summary));
        return Main.EXIT_OK;
    }
}

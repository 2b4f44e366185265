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
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Scans every source of a scan.yaml and commits one run to the data map.",
                "Incremental by default: items unchanged since the latest committed run (same size and modification "
                        + "time, ETag, or table change token, see change-detection) are not scanned again; their results "
                        + "are carried into the new run, which stays a complete snapshot. Changed detectors or settings "
                        + "rescan what they affect."})
final class RunCommand implements Callable<Integer> {
    /** Set by spark-submit from its --master (and by -Dspark.master): used when --master is absent. */
    static final String SPARK_MASTER = "spark.master";
    static final String SPARK_JARS = "spark.jars";
    static final String EXECUTOR_CLASSPATH = "spark.executor.extraClassPath";

    @Option(names = "--config", required = true, paramLabel = "scan.yaml", description = "The scan configuration.")
    Path config;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id (default: UTC timestamp plus a random suffix). Re-using an id replaces that run.")
    String runId;

    @Option(names = "--master", paramLabel = "URL", description = {"Spark master URL; overrides spark.master of the config "
            + "and the master spark-submit was given.",
            "On a cluster master, executors get this JVM's classpath (spark.executor.extraClassPath) unless spark.jars "
                    + "or spark.executor.extraClassPath is set: right where the workers see the same paths (one machine, "
                    + "a shared install, containers of one image); elsewhere spark-submit piimap-app.jar."})
    String master;

    @Option(names = "--full", description = "Scan every item again, ignoring earlier runs' results.")
    boolean full;

    @Override
    public Integer call() {
        ScanConfig cfg = new ScanConfigLoader().load(config);
        String chosenMaster = master != null ? master : System.getProperty(SPARK_MASTER);
        if (chosenMaster != null) {
            cfg = cfg.withSparkMaster(chosenMaster);
        }
        String id = runId == null ? RunIds.next() : runId;
        if (!RunIds.isValid(id)) {
            throw new UsageException("--run-id", id, "must be 1-64 letters, digits, '.', '_' or '-'", "pick an id such as nightly-2026-11-29");
        }
        shareClasspathWithExecutors(cfg.sparkMaster());
        // The session ScanJob will use; a data map on s3a:// needs its bucket's endpoint and credentials first.
        SparkSession spark = SparkSessions.getOrCreate(cfg.sparkMaster(), "piimap scan " + id);
        DataMapStorage.configure(spark, cfg.datamap(), cfg.datamapS3());
        RunSummary summary = new ScanJob(System.err).run(cfg, id, full);
        System.out.print(SummaryTable.render(summary));
        return Main.EXIT_OK;
    }

    /**
     * Executors of a cluster master run the application's classes, which Spark alone does not have. spark-submit
     * ships its application jar in {@code spark.jars}; {@code bin/scan} starts the driver from a classpath of
     * jars instead, so unless {@code spark.jars} or {@code spark.executor.extraClassPath} already says where the
     * classes come from, executors are given this JVM's classpath. That holds where the workers see the same
     * paths: the same machine, a shared install, containers made from one image. Spark reads {@code spark.*}
     * system properties into every new session's configuration, as it does for spark-submit's settings.
     */
    static void shareClasspathWithExecutors(String sparkMaster) {
        if (sparkMaster == null || sparkMaster.trim().toLowerCase(Locale.ROOT).startsWith("local")
                || System.getProperty(SPARK_JARS) != null || System.getProperty(EXECUTOR_CLASSPATH) != null) {
            return;
        }
        System.setProperty(EXECUTOR_CLASSPATH, System.getProperty("java.class.path"));
        System.err.println("executors get this JVM's classpath (" + EXECUTOR_CLASSPATH + "): it must exist at the same"
                + " paths on every worker; otherwise run spark-submit with piimap-app.jar");
    }
}

package dev.piimap.reports;

import org.apache.spark.sql.SparkSession;

import java.util.Locale;
import java.util.Objects;

/**
 * The one place a {@link SparkSession} is made. Every session has Delta Lake enabled, no web UI,
 * UTC as its session time zone and Spark's logging at WARN on standard error (see
 * {@code log4j2.properties}): standard output is left to the command's result.
 *
 * <p>One session per JVM: while a session is running, later calls return it unchanged, whatever
 * master they name (Spark cannot change the master of a running session). After it is stopped, the
 * next call makes a new one.
 */
public final class SparkSessions {
    /** Shuffle partitions on a local master: the data map and test data are small. */
    public static final int LOCAL_SHUFFLE_PARTITIONS = 4;
    /** Partitions Delta uses to rebuild a table snapshot on a local master (Delta's default is 50). */
    public static final int LOCAL_SNAPSHOT_PARTITIONS = 2;

    private static final String LOOPBACK = "127.0.0.1";

    private SparkSessions() {
    }

    /**
     * Returns the running session of this JVM, or makes one.
     *
     * @param master  a Spark master URL ({@code local[*]}, {@code spark://host:7077}, ...); null leaves
     *                it to {@code spark-submit}
     * @param appName shown in the cluster manager
     */
    public static synchronized SparkSession getOrCreate(String master, String appName) {
        Objects.requireNonNull(appName, "appName");
        SparkSession running = runningSession();
        if (running != null) {
            return running;
        }
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC");
        if (master != null) {
            builder.master(master);
        }
        if (isLocal(master)) {
            builder.config("spark.driver.host", LOOPBACK)
                    .config("spark.driver.bindAddress", LOOPBACK)
                    .config("spark.sql.shuffle.partitions", String.valueOf(LOCAL_SHUFFLE_PARTITIONS))
                    .config("spark.databricks.delta.snapshotPartitions", String.valueOf(LOCAL_SNAPSHOT_PARTITIONS));
        }
        SparkSession session = builder.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }

    static boolean isLocal(String master) {
        return master != null && master.trim().toLowerCase(Locale.ROOT).startsWith("local");
    }

    private static SparkSession runningSession() {
        scala.Option<SparkSession> current = SparkSession.getDefaultSession();
        if (current.isDefined() && !current.get().sparkContext().isStopped()) {
            return current.get();
        }
        return null;
    }
}

package dev.piimap.scanner.bench;

import java.util.Map;

/**
 * One measured {@code bin/scan run} of an estate on {@code local[executors]}, in a JVM of its own.
 *
 * @param wallSeconds    from starting the child JVM to its exit, as a user of {@code bin/scan run} waits
 * @param jobSeconds     the run's own elapsed time as it prints it (listing, scan and commit; no JVM or Spark start-up)
 * @param peakRssBytes   the child's peak resident set (driver and executors: one JVM on a local master), -1 if unknown
 * @param peakHeapBytes  the child's most heap in use
 * @param liveHeapBytes  the child's most heap in use after a garbage collection
 * @param cpuSeconds     CPU time the child JVM used, all threads (executors, driver, GC, JIT), or -1 if unknown; the
 *                       database server's is not included
 * @param database       task time of the database source
 * @param files          task time of the files source
 * @param assetsByStatus assets per outcome (ok, truncated, skipped, error) as the run printed them
 * @param itemsCarried   items carried forward unchanged from an earlier run, as the run printed them (0 for a full run)
 */
public record ScanRun(int executors, double wallSeconds, double jobSeconds, long peakRssBytes, long peakHeapBytes, long liveHeapBytes,
               double cpuSeconds, ScanTaskTimes.SourceTime database, ScanTaskTimes.SourceTime files, long assets, Map<String, Long> assetsByStatus,
               long itemsCarried) {
    public ScanRun {
        assetsByStatus = Map.copyOf(assetsByStatus);
    }

    /** A run that carried nothing forward. */
    public ScanRun(int executors, double wallSeconds, double jobSeconds, long peakRssBytes, long peakHeapBytes, long liveHeapBytes,
                   double cpuSeconds, ScanTaskTimes.SourceTime database, ScanTaskTimes.SourceTime files, long assets,
                   Map<String, Long> assetsByStatus) {
        this(executors, wallSeconds, jobSeconds, peakRssBytes, peakHeapBytes, liveHeapBytes, cpuSeconds, database, files, assets,
                assetsByStatus, 0);
    }

    /** CPU seconds per wall second of the child: how many cores it kept busy on average; -1 if unknown. */
    double coresBusy() {
        return cpuSeconds < 0 || wallSeconds <= 0 ? -1 : cpuSeconds / wallSeconds;
    }

    /** Assets whose outcome is not {@code ok}: a truncated or failed asset means less was classified than generated. */
    long assetsNotOk() {
        return assets - assetsByStatus.getOrDefault("ok", 0L);
    }
}

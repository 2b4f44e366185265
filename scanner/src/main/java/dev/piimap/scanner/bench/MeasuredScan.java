package dev.piimap.scanner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.scanner.cli.Main;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The main class of a measured child JVM: {@code MeasuredScan RESULT.json <bin/scan arguments>} runs
 * {@link Main#execute} with the arguments (the same code as {@code bin/scan run}), with
 * {@link ScanTaskTimes} added to Spark's listeners, then stops the Spark session (which delivers every
 * pending listener event), writes a {@link Result} as JSON to {@code RESULT.json} and exits with the
 * command's status. Standard output and error are the command's.
 */
public final class MeasuredScan {
    /**
     * What the child measured of itself.
     *
     * @param status         the command's exit status
     * @param commandSeconds wall time of the command inside the JVM (Spark start-up, listing, scan, commit)
     * @param peakHeapBytes  most heap in use ({@link HeapPeaks#peakUsedBytes()})
     * @param liveHeapBytes  most live data: heap in use after a full collection forced every {@link #LIVE_HEAP_INTERVAL} ({@link HeapPeaks#liveBytes()})
     * @param peakRssBytes   the JVM's own peak RSS at the end, or -1 off Linux
     * @param cpuSeconds     CPU time the JVM used in all its threads (executors, driver, GC, JIT) up to the end, or -1
     *                       where the JVM does not report it
     * @param sources        scan task time per source ({@link ScanTaskTimes})
     */
    record Result(int status, double commandSeconds, long peakHeapBytes, long liveHeapBytes, long peakRssBytes,
                  double cpuSeconds, Map<String, ScanTaskTimes.SourceTime> sources) {
    }

    /** How often the child forces a full collection to measure its live data (see {@link HeapPeaks}). */
    static final Duration LIVE_HEAP_INTERVAL = Duration.ofSeconds(20);

    private MeasuredScan() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: MeasuredScan RESULT.json <bin/scan arguments>");
            System.exit(Main.EXIT_USAGE);
        }
        HeapPeaks heap = HeapPeaks.start(LIVE_HEAP_INTERVAL);
        String listeners = System.getProperty("spark.extraListeners", "");
        System.setProperty("spark.extraListeners", (listeners.isBlank() ? "" : listeners + ",") + ScanTaskTimes.class.getName());
        long start = System.nanoTime();
        int status = Main.execute(Arrays.copyOfRange(args, 1, args.length));
        double seconds = (System.nanoTime() - start) / 1e9;
        // The figures are the command's: no more forced collections while Spark shuts down.
        heap.stop();
        scala.Option<SparkSession> session = SparkSession.getDefaultSession();
        if (session.isDefined()) {
            session.get().stop();
        }
        Result result = new Result(status, seconds, heap.peakUsedBytes(), heap.liveBytes(),
                ProcStatus.peakRssBytes("self"), processCpuSeconds(), ScanTaskTimes.snapshot());
        try {
            new ObjectMapper().writeValue(Path.of(args[0]).toFile(), result);
        } catch (IOException e) {
            System.err.println("MeasuredScan: cannot write " + args[0] + ": " + e.getMessage());
            status = Main.EXIT_RUN_FAILED;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** This JVM's CPU time so far, all threads, in seconds; -1 where the platform's bean does not report it. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    static Result read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Result.class);
    }
}

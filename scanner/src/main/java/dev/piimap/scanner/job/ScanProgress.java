package dev.piimap.scanner.job;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a scan per source: items done of listed, throughput and an estimate of the time left,
 * printed on the console every few seconds while anything changed. Executors count through Spark
 * accumulators, which reach the driver as tasks finish, so progress moves in steps of a partition.
 */
final class ScanProgress implements AutoCloseable {
    static final long DEFAULT_INTERVAL_SECONDS = 5;

    /** What executors update: one pair of accumulators per source, in connector order. Serializable. */
    record Counters(List<LongAccumulator> items, List<LongAccumulator> bytes) implements Serializable {
        void itemDone(int source, long itemBytes) {
            items.get(source).add(1);
            bytes.get(source).add(Math.max(0, itemBytes));
        }
    }

    private final PrintStream console;
    private final List<String> names;
    private final long[] totalItems;
    private final long[] totalBytes;
    private final Counters counters;
    private final long startedNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private long lastPrintedItems = -1;

    ScanProgress(SparkContext sc, PrintStream console, List<String> sourceNames, long[] totalItems, long[] totalBytes,
                 long intervalSeconds) {
        this.console = console;
        this.names = List.copyOf(sourceNames);
        this.totalItems = totalItems.clone();
        this.totalBytes = totalBytes.clone();
        List<LongAccumulator> items = new ArrayList<>();
        List<LongAccumulator> bytes = new ArrayList<>();
        for (String name : names) {
            items.add(sc.longAccumulator("piimap items " + name));
            bytes.add(sc.longAccumulator("piimap bytes " + name));
        }
        this.counters = new Counters(items, bytes);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "piimap-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::printIfChanged, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    Counters counters() {
        return counters;
    }

    private synchronized void printIfChanged() {
        long done = 0;
        for (LongAccumulator a : counters.items()) {
            done += a.value();
        }
        if (done == lastPrintedItems) {
            return;
        }
        lastPrintedItems = done;
        for (int i = 0; i < names.size(); i++) {
            if (totalItems[i] > 0) {
                console.println(line(i));
            }
        }
    }

    /** One progress line for source {@code i}, e.g. {@code share: 120/1,000 items (12%), 3.1 MB/s, ETA 1m20s}. */
    String line(int i) {
        long doneItems = counters.items().get(i).value();
        long doneBytes = counters.bytes().get(i).value();
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        double fraction = totalBytes[i] > 0 ? (double) doneBytes / totalBytes[i] : (double) doneItems / totalItems[i];
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "piimap: progress %s: %,d/%,d items (%d%%)",
                names.get(i), doneItems, totalItems[i], Math.round(100.0 * doneItems / totalItems[i])));
        if (totalBytes[i] > 0) {
            sb.append(String.format(Locale.ROOT, ", %.1f MB/s", doneBytes / 1e6 / seconds));
        } else {
            sb.append(String.format(Locale.ROOT, ", %.1f items/s", doneItems / seconds));
        }
        if (fraction > 0 && fraction < 1) {
            sb.append(", ETA ").append(duration((long) (seconds * (1 - fraction) / fraction)));
        }
        return sb.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02ds", seconds % 60);
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (seconds % 3600) / 60);
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        lastPrintedItems = -1;
        printIfChanged();
    }
}

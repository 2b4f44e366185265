package dev.piimap.scanner.bench;

import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Spark listener that adds up, per source, the time of the tasks that scanned its items, in core
 * seconds: what a source cost whatever else ran beside it. A scan task is recognized by the
 * accumulators the scan job counts progress with, named {@value #ITEMS_PREFIX}{@code <source>} and
 * {@value #BYTES_PREFIX}{@code <source>} (Spark reports a named accumulator's update with the task
 * that made it); a task that scanned items of several sources is shared among them by item count.
 * Only successful tasks count. Spark makes the instance (named in {@code spark.extraListeners}); the
 * totals are static, one set per JVM, read with {@link #snapshot()} after the session has stopped.
 */
public final class ScanTaskTimes extends SparkListener {
    static final String ITEMS_PREFIX = "piimap items ";
    static final String BYTES_PREFIX = "piimap bytes ";

    /**
     * One source's scan tasks.
     *
     * @param taskSeconds      sum of the durations (launch to finish) of its tasks
     * @param firstLaunchMillis epoch millis the first of its tasks started
     * @param lastFinishMillis epoch millis the last of them finished
     */
    public record SourceTime(long tasks, long items, long bytes, double taskSeconds, long firstLaunchMillis, long lastFinishMillis) {
        SourceTime plus(double share, long itemCount, long byteCount, TaskInfo task) {
            return new SourceTime(tasks + 1, items + itemCount, bytes + byteCount, taskSeconds + share * task.duration() / 1000.0,
                    tasks == 0 ? task.launchTime() : Math.min(firstLaunchMillis, task.launchTime()),
                    Math.max(lastFinishMillis, task.finishTime()));
        }
    }

    private static final Map<String, SourceTime> TOTALS = new TreeMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo task = end.taskInfo();
        if (task == null || !task.successful()) {
            return;
        }
        Map<String, Long> items = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (AccumulableInfo a : CollectionConverters.asJava(task.accumulables())) {
            if (a.name().isEmpty() || a.update().isEmpty() || !(a.update().get() instanceof Long update)) {
                continue;
            }
            String name = a.name().get();
            if (name.startsWith(ITEMS_PREFIX)) {
                items.merge(name.substring(ITEMS_PREFIX.length()), update, Long::sum);
            } else if (name.startsWith(BYTES_PREFIX)) {
                bytes.merge(name.substring(BYTES_PREFIX.length()), update, Long::sum);
            }
        }
        long allItems = items.values().stream().mapToLong(Long::longValue).sum();
        if (allItems == 0) {
            return;
        }
        synchronized (TOTALS) {
            items.forEach((source, n) -> TOTALS.put(source, TOTALS.getOrDefault(source, new SourceTime(0, 0, 0, 0, 0, 0))
                    .plus((double) n / allItems, n, bytes.getOrDefault(source, 0L), task)));
        }
    }

    /** The totals so far, by source name. */
    public static Map<String, SourceTime> snapshot() {
        synchronized (TOTALS) {
            return Collections.unmodifiableMap(new TreeMap<>(TOTALS));
        }
    }
}

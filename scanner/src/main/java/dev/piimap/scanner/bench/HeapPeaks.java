package dev.piimap.scanner.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * This JVM's heap high-water marks, from the garbage collector's notifications: the heap in use just
 * before a collection is a local maximum of the heap in use. The live data is measured after full
 * collections that {@link #start} forces at a fixed interval: after a young collection the old
 * generation still holds whatever garbage was promoted, which a long run accumulates, so the heap in use
 * after it is only an upper bound of the live data. The forced collections cost a benchmark run a
 * little time (a parallel full collection of a few hundred MB of live data takes well under a second).
 */
final class HeapPeaks {
    /** The cause the JVM reports for collections {@link System#gc()} asks for. */
    private static final String FORCED = "System.gc()";

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterCollection = new AtomicLong();
    private final AtomicLong peakAfterFullCollection = new AtomicLong();
    private final AtomicLong fullCollections = new AtomicLong();
    private ScheduledExecutorService timer;

    private HeapPeaks() {
    }

    /**
     * Starts listening to every collector of this JVM and, with a positive interval, forces a full
     * collection every {@code interval} (on a daemon thread) to measure the live data.
     */
    static HeapPeaks start(Duration interval) {
        HeapPeaks peaks = new HeapPeaks();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var gcInfo = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        var info = gcInfo.getGcInfo();
                        long after = peaks.heapUsed(info.getMemoryUsageAfterGc());
                        peaks.peakUsed.accumulateAndGet(peaks.heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
                        peaks.peakAfterCollection.accumulateAndGet(after, Math::max);
                        if (FORCED.equals(gcInfo.getGcCause())) {
                            peaks.peakAfterFullCollection.accumulateAndGet(after, Math::max);
                            peaks.fullCollections.incrementAndGet();
                        }
                    }
                }, null, null);
            }
        }
        if (!interval.isZero() && !interval.isNegative()) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "piimap-bench-live-heap");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(System::gc, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            peaks.timer = timer;
        }
        return peaks;
    }

    /** Stops forcing collections (the figures stay readable). */
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The most heap in use seen: before any collection, or now. */
    long peakUsedBytes() {
        return Math.max(peakUsed.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /**
     * The most live data seen: heap in use after a forced full collection; when none was forced yet (a
     * run shorter than the interval), the most heap in use after any collection, an upper bound (0 when
     * none ran).
     */
    long liveBytes() {
        return fullCollections.get() > 0 ? peakAfterFullCollection.get() : peakAfterCollection.get();
    }

    /** How many full collections were forced and seen. */
    long fullCollections() {
        return fullCollections.get();
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }
}

package dev.piimap.scanner.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * This JVM's heap high-water marks, from the garbage collector's notifications: the heap in use just
 * before a collection is a local maximum of the heap in use, and the heap in use just after one is an
 * upper bound of the live data at that moment. No sampling thread; costs nothing between collections.
 */
final class HeapPeaks {
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterCollection = new AtomicLong();

    private HeapPeaks() {
    }

    /** Starts listening to every collector of this JVM. */
    static HeapPeaks start() {
        HeapPeaks peaks = new HeapPeaks();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                        peaks.peakUsed.accumulateAndGet(peaks.heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
                        peaks.peakAfterCollection.accumulateAndGet(peaks.heapUsed(info.getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }
        return peaks;
    }

    /** The most heap in use seen: before any collection, or now. */
    long peakUsedBytes() {
        return Math.max(peakUsed.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The most heap still in use after a collection (0 when none ran). */
    long peakAfterCollectionBytes() {
        return peakAfterCollection.get();
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

package dev.piimap.scanner.job;

import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SupportsItemParts;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Turns the parts of split items ({@link ScanItem#PART}, e.g. a table's key ranges) back into one result per
 * item, on the executors: the parts are shuffled so that all parts of an item meet in one partition, sorted by
 * part index, and folded in that order with {@link SupportsItemParts#merge}, holding two parts' states at a
 * time; the fold's end becomes the item's result ({@link SupportsItemParts#finish}). An ordered fold rather
 * than {@code reduceByKey}, which combines parts in whatever order they arrive: the connectors' merges are
 * exact only in part order (ties between parts go to the earlier one; limits fill in read order).
 *
 * Whole items scanned in the same run pass through the same shuffle unchanged; runs without split items
 * skip it.
 *
 * <p>The first failed part of an item (a connector that threw, or one that cannot scan parts) makes the
 * whole item one {@code error} outcome of kind {@code item}, as a failed scan of a whole item does; the first
 * part skipped for the source's time budget makes it one {@code skipped} outcome.
 */
final class PartMerge {
    private PartMerge() {
    }

    /**
     * One scanned part: its state, or why there is none ({@code skipped}: not read, as the source's time
     * budget was used up; else it failed).
     */
    record PartScan(int connectorIndex, ScanItem item, SupportsItemParts.ItemPart part, String failure, boolean skipped)
            implements Serializable {
        PartScan(int connectorIndex, ScanItem item, SupportsItemParts.ItemPart part, String failure) {
            this(connectorIndex, item, part, failure, false);
        }

        /** A part not read because the source's time budget was used up; the whole item is then {@code skipped}. */
        static PartScan skipped(int connectorIndex, ScanItem item, String reason) {
            return new PartScan(connectorIndex, item, null, reason, true);
        }
    }

    /** Sorts the parts of one item together, in part order. */
    record PartKey(String source, String locator, int index) implements Serializable {
    }

    /** Runs on executors: scans one part; never throws but for the JVM's own fatal errors. */
    static PartScan scan(SourceConnector connector, int connectorIndex, ScanItem part, ScanContext context) {
        if (!(connector instanceof SupportsItemParts parts)) {
            return new PartScan(connectorIndex, part, null, "internal error: the source cannot scan parts of items");
        }
        try {
            return new PartScan(connectorIndex, part, Objects.requireNonNull(parts.scanPart(part, context)), null);
        } catch (Throwable t) { // NOPMD: one outcome per item, whatever happened
            rethrowFatal(t);
            return new PartScan(connectorIndex, part, null, "internal error while scanning (" + t.getClass().getSimpleName() + ")");
        }
    }

    /**
     * One result per item: whole items' as they are, split items' from all their parts. Parts' states live
     * only in the shuffle (serialized, spilled to disk as needed), never cached.
     */
    static JavaRDD<ScanJob.ItemScan> merged(JavaRDD<ScanJob.Scanned> scanned, int partitions,
                                            Broadcast<List<SourceConnector>> connectors, ScanContext context) {
        return scanned.mapToPair(s -> {
                    ScanItem item = s.whole() != null ? s.whole().item() : s.part().item();
                    return new Tuple2<>(new PartKey(item.source(), item.locator(), item.partIndex()), s);
                })
                .repartitionAndSortWithinPartitions(new ByItem(partitions), new InPartOrder())
                .mapPartitions(sorted -> fold(sorted, connectors.value(), context));
    }

    /**
     * Folds consecutive parts of the same item (sorted by item, then part index) into one result each; whole
     * items pass through.
     */
    static Iterator<ScanJob.ItemScan> fold(Iterator<Tuple2<PartKey, ScanJob.Scanned>> sorted,
                                           List<SourceConnector> connectors, ScanContext context) {
        List<ScanJob.ItemScan> out = new ArrayList<>();
        PartScan run = null;
        while (sorted.hasNext()) {
            ScanJob.Scanned scanned = sorted.next()._2();
            if (scanned.whole() != null) {
                out.add(scanned.whole());
                continue;
            }
            PartScan next = scanned.part();
            if (run != null && run.item().source().equals(next.item().source())
                    && run.item().locator().equals(next.item().locator())) {
                run = combine(run, next, connectors);
            } else {
                if (run != null) {
                    out.add(finish(run, connectors, context));
                }
                run = next;
            }
        }
        if (run != null) {
            out.add(finish(run, connectors, context));
        }
        return out.iterator();
    }

    private static PartScan combine(PartScan earlier, PartScan later, List<SourceConnector> connectors) {
        if (earlier.failure() != null) {
            return earlier;
        }
        if (later.failure() != null) {
            return later;
        }
        try {
            SupportsItemParts parts = (SupportsItemParts) connectors.get(earlier.connectorIndex());
            return new PartScan(earlier.connectorIndex(), earlier.item(), parts.merge(earlier.part(), later.part()), null);
        } catch (Throwable t) { // NOPMD: one outcome per item, whatever happened
            rethrowFatal(t);
            return new PartScan(earlier.connectorIndex(), earlier.item(), null,
                    "internal error while merging parts (" + t.getClass().getSimpleName() + ")");
        }
    }

    private static ScanJob.ItemScan finish(PartScan run, List<SourceConnector> connectors, ScanContext context) {
        ScanItem item = run.item().whole();
        if (run.failure() == null) {
            try {
                SupportsItemParts parts = (SupportsItemParts) connectors.get(run.connectorIndex());
                return new ScanJob.ItemScan(item, parts.finish(item, run.part(), context));
            } catch (Throwable t) { // NOPMD: one outcome per item, whatever happened
                rethrowFatal(t);
                return failed(item, "internal error while merging parts (" + t.getClass().getSimpleName() + ")");
            }
        }
        return run.skipped() ? new ScanJob.ItemScan(item, ScanJob.skippedForBudget(item, run.failure()))
                : failed(item, run.failure());
    }

    private static ScanJob.ItemScan failed(ScanItem item, String reason) {
        return new ScanJob.ItemScan(item, ItemResult.of(new AssetOutcome(item.source(), item.locator(), "item",
                ItemStatus.ERROR, reason, item.bytes() < 0 ? null : item.bytes(),
                item.modifiedMillis() < 0 ? null : item.modifiedMillis())));
    }

    private static void rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) {
            throw (VirtualMachineError) t;
        }
    }

    /** All parts of one item go to one partition. */
    static final class ByItem extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        ByItem(int partitions) {
            this.partitions = Math.max(1, partitions);
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            PartKey k = (PartKey) key;
            return Math.floorMod(Objects.hash(k.source(), k.locator()), partitions);
        }
    }

    /** Item by item, each item's parts by index. */
    static final class InPartOrder implements Comparator<PartKey>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(PartKey a, PartKey b) {
            int c = a.source().compareTo(b.source());
            if (c == 0) {
                c = a.locator().compareTo(b.locator());
            }
            return c != 0 ? c : Integer.compare(a.index(), b.index());
        }
    }
}

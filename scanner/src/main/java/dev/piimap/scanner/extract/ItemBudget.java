package dev.piimap.scanner.extract;

/**
 * The limits of one item as they are used up: embedded documents started, bytes decompressed from
 * containers, and the first limit hit. A hard stop (time, zip bomb) ends the whole item: every budgeted
 * stream and handler fails from then on. Written by the parsing thread; the stop can come from the
 * watchdog thread.
 */
final class ItemBudget {
    /** Items smaller than this are measured against it, so small archives of repetitive text pass. */
    static final long MIN_RATIO_BASE_BYTES = 1L << 20;

    private final ExtractionLimits limits;
    private final long itemSize;
    private long itemBytesRead;
    private long expandedBytes;
    private int embeddedCount;
    private volatile String stopReason;
    private volatile String firstLimitHit;

    ItemBudget(ExtractionLimits limits, long itemSize) {
        this.limits = limits;
        this.itemSize = itemSize;
    }

    ExtractionLimits limits() {
        return limits;
    }

    /** Ends the whole item; the first reason wins. */
    void stop(String reason) {
        synchronized (this) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }
        noteLimit(reason);
    }

    boolean stopped() {
        return stopReason != null;
    }

    /** The reason of the hard stop, or null. */
    String stopReason() {
        return stopReason;
    }

    void checkNotStopped() throws LimitExceededException {
        String reason = stopReason;
        if (reason != null) {
            throw new LimitExceededException(reason);
        }
    }

    /** Records that a limit cut part of the item without stopping it (depth, count, characters). */
    void noteLimit(String reason) {
        synchronized (this) {
            if (firstLimitHit == null) {
                firstLimitHit = reason;
            }
        }
    }

    /** The first limit that cut anything in this item, or null. */
    String firstLimitHit() {
        return firstLimitHit;
    }

    /** Counts bytes read from the item itself: the measure of the zip-bomb ratio when its size is unknown. */
    void addItemBytes(long n) {
        itemBytesRead += n;
    }

    /** Counts bytes read from inside containers; past the zip-bomb budget the item stops. */
    void addExpandedBytes(long n) throws LimitExceededException {
        expandedBytes += n;
        if (expandedBytes > expansionBudget()) {
            stop(LimitReasons.zipBomb(limits.maxZipRatio()));
            checkNotStopped();
        }
    }

    /** Bytes that containers may still yield before the zip-bomb limit. */
    long remainingExpansion() {
        return Math.max(0, expansionBudget() - expandedBytes);
    }

    /** The zip-bomb ratio times the item's size (or the bytes read of it so far), at least 1 MiB. */
    private long expansionBudget() {
        long base = Math.max(itemSize >= 0 ? itemSize : itemBytesRead, MIN_RATIO_BASE_BYTES);
        return multiplySaturated(base, limits.maxZipRatio());
    }

    /**
     * Claims a slot for one more embedded document; when none is left the item stops (false). Stopping,
     * not just skipping, matters: a container parser walks past a skipped entry by decompressing it,
     * so an archive of a million entries would otherwise be unpacked in full to report nothing.
     */
    boolean claimEmbeddedSlot() {
        if (embeddedCount >= limits.maxEmbeddedCount()) {
            stop(LimitReasons.embeddedCount(limits.maxEmbeddedCount()));
            return false;
        }
        embeddedCount++;
        return true;
    }

    private static long multiplySaturated(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
    }
}

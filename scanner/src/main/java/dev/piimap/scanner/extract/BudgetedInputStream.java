package dev.piimap.scanner.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails reads once the item is stopped (time limit, zip bomb) and, for streams coming out of a
 * container, charges the bytes read to the item's zip-bomb budget. Closing it leaves the underlying
 * stream open: the container that handed it out owns that.
 */
final class BudgetedInputStream extends FilterInputStream {
    private final ItemBudget budget;
    private final boolean expanded;
    private final long maxBytes;
    private final String overMaxReason;
    private long read;

    /**
     * @param expanded      whether the bytes come out of a container (and count toward the zip-bomb ratio)
     * @param maxBytes      bytes allowed through this stream before it stops the item
     * @param overMaxReason the limit named when {@code maxBytes} is passed
     */
    BudgetedInputStream(InputStream in, ItemBudget budget, boolean expanded, long maxBytes, String overMaxReason) {
        super(in);
        this.budget = budget;
        this.expanded = expanded;
        this.maxBytes = maxBytes;
        this.overMaxReason = overMaxReason;
    }

    @Override
    public int read() throws IOException {
        budget.checkNotStopped();
        int b = super.read();
        if (b >= 0) {
            charge(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        budget.checkNotStopped();
        int n = super.read(buffer, off, len);
        if (n > 0) {
            charge(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        budget.checkNotStopped();
        long skipped = super.skip(n);
        if (skipped > 0) {
            charge(skipped);
        }
        return skipped;
    }

    @Override
    public void close() {
        // The container owns the underlying stream.
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void charge(long n) throws IOException {
        read += n;
        if (read > maxBytes) {
            budget.stop(overMaxReason);
            budget.checkNotStopped();
        }
        if (expanded) {
            budget.addExpandedBytes(n);
        } else {
            budget.addItemBytes(n);
        }
    }
}

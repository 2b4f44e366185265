package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.List;

/**
 * A configured source. It is created on the driver from the config, lists the items there, and is
 * serialized to executors, which call {@link #scan} once per item. Secrets are held as references
 * and resolved where a connection is opened, never on the driver into Spark configuration.
 */
public interface SourceConnector extends Serializable {
    /** The source's configured name. */
    String name();

    /**
     * Driver side: every item of the source, in a deterministic order.
     *
     * @throws SourceException when the source cannot be reached or listed at all (the run then
     *                         records one error outcome for the source and goes on with the others)
     */
    List<ScanItem> listItems() throws SourceException;

    /**
     * Driver side, before listing: checks that cost one query or call and return warnings for the
     * console (e.g. "the role can write to billing.payments: give the scanner a SELECT-only role").
     * Never throws; a check that cannot run is skipped. Warnings name objects, never data or secrets.
     */
    default List<String> preflight() {
        return List.of();
    }

    /**
     * How many of this source's items may be scanned at the same time, across the whole cluster
     * (e.g. a database's connection cap). The job gives the source at most this many partitions.
     */
    default int maxConcurrency() {
        return Integer.MAX_VALUE;
    }

    /**
     * Executor side: reads and classifies one item. Never throws: every failure becomes an
     * {@link AssetOutcome} with status {@code error} or {@code skipped} and a reason.
     */
    ItemResult scan(ScanItem item, ScanContext context);
}

package dev.piimap.scanner.job;

import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.source.ScanItem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the latest committed run that covered a source knew about its items, and the rule that decides
 * whether an item may be carried forward from it instead of being scanned again: the item was listed
 * then with the same non-null revision, its scan did not fail, and the scan used the same detection
 * config and source settings ({@link Fingerprints#scan}). Everything else is scanned.
 */
final class PreviousScan {
    /** One item of the earlier run. */
    record Item(String revision, String status, String scannedRunId, String scanFingerprint) implements Serializable {
    }

    private final RunRecord run;
    private final Map<String, Item> items;

    private PreviousScan(RunRecord run, Map<String, Item> items) {
        this.run = run;
        this.items = items;
    }

    /** Nothing to carry: a full run, a new data map or a source never scanned before. */
    static PreviousScan none() {
        return new PreviousScan(null, Map.of());
    }

    /** The earlier run, when there is one to carry from. */
    Optional<RunRecord> run() {
        return Optional.ofNullable(run);
    }

    /** The earlier entry of {@code item} when its rows may be carried forward, else empty (scan it). */
    Optional<Item> carriable(ScanItem item, String scanFingerprint) {
        Item earlier = items.get(item.locator());
        return earlier != null && carriable(item, earlier, scanFingerprint) ? Optional.of(earlier) : Optional.empty();
    }

    /** The rule: {@code item} may take the rows of its {@code earlier} entry (see the class comment). */
    static boolean carriable(ScanItem item, Item earlier, String scanFingerprint) {
        return item.revision() != null && item.revision().equals(earlier.revision())
                && scanFingerprint.equals(earlier.scanFingerprint())
                && (DataMapLayout.ITEM_SCANNED.equals(earlier.status()) || DataMapLayout.ITEM_CARRIED.equals(earlier.status()));
    }

    /**
     * Looks up earlier runs for one run being written: reads the committed runs once, and each earlier
     * run's items at most once (usually every source's latest run is the same one).
     */
    static final class Lookup {
        private final DataMapReader reader;
        private final String runId;
        private final String detectionFingerprint;
        private final List<RunRecord> committed;
        private final Map<String, Map<String, Map<String, Item>>> itemsByRun = new HashMap<>();
        private final Set<String> notCollected;

        /**
         * @param runId                the run being written, never used as an earlier run (an id re-used)
         * @param detectionFingerprint the run's {@link Fingerprints#detection}: runs made with another are not used
         */
        Lookup(DataMapReader reader, String runId, String detectionFingerprint) {
            this(reader, runId, detectionFingerprint, Set.of());
        }

        /**
         * @param notCollected sources whose earlier items are never brought to the driver (they are listed in
         *                     shards and joined with their earlier items on the executors); only {@link #latest} serves them
         */
        Lookup(DataMapReader reader, String runId, String detectionFingerprint, Set<String> notCollected) {
            this.notCollected = Set.copyOf(notCollected);
            this.reader = reader;
            this.runId = runId;
            this.detectionFingerprint = detectionFingerprint;
            this.committed = reader.committedRuns();
        }

        /**
         * The latest committed run other than the one being written that scanned {@code source}, when
         * it was made with the same detection fingerprint; {@link #none()} otherwise (including runs
         * written before incremental runs existed, which have no fingerprint and no items).
         */
        PreviousScan of(String source) {
            RunRecord latest = latest(source);
            if (latest == null) {
                return none();
            }
            Map<String, Map<String, Item>> bySource = itemsByRun.computeIfAbsent(latest.runId(), id -> new HashMap<>());
            if (bySource.isEmpty()) {
                Dataset<Row> items = reader.items(latest);
                if (!notCollected.isEmpty()) {
                    items = items.where(functions.not(functions.col("source").isin(notCollected.toArray())));
                }
                for (Row row : items.select("source", DataMapLayout.ITEM, "revision",
                        DataMapLayout.STATUS, "scanned_run_id", "scan_fingerprint").collectAsList()) {
                    bySource.computeIfAbsent(Rows.string(row, "source"), s -> new HashMap<>())
                            .put(Rows.string(row, DataMapLayout.ITEM), new Item(Rows.string(row, "revision"),
                                    Rows.string(row, DataMapLayout.STATUS), Rows.string(row, "scanned_run_id"),
                                    Rows.string(row, "scan_fingerprint")));
                }
            }
            return new PreviousScan(latest, bySource.getOrDefault(source, Map.of()));
        }

        /**
         * The latest committed run other than the one being written that scanned {@code source}, when it was
         * made with the same detection fingerprint; else null.
         */
        RunRecord latest(String source) {
            RunRecord latest = null;
            for (int i = committed.size() - 1; i >= 0 && latest == null; i--) {
                RunRecord run = committed.get(i);
                if (run.sources().contains(source) && !run.runId().equals(runId)) {
                    latest = run;
                }
            }
            return latest == null || !Objects.equals(latest.detectionFingerprint(), detectionFingerprint) ? null : latest;
        }
    }
}

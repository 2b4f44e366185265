package dev.piimap.reports.datamap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the {@code runs} table: what a run scanned and how it ended. Written last by the data
 * map writer as the run's commit marker; readers see only runs with status {@value DataMapLayout#STATUS_COMMITTED}.
 *
 * @param runId          1 to 64 letters, digits, {@code .}, {@code _} or {@code -} (see {@link #requireValidRunId})
 * @param finishedAt     null only while a run is not committed
 * @param sources        names of the sources the run scanned, in config order
 * @param itemsListed    items the connectors listed (tables, files); each ends with one outcome
 * @param assets         rows the run wrote to {@code assets}
 * @param findings       rows the run wrote to {@code findings}
 * @param errors         assets whose status is {@code error}
 * @param scannerVersion the piimap version that wrote the run, or null when unknown
 * @param detectionFingerprint what decides findings (scanner version, detectors, samples, extraction
 *                       limits) as a hash: a later run carries rows forward only from a run with the
 *                       same fingerprint; null for runs written before it existed (never carried from)
 * @param itemsCarried   of the listed items, those carried forward unchanged from an earlier run
 * @param fingerprintKeyId identifies the {@code fingerprint-key} the run's subject index was made with (the
 *                       classifiers' {@code Fingerprinter.keyId()}: 16 hex digits of an HMAC of a fixed text,
 *                       which reveals nothing of the key); null when the run kept no subject index (no key, or a
 *                       run written before the column existed)
 */
public record RunRecord(String runId, Instant startedAt, Instant finishedAt, String status, List<String> sources,
                        long itemsListed, long assets, long findings, long errors, String scannerVersion,
                        String detectionFingerprint, long itemsCarried, String fingerprintKeyId) {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    public RunRecord {
        requireValidRunId(runId);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        if (status.isBlank()) {
            throw new IllegalArgumentException("run " + runId + " needs a status");
        }
        if (finishedAt == null && DataMapLayout.STATUS_COMMITTED.equals(status)) {
            throw new IllegalArgumentException("committed run " + runId + " needs a finish time");
        }
        sources = List.copyOf(sources);
        requireCount(runId, "itemsListed", itemsListed);
        requireCount(runId, "assets", assets);
        requireCount(runId, "findings", findings);
        requireCount(runId, "errors", errors);
        requireCount(runId, "itemsCarried", itemsCarried);
        if (fingerprintKeyId != null && !KEY_ID.matcher(fingerprintKeyId).matches()) {
            throw new IllegalArgumentException("run " + runId + ": fingerprintKeyId must be 16 lower-case hex digits");
        }
    }

    /** A run without a subject index key id (as runs were before the subject index). */
    public RunRecord(String runId, Instant startedAt, Instant finishedAt, String status, List<String> sources,
                     long itemsListed, long assets, long findings, long errors, String scannerVersion,
                     String detectionFingerprint, long itemsCarried) {
        this(runId, startedAt, finishedAt, status, sources, itemsListed, assets, findings, errors, scannerVersion,
                detectionFingerprint, itemsCarried, null);
    }

    /** A run without a detection fingerprint and nothing carried (as runs were before incremental runs). */
    public RunRecord(String runId, Instant startedAt, Instant finishedAt, String status, List<String> sources,
                     long itemsListed, long assets, long findings, long errors, String scannerVersion) {
        this(runId, startedAt, finishedAt, status, sources, itemsListed, assets, findings, errors, scannerVersion,
                null, 0, null);
    }

    /** A complete run, ready to be committed. */
    public static RunRecord committed(String runId, Instant startedAt, Instant finishedAt, List<String> sources,
                                      long itemsListed, long assets, long findings, long errors,
                                      String scannerVersion) {
        return new RunRecord(runId, startedAt, finishedAt, DataMapLayout.STATUS_COMMITTED, sources, itemsListed,
                assets, findings, errors, scannerVersion);
    }

    /** This run with its detection fingerprint and the number of items it carried forward. */
    public RunRecord withIncremental(String fingerprint, long carried) {
        return new RunRecord(runId, startedAt, finishedAt, status, sources, itemsListed, assets, findings, errors,
                scannerVersion, fingerprint, carried, fingerprintKeyId);
    }

    /** This run with the key id of its subject index (null: the run kept none). */
    public RunRecord withFingerprintKeyId(String keyId) {
        return new RunRecord(runId, startedAt, finishedAt, status, sources, itemsListed, assets, findings, errors,
                scannerVersion, detectionFingerprint, itemsCarried, keyId);
    }

    /** This run with another status (for example {@value DataMapLayout#STATUS_INCOMPLETE}). */
    public RunRecord withStatus(String newStatus) {
        return new RunRecord(runId, startedAt, finishedAt, newStatus, sources, itemsListed, assets, findings, errors,
                scannerVersion, detectionFingerprint, itemsCarried, fingerprintKeyId);
    }

    public boolean isCommitted() {
        return DataMapLayout.STATUS_COMMITTED.equals(status);
    }

    /**
     * Returns {@code runId} when it is safe to use in a table predicate and a file name, else throws
     * {@link IllegalArgumentException} naming the value and the rule.
     */
    public static String requireValidRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' is not valid: use 1 to 64 letters, digits, "
                    + "'.', '_' or '-' (for example 2026-11-28T10.15.00Z or nightly-42)");
        }
        return runId;
    }

    /** This record as a row of {@link DataMapLayout#RUNS_SCHEMA}. */
    public Row toRow() {
        return RowFactory.create(runId, startedAt, finishedAt, status, sources, itemsListed, assets, findings,
                errors, scannerVersion, detectionFingerprint, itemsCarried, fingerprintKeyId);
    }

    /**
     * Reads a row of the {@code runs} table (columns by name, so extra columns are ignored and columns
     * a row predates read as null or 0).
     */
    public static RunRecord fromRow(Row row) {
        return new RunRecord(
                Rows.string(row, "run_id"),
                Rows.instant(row, "started_at"),
                Rows.instant(row, "finished_at"),
                Rows.string(row, "status"),
                Rows.strings(row, "sources"),
                Rows.longOrZero(row, "items_listed"),
                Rows.longOrZero(row, "assets"),
                Rows.longOrZero(row, "findings"),
                Rows.longOrZero(row, "errors"),
                Rows.string(row, "scanner_version"),
                Rows.has(row, "detection_fingerprint") ? Rows.string(row, "detection_fingerprint") : null,
                Rows.has(row, "items_carried") ? Rows.longOrZero(row, "items_carried") : 0,
                Rows.has(row, "fingerprint_key_id") ? Rows.string(row, "fingerprint_key_id") : null);
    }

    private static void requireCount(String runId, String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("run " + runId + ": " + name + " must be >= 0, was " + value);
        }
    }
}

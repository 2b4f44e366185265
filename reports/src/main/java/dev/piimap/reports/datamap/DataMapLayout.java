package dev.piimap.reports.datamap;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the data map's six Delta tables live and what they hold. The data map is a directory (a
 * path, or a {@code file:} or {@code s3a:} URI) with one table per sub-directory:
 * <ul>
 *   <li>{@code runs}: one row per run; the row is written last and is the run's commit marker.
 *       Readers see a run only when its row has status {@value #STATUS_COMMITTED}.</li>
 *   <li>{@code assets}: one row per asset a run looked at (a column, a file, an entry inside a file),
 *       with its outcome.</li>
 *   <li>{@code findings}: one row per (source, asset, entity type) found.</li>
 *   <li>{@code items}: one row per item (table, file, object) a run listed: its change token
 *       ({@code revision}) and whether the run scanned it or carried its rows forward from the run
 *       that last scanned it ({@code scanned_run_id}). Incremental runs compare revisions with it.</li>
 *   <li>{@code subjects}: the subject index for data-subject requests: one row per (source, asset, entity
 *       type, keyed fingerprint of an identifier found there), with the number of occurrences and, where
 *       known, the keys of the rows (or the line numbers) holding it. Fingerprints, never values.</li>
 *   <li>{@code dates}: how old a table's rows are, for retention: one row per (source, table, date column,
 *       day) with the number of rows dated that day, counted or estimated from a sample.</li>
 * </ul>
 * All six are partitioned by {@code run_id}, the unit a run replaces, so writing one run never
 * rewrites (or conflicts with) another run's files. Every committed run is a complete snapshot: rows
 * carried forward are copied into the run, never referenced.
 *
 * <p>Columns added after a data map was created (the {@code item} column of assets and findings,
 * the run's fingerprint and carried count, the items table) are added to an existing data map on
 * its next write; rows written before then read them as null.
 * Columns marked {@code NOT NULL} below are required; all others may be null. Samples are masked and
 * details never carry scanned content: the data map holds no raw values.
 *
 * @param root the data map location as given (trailing slashes removed)
 */
public record DataMapLayout(String root) {
    public static final String RUNS = "runs";
    public static final String ASSETS = "assets";
    public static final String FINDINGS = "findings";
    public static final String ITEMS = "items";
    public static final String SUBJECTS = "subjects";
    public static final String DATES = "dates";

    public static final String RUN_ID = "run_id";
    public static final String STATUS = "status";
    /** In assets, findings and items: the locator of the listed item a row came from. */
    public static final String ITEM = "item";

    /** Item status: the run scanned the item. */
    public static final String ITEM_SCANNED = "scanned";
    /** Item status: the run scanned the item and at least one of its assets ended in error; never carried. */
    public static final String ITEM_FAILED = "failed";
    /** Item status: unchanged since {@code scanned_run_id}; the run holds copies of that scan's rows. */
    public static final String ITEM_CARRIED = "carried";

    /** The part of a location that is never dropped: {@code scheme://}, {@code scheme:/} or {@code /}. */
    private static final Pattern ROOT_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:/{0,2}|/");

    /** Run status of a complete run: its assets and findings are all written. */
    public static final String STATUS_COMMITTED = "committed";
    /**
     * Run status while a run id that had committed is being written again: the run is hidden from
     * readers until the new run row replaces this one.
     */
    public static final String STATUS_INCOMPLETE = "incomplete";

    /**
     * {@code runs}: run_id NOT NULL, started_at NOT NULL, status NOT NULL. {@code fingerprint_key_id} identifies
     * the key of the run's {@code subjects} fingerprints (see {@link RunRecord#fingerprintKeyId}); null when the
     * run kept no subject index.
     */
    public static final StructType RUNS_SCHEMA = new StructType(new StructField[] {
        field(RUN_ID, DataTypes.StringType, false),
        field("started_at", DataTypes.TimestampType, false),
        field("finished_at", DataTypes.TimestampType, true),
        field(STATUS, DataTypes.StringType, false),
        field("sources", DataTypes.createArrayType(DataTypes.StringType, true), true),
        field("items_listed", DataTypes.LongType, true),
        field("assets", DataTypes.LongType, true),
        field("findings", DataTypes.LongType, true),
        field("errors", DataTypes.LongType, true),
        field("scanner_version", DataTypes.StringType, true),
        field("detection_fingerprint", DataTypes.StringType, true),
        field("items_carried", DataTypes.LongType, true),
        field("fingerprint_key_id", DataTypes.StringType, true),
    });

    /**
     * {@code assets}: run_id, source, asset, asset_kind, status NOT NULL. {@code status} is
     * {@code ok|truncated|skipped|error}; {@code detail} says why for all but ok. {@code links} (null where the
     * source knows none) maps what the asset belongs to: support sources set {@code ticket} (the ticket id) and
     * {@code requester} (the keyed HMAC fingerprint of the requester's e-mail address, never the address).
     * {@code item} is the listed item that produced the row (null for a source that could not be listed).
     * Both were added after the first release: tables written before gain them on their next write, and
     * older rows read them as null.
     */
    public static final StructType ASSETS_SCHEMA = new StructType(new StructField[] {
        field(RUN_ID, DataTypes.StringType, false),
        field("source", DataTypes.StringType, false),
        field("asset", DataTypes.StringType, false),
        field("asset_kind", DataTypes.StringType, false),
        field(STATUS, DataTypes.StringType, false),
        field("detail", DataTypes.StringType, true),
        field("bytes", DataTypes.LongType, true),
        field("modified", DataTypes.TimestampType, true),
        field("links", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), true),
        field(ITEM, DataTypes.StringType, true),
    });

    /** {@code findings}: run_id, source, asset, asset_kind, type, category, count NOT NULL; {@code item} as in assets. */
    public static final StructType FINDINGS_SCHEMA = new StructType(new StructField[] {
        field(RUN_ID, DataTypes.StringType, false),
        field("source", DataTypes.StringType, false),
        field("asset", DataTypes.StringType, false),
        field("asset_kind", DataTypes.StringType, false),
        field("type", DataTypes.StringType, false),
        field("category", DataTypes.StringType, false),
        field("count", DataTypes.LongType, false),
        field("confidence", DataTypes.DoubleType, true),
        field("sample", DataTypes.StringType, true),
        field("explanation", DataTypes.StringType, true),
        field("detector", DataTypes.StringType, true),
        field(ITEM, DataTypes.StringType, true),
    });

    /**
     * {@code items}: run_id, source, item, status, scanned_run_id NOT NULL. {@code revision} is the
     * source's change token of the item (null: unknown, always scanned); {@code status} is
     * {@value #ITEM_SCANNED}, {@value #ITEM_FAILED} or {@value #ITEM_CARRIED}; {@code scanned_run_id}
     * is the run whose scan produced the item's rows (this run unless carried);
     * {@code scan_fingerprint} identifies the detection config and source settings of that scan.
     */
    public static final StructType ITEMS_SCHEMA = new StructType(new StructField[] {
        field(RUN_ID, DataTypes.StringType, false),
        field("source", DataTypes.StringType, false),
        field(ITEM, DataTypes.StringType, false),
        field("revision", DataTypes.StringType, true),
        field(STATUS, DataTypes.StringType, false),
        field("scanned_run_id", DataTypes.StringType, false),
        field("bytes", DataTypes.LongType, true),
        field("modified", DataTypes.TimestampType, true),
        field("scan_fingerprint", DataTypes.StringType, true),
    });

    /**
     * {@code subjects}: run_id, source, asset, asset_kind, type, fingerprint, count NOT NULL. {@code fingerprint}
     * is the keyed HMAC-SHA256 of the normalised identifier (64 hex digits, see the classifiers' Fingerprinter),
     * {@code count} its occurrences in the asset, {@code keys} where they occur when the source knows (row keys
     * of a table as {@code column=value}, {@code line N} of a text), capped per row; {@code item} as in assets.
     */
    public static final StructType SUBJECTS_SCHEMA = new StructType(new StructField[] {
        field(RUN_ID, DataTypes.StringType, false),
        field("source", DataTypes.StringType, false),
        field("asset", DataTypes.StringType, false),
        field("asset_kind", DataTypes.StringType, false),
        field("type", DataTypes.StringType, false),
        field("fingerprint", DataTypes.StringType, false),
        field("count", DataTypes.LongType, false),
        field("keys", DataTypes.createArrayType(DataTypes.StringType, true), true),
        field(ITEM, DataTypes.StringType, true),
    });

    /**
     * {@code dates}: run_id, source, asset, column, day, rows, estimated NOT NULL. {@code asset} is the table
     * ({@code schema.table}), {@code column} the date or timestamp column the rows were dated by, {@code day}
     * a calendar day (UTC) and {@code rows} how many rows carry it; {@code estimated} is true when the counts
     * were scaled up from a sample of the table rather than counted; {@code item} as in assets.
     */
    public static final StructType DATES_SCHEMA = new StructType(new StructField[] {
        field(RUN_ID, DataTypes.StringType, false),
        field("source", DataTypes.StringType, false),
        field("asset", DataTypes.StringType, false),
        field("column", DataTypes.StringType, false),
        field("day", DataTypes.DateType, false),
        field("rows", DataTypes.LongType, false),
        field("estimated", DataTypes.BooleanType, false),
        field(ITEM, DataTypes.StringType, true),
    });

    public DataMapLayout {
        Objects.requireNonNull(root, "root");
        if (root.isBlank()) {
            throw new IllegalArgumentException("the data map location is empty: give a path or a URI (file:, s3a:)");
        }
        root = stripTrailingSlashes(root.trim());
    }

    /** The layout of the data map at {@code datamapUri}: a path or a URI such as {@code s3a://bucket/datamap}. */
    public static DataMapLayout at(String datamapUri) {
        return new DataMapLayout(datamapUri);
    }

    public String runsTable() {
        return table(RUNS);
    }

    public String assetsTable() {
        return table(ASSETS);
    }

    public String findingsTable() {
        return table(FINDINGS);
    }

    public String itemsTable() {
        return table(ITEMS);
    }

    public String subjectsTable() {
        return table(SUBJECTS);
    }

    public String datesTable() {
        return table(DATES);
    }

    private String table(String name) {
        return root.endsWith("/") ? root + name : root + "/" + name;
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** Drops trailing slashes, keeping a bare root ({@code /}, {@code file:/}, {@code s3a://}) intact. */
    private static String stripTrailingSlashes(String location) {
        Matcher prefix = ROOT_PREFIX.matcher(location);
        int keep = prefix.lookingAt() ? prefix.end() : 0;
        String result = location;
        while (result.length() > Math.max(keep, 1) && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}

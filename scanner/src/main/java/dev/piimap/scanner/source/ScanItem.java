package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.Objects;

/**
 * One unit of work listed on the driver and scanned in a Spark task: a table of a database source
 * ({@code schema.table}) or a file of a files source (path relative to the root, {@code /}-separated).
 *
 * @param source         the source's configured name
 * @param locator        what to open, interpreted by the source's {@link SourceConnector}
 * @param bytes          size where known, else -1
 * @param modifiedMillis last modification (epoch millis) where known, else -1
 * @param revision       the item's change token as listed, or null when unknown: an object's ETag, a local
 *                       file's {@code size:mtimeMillis}, a table's token from its source's {@code change-detection}.
 *                       Equal tokens mean an unchanged item, so an incremental run carries its earlier results
 *                       forward; null means it is always scanned. A connector may also use it to read exactly
 *                       that version (S3 {@code If-Match})
 */
public record ScanItem(String source, String locator, long bytes, long modifiedMillis, String revision)
        implements Serializable {
    public ScanItem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locator, "locator");
    }

    /** An item whose source keeps no revision (tables, local files). */
    public ScanItem(String source, String locator, long bytes, long modifiedMillis) {
        this(source, locator, bytes, modifiedMillis, null);
    }
}

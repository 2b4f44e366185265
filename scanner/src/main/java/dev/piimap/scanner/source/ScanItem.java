package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param attributes     what the listing learnt about the item that its connector needs to scan it (a ticket's
 *                       id, a byte range), or null; never raw personal data or secrets. Immutable when set.
 *                       {@value #PART} = {@code i/k} marks the item as part {@code i} (from 0) of {@code k} of one
 *                       item that a {@link SupportsItemParts} connector split: all its parts share the locator and
 *                       revision, and the job merges their results into one
 */
public record ScanItem(String source, String locator, long bytes, long modifiedMillis, String revision,
                       Map<String, String> attributes) implements Serializable {
    /** The attribute marking one part of a split item: {@code i/k}, part {@code i} (from 0) of {@code k}. */
    public static final String PART = "part";

    public ScanItem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locator, "locator");
        attributes = attributes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An item without attributes. */
    public ScanItem(String source, String locator, long bytes, long modifiedMillis, String revision) {
        this(source, locator, bytes, modifiedMillis, revision, null);
    }

    /** An item without a revision or attributes. */
    public ScanItem(String source, String locator, long bytes, long modifiedMillis) {
        this(source, locator, bytes, modifiedMillis, null, null);
    }

    /** Whether this item is one part of a split item (it has the {@value #PART} attribute). */
    public boolean isPart() {
        return attribute(PART) != null;
    }

    /** This part's position among the item's parts, from 0; 0 for an item that is not split. */
    public int partIndex() {
        String part = attribute(PART);
        return part == null ? 0 : Integer.parseInt(part.substring(0, part.indexOf('/')));
    }

    /** How many parts the item was split into; 1 for an item that is not split. */
    public int partCount() {
        String part = attribute(PART);
        return part == null ? 1 : Integer.parseInt(part.substring(part.indexOf('/') + 1));
    }

    /** The whole item a part belongs to: the same source, locator, size, time and revision, without attributes. */
    public ScanItem whole() {
        return new ScanItem(source, locator, bytes, modifiedMillis, revision, null);
    }

    /** The attribute {@code key}, or null when the item has none by that name. */
    public String attribute(String key) {
        return attributes == null ? null : attributes.get(key);
    }
}

package dev.piimap.scanner.datamap;

import dev.piimap.reports.datamap.DataMapLayout;

import java.io.Serializable;
import java.util.Objects;

/**
 * One row of the {@code items} table (see {@link DataMapLayout#ITEMS_SCHEMA}) before the run id is set.
 *
 * @param revision        the item's change token as listed, null when the source has none
 * @param status          {@value DataMapLayout#ITEM_SCANNED}, {@value DataMapLayout#ITEM_FAILED} or
 *                        {@value DataMapLayout#ITEM_CARRIED}
 * @param scannedRunId    the run whose scan produced the item's rows
 * @param bytes           size where known, else null
 * @param modifiedMillis  last modification (epoch millis) where known, else null
 * @param scanFingerprint the detection config and source settings of that scan
 */
public record ItemRow(String source, String item, String revision, String status, String scannedRunId, Long bytes,
                      Long modifiedMillis, String scanFingerprint) implements Serializable {
    public ItemRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scannedRunId, "scannedRunId");
    }
}

package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.Objects;

/**
 * What happened to one asset: a database column, a file, or an entry inside a file
 * ({@code outer!/inner}). {@code detail} is null exactly when the status is {@link ItemStatus#OK};
 * it names the reason (a limit, an error class and code) and never contains scanned content.
 *
 * @param assetKind      {@code column}, {@code file} or {@code embedded} for assets; {@code table} when a table's
 *                       columns could not be listed, {@code source} when a whole source could not be listed,
 *                       {@code item} when a connector failed unexpectedly
 * @param bytes          size in bytes where known, else null
 * @param modifiedMillis last modification (epoch millis) where known, else null
 */
public record AssetOutcome(String source, String asset, String assetKind, ItemStatus status, String detail,
                           Long bytes, Long modifiedMillis) implements Serializable {
    public AssetOutcome {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(assetKind, "assetKind");
        Objects.requireNonNull(status, "status");
        if (status == ItemStatus.OK) {
            detail = null;
        } else if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("asset outcome " + status.wireName() + " needs a reason");
        }
    }
}

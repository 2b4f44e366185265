package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened to one asset: a database column, a file, or an entry inside a file
 * ({@code outer!/inner}). {@code detail} is null exactly when the status is {@link ItemStatus#OK};
 * it names the reason (a limit, an error class and code) and never contains scanned content.
 *
 * @param assetKind      {@code column}, {@code file} or {@code embedded} for assets; {@code table} when a table's
 *                       columns could not be listed, {@code source} when a whole source could not be listed,
 *                       {@code item} when a connector failed unexpectedly; {@code ticket} and {@code attachment}
 *                       for support sources
 * @param bytes          size in bytes where known, else null
 * @param modifiedMillis last modification (epoch millis) where known, else null
 * @param links          what the asset belongs to, where the source knows, else null: for support sources
 *                       {@code ticket} (the ticket id) and {@code requester} (the keyed fingerprint of the
 *                       requester's e-mail address as {@code EMAIL_ADDRESS}, never the address). Immutable when set
 */
public record AssetOutcome(String source, String asset, String assetKind, ItemStatus status, String detail,
                           Long bytes, Long modifiedMillis, Map<String, String> links) implements Serializable {
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
        links = links == null || links.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(links));
    }

    /** An outcome without links. */
    public AssetOutcome(String source, String asset, String assetKind, ItemStatus status, String detail,
                        Long bytes, Long modifiedMillis) {
        this(source, asset, assetKind, status, detail, bytes, modifiedMillis, null);
    }

    /** This outcome with {@code links} in place of its own. */
    public AssetOutcome withLinks(Map<String, String> links) {
        return new AssetOutcome(source, asset, assetKind, status, detail, bytes, modifiedMillis, links);
    }
}

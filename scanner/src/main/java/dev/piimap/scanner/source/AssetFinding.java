package dev.piimap.scanner.source;

import dev.piimap.classifiers.EntityType;

import java.io.Serializable;
import java.util.Objects;

/**
 * One (asset, entity type) row of the data map: how many matches, how sure we are, a masked sample
 * (never a raw value; null when masking is off) and a one-line explanation of the verdict.
 */
public record AssetFinding(String source, String asset, String assetKind, EntityType type, long count,
                           double confidence, String sample, String explanation, String detector)
        implements Serializable {
    public AssetFinding {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(assetKind, "assetKind");
        Objects.requireNonNull(type, "type");
        if (count < 1) {
            throw new IllegalArgumentException("a finding row needs count >= 1, was " + count);
        }
    }

    public String category() {
        return type.category();
    }
}

package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.List;

/**
 * Everything one {@link ScanItem} produced: at least one asset outcome (the item itself or, for a
 * table, its columns; for a file, the file plus its embedded entries) and the findings of those assets.
 */
public record ItemResult(List<AssetOutcome> assets, List<AssetFinding> findings) implements Serializable {
    public ItemResult {
        assets = List.copyOf(assets);
        findings = List.copyOf(findings);
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("an item result needs at least one asset outcome");
        }
    }

    public static ItemResult of(AssetOutcome outcome) {
        return new ItemResult(List.of(outcome), List.of());
    }
}

package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.List;

/**
 * Everything one {@link ScanItem} produced: at least one asset outcome (the item itself or, for a
 * table, its columns; for a file, the file plus its embedded entries), the findings of those assets,
 * their entries in the subject index, and (for tables with date columns) how old their rows are.
 */
public record ItemResult(List<AssetOutcome> assets, List<AssetFinding> findings, List<SubjectEntry> subjects,
                         List<DatedRows> dates) implements Serializable {
    public ItemResult {
        assets = List.copyOf(assets);
        findings = List.copyOf(findings);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        dates = dates == null ? List.of() : List.copyOf(dates);
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("an item result needs at least one asset outcome");
        }
    }

    /** A result without subject-index entries or row dates. */
    public ItemResult(List<AssetOutcome> assets, List<AssetFinding> findings) {
        this(assets, findings, List.of(), List.of());
    }

    public static ItemResult of(AssetOutcome outcome) {
        return new ItemResult(List.of(outcome), List.of());
    }
}

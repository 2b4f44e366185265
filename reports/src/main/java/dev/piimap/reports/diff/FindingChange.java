package dev.piimap.reports.diff;

import java.util.Locale;
import java.util.Objects;

/**
 * How one (source, asset, type) differs between two runs. The side a finding is absent from has null
 * count and confidence: {@code fromCount} is null for {@link Kind#NEW}, {@code toCount} for
 * {@link Kind#REMOVED}; confidence may also be null where the data map holds none.
 *
 * @param category the type's data category (of the later run when both have one)
 */
public record FindingChange(Kind change, String source, String asset, String type, String category,
                            Long fromCount, Long toCount, Double fromConfidence, Double toConfidence) {
    /** What happened to the finding from the first run to the second. */
    public enum Kind {
        /** Only in the second run. */
        NEW,
        /** Only in the first run. */
        REMOVED,
        /** In both, with another count or confidence. */
        CHANGED;

        /** {@code new}, {@code removed} or {@code changed}: the name in the output. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FindingChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(type, "type");
        if ((change != Kind.NEW && fromCount == null) || (change != Kind.REMOVED && toCount == null)) {
            throw new IllegalArgumentException(change.wireName() + " finding " + source + ": " + asset + " " + type
                    + " needs the count of each run it is in");
        }
    }
}

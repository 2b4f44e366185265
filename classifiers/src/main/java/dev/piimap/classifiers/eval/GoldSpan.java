package dev.piimap.classifiers.eval;

import dev.piimap.classifiers.EntityType;

import java.util.Objects;

/**
 * One labelled entity in a {@link LabelledRecord}: its type and its offsets, Java {@code String}
 * indices (UTF-16 code units) with {@code end} exclusive, as in a {@code Finding}.
 */
public record GoldSpan(EntityType type, int start, int end) {
    public GoldSpan {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}

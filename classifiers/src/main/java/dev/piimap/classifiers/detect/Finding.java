package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.EntityType;

import java.util.Objects;

/**
 * One match in a text. Offsets are Java {@code String} indices (UTF-16 code units), {@code end}
 * exclusive. A finding never holds the matched text: callers that need it (masking, fingerprints)
 * take {@code text.substring(start, end)} themselves and must not log it.
 */
public record Finding(EntityType type, int start, int end, double score, String detector, Evidence evidence) {
    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detector, "detector");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("finding span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
        }
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("finding score must be in [0, 1], was " + score);
        }
    }

    public int length() {
        return end - start;
    }
}

package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.EntityType;

import java.util.List;

/**
 * Finds one entity type in text. Implementations are immutable and thread-safe: one instance serves
 * every thread of a JVM. {@link #detect} must run in time linear in the text length (no backtracking
 * regex engines) and must not throw on any input; it returns an empty list when nothing matches.
 */
public interface Detector {
    /** Stable kebab-case id, reported as the finding's {@code detector}. */
    String id();

    EntityType type();

    /** All matches in {@code text}, in order of start offset. */
    List<Finding> detect(CharSequence text);
}

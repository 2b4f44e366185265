package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.EntityType;

import java.util.List;
import java.util.Map;

/**
 * Finds one entity type in text. Implementations are immutable and thread-safe: one instance serves
 * every thread of a JVM. {@link #detect} must run in time linear in the text length (no backtracking
 * regex engines) and must not throw on any input; it returns an empty list when nothing matches.
 *
 * <p>Most detectors are declarative: a {@link DetectorSpec} YAML resource compiled by
 * {@link DetectorSpecs#compile}. Implement this interface directly only where logic is needed.
 */
public interface Detector {
    /** Stable kebab-case id, reported as the finding's {@code detector}. */
    String id();

    EntityType type();

    /** All matches in {@code text}, in order of start offset, not overlapping one another. */
    List<Finding> detect(CharSequence text);

    /**
     * Like {@link #detect}, and also counts the candidates that had the right shape but failed a
     * validator (a checksum, a known-fake list): column profiling reports that rate. Detectors without
     * validators need not override this.
     */
    default Examination examine(CharSequence text) {
        return new Examination(detect(text), Map.of());
    }

    /**
     * Like {@link #examine(CharSequence)} on {@link TextIndex#text()}, sharing the facts the index has
     * gathered about the text with the other detectors run on it. Detectors that do not use the index
     * need not override this.
     */
    default Examination examine(TextIndex text) {
        return examine(text.text());
    }

    /**
     * Lower-case words that, found in a database column name, suggest the column holds this type
     * (e.g. {@code email}, {@code e_mail}). Hints of five or more characters also match inside a
     * longer name ({@code customer_email}); shorter ones only as a whole word ({@code ip}, not
     * {@code zip}). Empty by default.
     */
    default List<String> columnNameHints() {
        return List.of();
    }
}

package dev.piimap.classifiers;

import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The detection entry point: runs a set of detectors over a text and returns their findings in
 * order of start offset. Immutable and thread-safe; {@link #defaults()} is shared by the whole JVM.
 */
public final class Classifier {
    private static volatile Classifier defaults;

    private final List<Detector> detectors;
    private final double minScore;

    private Classifier(List<Detector> detectors, double minScore) {
        this.detectors = List.copyOf(detectors);
        this.minScore = minScore;
    }

    /** Every built-in detector, loaded once per JVM. */
    public static Classifier defaults() {
        Classifier c = defaults;
        if (c == null) {
            synchronized (Classifier.class) {
                c = defaults;
                if (c == null) {
                    c = new Classifier(BuiltInDetectors.load(), 0.0);
                    defaults = c;
                }
            }
        }
        return c;
    }

    public static Classifier of(List<Detector> detectors) {
        return new Classifier(detectors, 0.0);
    }

    /** A classifier that runs only the detectors of {@code types}. */
    public Classifier restrictTo(Set<EntityType> types) {
        Set<EntityType> wanted = types.isEmpty() ? EnumSet.noneOf(EntityType.class) : EnumSet.copyOf(types);
        return new Classifier(detectors.stream().filter(d -> wanted.contains(d.type())).toList(), minScore);
    }

    /** A classifier that drops findings scoring below {@code threshold}. */
    public Classifier withMinScore(double threshold) {
        return new Classifier(detectors, threshold);
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /** All findings in {@code text} with score at least the minimum, ordered by start then end. Never throws. */
    public List<Finding> detect(CharSequence text) {
        List<Finding> all = new ArrayList<>();
        for (Detector d : detectors) {
            for (Finding f : d.detect(text)) {
                if (f.score() >= minScore) {
                    all.add(f);
                }
            }
        }
        all.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return all;
    }
}

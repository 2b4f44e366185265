package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Finding;
import dev.piimap.classifiers.mask.Masker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the sampled values of one column into one verdict per type. Not thread-safe: one
 * instance per column.
 */
public final class ColumnProfiler {
    private final Classifier classifier;
    private final String columnName;
    private final String sqlType;
    private long values;
    private long nulls;
    private final Map<EntityType, long[]> valuesWith = new EnumMap<>(EntityType.class);
    private final Map<EntityType, long[]> matches = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Double> best = new EnumMap<>(EntityType.class);
    private final Map<EntityType, String> samples = new EnumMap<>(EntityType.class);
    private final Map<EntityType, String> detectors = new EnumMap<>(EntityType.class);

    public ColumnProfiler(Classifier classifier, String columnName, String sqlType) {
        this.classifier = classifier;
        this.columnName = columnName;
        this.sqlType = sqlType;
    }

    /** Adds one sampled value; null and blank values count as empty. */
    public void add(String value) {
        if (value == null || value.isBlank()) {
            nulls++;
            return;
        }
        values++;
        Map<EntityType, Boolean> seen = new EnumMap<>(EntityType.class);
        for (Finding f : classifier.detect(value)) {
            matches.computeIfAbsent(f.type(), t -> new long[1])[0]++;
            seen.put(f.type(), true);
            if (f.score() > best.getOrDefault(f.type(), -1.0)) {
                best.put(f.type(), f.score());
                samples.put(f.type(), Masker.mask(f.type(), value.substring(f.start(), f.end())));
                detectors.put(f.type(), f.detector());
            }
        }
        seen.keySet().forEach(t -> valuesWith.computeIfAbsent(t, k -> new long[1])[0]++);
    }

    public List<TypeSummary> verdicts() {
        List<TypeSummary> out = new ArrayList<>();
        valuesWith.forEach((type, n) -> {
            double share = values == 0 ? 0 : (double) n[0] / values;
            double confidence = Math.min(1.0, best.get(type) * (0.5 + 0.5 * share));
            String explanation = String.format(java.util.Locale.ROOT, "%d%% of %,d sampled values contain %s; column '%s' (%s)",
                    Math.round(share * 100), values, type, columnName, sqlType);
            out.add(new TypeSummary(type, matches.get(type)[0], confidence, samples.get(type), explanation, detectors.get(type)));
        });
        return out;
    }
}

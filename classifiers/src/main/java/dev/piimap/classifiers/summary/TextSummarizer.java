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
 * Accumulates the findings of one free-text asset (a file, an attachment) fed in chunks. Not
 * thread-safe: one instance per asset. Chunks are classified independently, so a caller splitting a
 * long text should split at whitespace.
 */
public final class TextSummarizer {
    private final Classifier classifier;
    private final Map<EntityType, long[]> counts = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Double> best = new EnumMap<>(EntityType.class);
    private final Map<EntityType, String> samples = new EnumMap<>(EntityType.class);
    private final Map<EntityType, String> detectors = new EnumMap<>(EntityType.class);

    public TextSummarizer(Classifier classifier) {
        this.classifier = classifier;
    }

    public void add(CharSequence chunk) {
        for (Finding f : classifier.detect(chunk)) {
            counts.computeIfAbsent(f.type(), t -> new long[1])[0]++;
            if (f.score() > best.getOrDefault(f.type(), -1.0)) {
                best.put(f.type(), f.score());
                samples.put(f.type(), Masker.mask(f.type(), chunk.subSequence(f.start(), f.end()).toString()));
                detectors.put(f.type(), f.detector());
            }
        }
    }

    /** One summary per type found, in {@link EntityType} order. */
    public List<TypeSummary> result() {
        List<TypeSummary> out = new ArrayList<>();
        counts.forEach((type, n) -> out.add(new TypeSummary(type, n[0], best.get(type), samples.get(type),
                n[0] + " match" + (n[0] == 1 ? "" : "es") + " in the text", detectors.get(type))));
        return out;
    }
}

package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Span-level precision, recall and F1 for one entity type: a finding matches a gold mention of the
 * same type when their overlap covers at least half of each; each gold mention matches at most once.
 */
final class SpanScores {
    private final EntityType type;
    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private final List<String> errors = new ArrayList<>();

    SpanScores(EntityType type) {
        this.type = type;
    }

    void add(Sample sample, List<Finding> findings) {
        List<Mention> gold = new ArrayList<>(sample.mentionsOf(type));
        for (Finding f : findings) {
            if (f.type() != type) {
                continue;
            }
            Mention match = null;
            for (Mention m : gold) {
                if (matches(m.start(), m.end(), f.start(), f.end())) {
                    match = m;
                    break;
                }
            }
            if (match != null) {
                gold.remove(match);
                truePositives++;
            } else {
                falsePositives++;
                errors.add("FP [" + sample.text().substring(f.start(), f.end()) + "] in: " + sample.text());
            }
        }
        falseNegatives += gold.size();
        gold.forEach(m -> errors.add("FN [" + sample.text().substring(m.start(), m.end()) + "] in: " + sample.text()));
    }

    static boolean matches(int goldStart, int goldEnd, int start, int end) {
        int overlap = Math.min(goldEnd, end) - Math.max(goldStart, start);
        return overlap > 0 && overlap * 2 >= goldEnd - goldStart && overlap * 2 >= end - start;
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 1 : truePositives / (double) (truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    List<String> errors() {
        return errors;
    }

    static SpanScores of(EntityType type, List<Sample> samples, Function<String, List<Finding>> detector) {
        SpanScores scores = new SpanScores(type);
        samples.forEach(s -> scores.add(s, detector.apply(s.text())));
        return scores;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", type, precision(), recall(), f1(),
                truePositives, falsePositives, falseNegatives);
    }
}

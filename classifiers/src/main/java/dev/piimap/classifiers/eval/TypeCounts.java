package dev.piimap.classifiers.eval;

/**
 * Span-level counts for one entity type (or a total) and the scores derived from them. A score whose
 * denominator is zero (precision with nothing found, recall with nothing labelled) is {@code NaN}.
 *
 * @param gold             labelled spans
 * @param found            findings (predictions)
 * @param truePositives    findings paired with a gold span ({@link SpanMatching})
 * @param negativeFindings findings in negative records (also counted as false positives)
 */
public record TypeCounts(long gold, long found, long truePositives, long negativeFindings) {
    public static final TypeCounts ZERO = new TypeCounts(0, 0, 0, 0);

    public TypeCounts {
        if (gold < 0 || found < 0 || truePositives < 0 || negativeFindings < 0
                || truePositives > gold || truePositives > found || negativeFindings > found) {
            throw new IllegalArgumentException("inconsistent counts: gold " + gold + ", found " + found
                    + ", true positives " + truePositives + ", in negatives " + negativeFindings);
        }
    }

    public long falsePositives() {
        return found - truePositives;
    }

    public long falseNegatives() {
        return gold - truePositives;
    }

    public double precision() {
        return found == 0 ? Double.NaN : (double) truePositives / found;
    }

    public double recall() {
        return gold == 0 ? Double.NaN : (double) truePositives / gold;
    }

    /**
     * {@code 2 TP / (gold + found)}: the harmonic mean of precision and recall where both are defined,
     * 0 when only one is (nothing found, or nothing labelled), NaN when both are zero.
     */
    public double f1() {
        return gold + found == 0 ? Double.NaN : 2.0 * truePositives / (gold + found);
    }

    public TypeCounts plus(TypeCounts other) {
        return new TypeCounts(gold + other.gold, found + other.found, truePositives + other.truePositives,
                negativeFindings + other.negativeFindings);
    }
}

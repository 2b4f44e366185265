package dev.piimap.classifiers.eval;

import dev.piimap.classifiers.detect.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a finding counts as a labelled span, and how findings are paired with spans.
 *
 * <p>A finding and a gold span are <em>compatible</em> when they have the same entity type and
 * <ul>
 *   <li>{@link #OVERLAP} (the default): they share at least half of the longer one's length,
 *       {@code 2 * overlap >= max(goldLength, findingLength)}. A finding that drops a trailing
 *       check digit, or takes in one separator too many, still counts; one covering only the
 *       first half of an IBAN, or a span three times its size, does not;</li>
 *   <li>{@link #EXACT}: they have the same start and the same end.</li>
 * </ul>
 * Pairs are then chosen greedily, the largest overlap first (ties: the earlier gold span, then the
 * earlier finding); each gold span and each finding is used at most once. Paired findings are true
 * positives, unpaired findings false positives, unpaired gold spans false negatives. A finding of the
 * wrong type is therefore both a false positive (its type) and leaves a false negative (the gold type).
 */
public enum SpanMatching {
    OVERLAP("overlap >= 50% of the longer span, same type"),
    EXACT("exact start and end, same type");

    private final String description;

    SpanMatching(String description) {
        this.description = description;
    }

    /** One line saying the rule, for report headers. */
    public String description() {
        return description;
    }

    /** Whether a finding at {@code [fStart, fEnd)} may count as the gold span {@code [gStart, gEnd)} of the same type. */
    public boolean compatible(int gStart, int gEnd, int fStart, int fEnd) {
        if (this == EXACT) {
            return gStart == fStart && gEnd == fEnd;
        }
        int overlap = Math.min(gEnd, fEnd) - Math.max(gStart, fStart);
        return overlap > 0 && 2L * overlap >= Math.max(gEnd - gStart, fEnd - fStart);
    }

    /**
     * The number of pairs (true positives) between {@code gold} and {@code found}, all of one type,
     * chosen as the class Javadoc says.
     */
    public int matchedPairs(List<GoldSpan> gold, List<Finding> found) {
        if (gold.isEmpty() || found.isEmpty()) {
            return 0;
        }
        List<int[]> candidates = new ArrayList<>(); // {overlap, gold index, finding index}
        for (int g = 0; g < gold.size(); g++) {
            GoldSpan s = gold.get(g);
            for (int f = 0; f < found.size(); f++) {
                Finding p = found.get(f);
                if (compatible(s.start(), s.end(), p.start(), p.end())) {
                    candidates.add(new int[] {Math.min(s.end(), p.end()) - Math.max(s.start(), p.start()), g, f});
                }
            }
        }
        candidates.sort(Comparator.<int[]>comparingInt(c -> -c[0]).thenComparingInt(c -> c[1]).thenComparingInt(c -> c[2]));
        boolean[] goldUsed = new boolean[gold.size()];
        boolean[] foundUsed = new boolean[found.size()];
        int pairs = 0;
        for (int[] c : candidates) {
            if (!goldUsed[c[1]] && !foundUsed[c[2]]) {
                goldUsed[c[1]] = true;
                foundUsed[c[2]] = true;
                pairs++;
            }
        }
        return pairs;
    }
}

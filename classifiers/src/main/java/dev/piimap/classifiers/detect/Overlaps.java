package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves overlapping findings: of any two that overlap, the one with the higher score wins; on
 * equal scores the longer span wins (so an IBAN's digits are not also a phone number or card, and
 * a full number beats a fragment of it); remaining ties go to the earlier start, then detector id.
 * The outcome is deterministic and independent of the input order.
 */
public final class Overlaps {
    private static final Comparator<Finding> STRONGEST_FIRST = Comparator
            .comparingDouble(Finding::score).reversed()
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start)
            .thenComparing(Finding::detector)
            .thenComparing(f -> f.type().name());

    private Overlaps() {
    }

    /** Non-overlapping findings, ordered by start offset. */
    public static List<Finding> resolve(List<Finding> findings) {
        if (findings.size() < 2) {
            return List.copyOf(findings);
        }
        List<Finding> byStrength = new ArrayList<>(findings);
        byStrength.sort(STRONGEST_FIRST);
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding f : byStrength) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(f.start());
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(f.start());
            boolean overlaps = (before != null && before.getValue().end() > f.start())
                    || (after != null && after.getKey() < f.end());
            if (!overlaps) {
                kept.put(f.start(), f);
            }
        }
        return List.copyOf(kept.values());
    }
}

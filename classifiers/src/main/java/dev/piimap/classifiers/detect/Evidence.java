package dev.piimap.classifiers.detect;

import java.util.List;

/**
 * Why a detector reported a finding: the named pattern that matched, the validator that confirmed it
 * (or null), the context words seen near it, and the score before and after context was applied.
 * Carries names and scores only, never scanned content.
 */
public record Evidence(String pattern, String validator, List<String> contextHits, double scoreBefore, double scoreAfter) {
    public Evidence {
        contextHits = contextHits == null ? List.of() : List.copyOf(contextHits);
    }
}

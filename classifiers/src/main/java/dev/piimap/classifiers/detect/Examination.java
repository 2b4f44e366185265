package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.EntityType;

import java.util.List;
import java.util.Map;

/**
 * What a detector (or a whole classifier) made of one text: the findings it reports, and per entity
 * type how many candidates matched a pattern but were rejected by a validator or the deny list.
 * Holds counts and offsets only, never text.
 */
public record Examination(List<Finding> findings, Map<EntityType, Integer> rejectedCandidates) {
    private static final Examination EMPTY = new Examination(List.of(), Map.of());

    public Examination {
        findings = List.copyOf(findings);
        rejectedCandidates = Map.copyOf(rejectedCandidates);
    }

    /** Nothing found, nothing rejected (one shared instance: most texts hold nothing for most detectors). */
    public static Examination empty() {
        return EMPTY;
    }
}

package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.EntityType;

/**
 * The verdict for one entity type in one asset (a column, a file): how many matches, how sure we
 * are, a masked sample (never the raw value; null when none was kept), the detector that found most,
 * and a one-line explanation such as "97% of 1,000 sampled values are valid e-mail addresses".
 */
public record TypeSummary(EntityType type, long count, double confidence, String sample, String explanation,
                          String detector) {
}

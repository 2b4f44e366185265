package dev.piimap.reports.policy;

import java.util.Objects;

/**
 * A finding of a run in a place its policy does not declare for its category (policy drift).
 *
 * @param count      matches of the type in the asset
 * @param confidence in [0, 1], or null when the data map holds none
 * @param reason     one line: what is declared where, and where this was found
 */
public record Violation(Severity severity, String source, String asset, String type, String category, long count,
                        Double confidence, String reason) {
    public Violation {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reason, "reason");
    }
}

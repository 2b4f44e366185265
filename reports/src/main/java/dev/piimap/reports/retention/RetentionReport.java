package dev.piimap.reports.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RetentionCheck} found for one committed run: the violations, worst first, and the assets a
 * rule applies to whose age is unknown (a table without dated rows, a file without a modification time),
 * so that "no violations" is never read as "all checked".
 *
 * @param runId      the run checked
 * @param asOf       the day ages were measured on
 * @param violations sorted by {@link RetentionViolation#WORST_FIRST}
 * @param undated    sorted by source, then asset
 */
public record RetentionReport(String runId, LocalDate asOf, List<RetentionViolation> violations, List<Undated> undated) {
    /** An asset a rule applies to that has no date to check. */
    public record Undated(String rule, String source, String asset, String assetKind, String why) {
    }

    public RetentionReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(asOf, "asOf");
        violations = List.copyOf(violations);
        undated = List.copyOf(undated);
    }
}

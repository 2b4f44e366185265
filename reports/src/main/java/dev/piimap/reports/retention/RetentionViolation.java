package dev.piimap.reports.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One asset holding data older than the rule that applies to it allows.
 *
 * @param rule       the applying rule's name (the strictest of those that apply)
 * @param assetKind  {@code table} for a table (dated by its rows), else the asset's own kind: {@code file},
 *                   {@code embedded}, {@code attachment}, {@code ticket}, ... (dated by its modification time)
 * @param categories the asset's data categories the rule covers (all of them for a rule without categories), sorted
 * @param cutoff     the first day data may be from: {@code as-of} minus the max age
 * @param oldestDay  the oldest dated day of the table's rows, or the day (UTC) the file was modified
 * @param modified   the file's modification time; null for a table
 * @param rowsOver   rows dated before {@code cutoff}; null for a file
 * @param estimated  true when {@code rowsOver} was scaled up from a sample; false for exact counts and files
 * @param dateColumn the column the table's rows are dated by; null for a file
 */
public record RetentionViolation(String rule, String source, String asset, String assetKind, List<String> categories,
                                 MaxAge maxAge, LocalDate cutoff, LocalDate oldestDay, Instant modified, Long rowsOver,
                                 boolean estimated, String dateColumn) {
    /** Worst first: most days past the cutoff, then most rows over, then by source and asset. */
    public static final Comparator<RetentionViolation> WORST_FIRST = Comparator
            .comparingLong(RetentionViolation::daysOver).reversed()
            .thenComparing(v -> v.rowsOver() == null ? -1L : v.rowsOver(), Comparator.reverseOrder())
            .thenComparing(RetentionViolation::source)
            .thenComparing(RetentionViolation::asset);

    public RetentionViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(assetKind, "assetKind");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(oldestDay, "oldestDay");
        categories = List.copyOf(categories);
        if (!oldestDay.isBefore(cutoff)) {
            throw new IllegalArgumentException("not a violation: oldest " + oldestDay + " is not before " + cutoff);
        }
    }

    /** How many days the oldest data is past the cutoff (at least 1). */
    public long daysOver() {
        return ChronoUnit.DAYS.between(oldestDay, cutoff);
    }

    /** {@code oldest} as written: the day for a table, the modification time (ISO-8601 UTC) for a file. */
    public String oldest() {
        return modified == null ? oldestDay.toString() : modified.toString();
    }

    /** One line saying what is too old and by which measure. */
    public String reason() {
        if (rowsOver == null) {
            return "modified " + modified.atOffset(ZoneOffset.UTC).toLocalDate() + ", older than " + maxAge
                    + " (before " + cutoff + ")";
        }
        return String.format(java.util.Locale.ROOT, "%,d row%s%s dated by %s before %s (older than %s); oldest %s",
                rowsOver, rowsOver == 1 ? "" : "s", estimated ? " (estimated from a sample)" : "", dateColumn, cutoff,
                maxAge, oldestDay);
    }
}

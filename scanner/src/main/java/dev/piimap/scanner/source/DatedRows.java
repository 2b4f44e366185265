package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.Objects;

/**
 * One row of the {@code dates} table: how many rows of a table carry a given day in one of its date
 * columns, for retention (what is older than policy allows). Counts, never values.
 *
 * @param asset     the table, {@code schema.table}
 * @param column    the date or timestamp column the rows were dated by
 * @param epochDay  the calendar day (UTC) as days since 1970-01-01
 * @param rows      rows dated that day, at least 1
 * @param estimated true when {@code rows} was scaled up from a sample rather than counted
 */
public record DatedRows(String source, String asset, String column, long epochDay, long rows, boolean estimated)
        implements Serializable {
    public DatedRows {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(column, "column");
        if (rows < 1) {
            throw new IllegalArgumentException("a dated-rows entry needs rows >= 1, was " + rows);
        }
    }
}

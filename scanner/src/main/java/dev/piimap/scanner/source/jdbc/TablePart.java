package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.SupportsItemParts;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading one range of a table ({@link TableRange}) produced, or an in-order run of ranges merged ({@link #merge}):
 * each column's {@link ColumnPart} and the rows' days ({@link RowDates.Part}), or the first failure. A failed
 * range fails the whole table, as a failed read of the whole table would: every column ends in error with
 * that range's reason, without findings, subject entries or dates (and the table is rescanned next run).
 */
final class TablePart implements SupportsItemParts.ItemPart {
    private static final long serialVersionUID = 1L;

    private List<ColumnPart> columns;
    private RowDates.Part dates;
    private ItemStatus failureStatus;
    private String failure;
    private List<String> columnNames;

    private TablePart(List<ColumnPart> columns, RowDates.Part dates, ItemStatus failureStatus, String failure,
                      List<String> columnNames) {
        this.columns = columns;
        this.dates = dates;
        this.failureStatus = failureStatus;
        this.failure = failure;
        this.columnNames = columnNames;
    }

    /** A range read to its end (or to a limit, which its columns say). @param dates null when the table is not dated */
    static TablePart read(List<ColumnPart> columns, RowDates.Part dates) {
        return new TablePart(new ArrayList<>(columns), dates, null, null, null);
    }

    /** A range that could not be read. @param columnNames the table's columns, or null when they could not be listed */
    static TablePart failed(ItemStatus status, String reason, List<String> columnNames) {
        return new TablePart(null, null, status, reason, columnNames);
    }

    /** Adds the range read after this one's. May change this part. @return the merge */
    TablePart merge(TablePart later) {
        if (failure != null) {
            if (columnNames == null) {
                columnNames = later.names();
            }
            return this;
        }
        if (later.failure != null) {
            return failed(later.failureStatus, later.failure, later.columnNames != null ? later.columnNames : names());
        }
        if (!names().equals(later.names())) {
            return failed(ItemStatus.ERROR, "the table's columns changed while its ranges were read", names());
        }
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).merge(later.columns.get(i));
        }
        dates = dates == null ? later.dates : later.dates == null ? dates : dates.merge(later.dates);
        return this;
    }

    List<ColumnPart> columns() {
        return columns;
    }

    RowDates.Part dates() {
        return dates;
    }

    /** The first failure of the merged ranges, or null when all were read. */
    String failure() {
        return failure;
    }

    ItemStatus failureStatus() {
        return failureStatus;
    }

    /** The table's columns as far as known (null when no range could list them). */
    List<String> columnNames() {
        return columnNames;
    }

    private List<String> names() {
        return columns != null ? columns.stream().map(ColumnPart::name).toList() : columnNames;
    }
}

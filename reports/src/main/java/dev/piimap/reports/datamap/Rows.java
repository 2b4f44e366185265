package dev.piimap.reports.datamap;

import org.apache.spark.sql.Row;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Typed, null-safe access to data map rows by column name. Timestamps come back as {@link Instant}
 * whether or not the session has {@code spark.sql.datetime.java8API.enabled}.
 */
public final class Rows {
    private Rows() {
    }

    /** True when the row has this column (rows of tables written before a column was added lack it). */
    public static boolean has(Row row, String column) {
        return row.schema() != null && row.schema().getFieldIndex(column).isDefined();
    }

    public static String string(Row row, String column) {
        int index = row.fieldIndex(column);
        return row.isNullAt(index) ? null : row.get(index).toString();
    }

    public static Long longOrNull(Row row, String column) {
        int index = row.fieldIndex(column);
        return row.isNullAt(index) ? null : ((Number) row.get(index)).longValue();
    }

    public static long longOrZero(Row row, String column) {
        Long value = longOrNull(row, column);
        return value == null ? 0L : value;
    }

    public static Double doubleOrNull(Row row, String column) {
        int index = row.fieldIndex(column);
        return row.isNullAt(index) ? null : ((Number) row.get(index)).doubleValue();
    }

    public static Instant instant(Row row, String column) {
        int index = row.fieldIndex(column);
        if (row.isNullAt(index)) {
            return null;
        }
        Object value = row.get(index);
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("column " + column + " holds a " + value.getClass().getName()
                + ", not a timestamp");
    }

    public static List<String> strings(Row row, String column) {
        int index = row.fieldIndex(column);
        return row.isNullAt(index) ? List.of() : row.<String>getList(index);
    }
}

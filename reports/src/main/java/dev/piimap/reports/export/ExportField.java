package dev.piimap.reports.export;

import dev.piimap.reports.datamap.Rows;
import org.apache.spark.sql.Row;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One field of an export line, in the order of CONTRACT.md section 7: every row-shaped format
 * (jsonl, csv, arrow) writes the same fields, in the same order, with the same values.
 *
 * @param name     the data map column and the exported field name
 * @param kind     what {@link #value} returns
 * @param nullable false only for the data map's NOT NULL columns
 */
record ExportField(String name, Kind kind, boolean nullable) {
    /** The value types of exported fields and the Java type {@link #value} returns for each. */
    enum Kind {
        /** {@link String}. */
        STRING,
        /** {@link Long}. */
        LONG,
        /** {@link Double}. */
        DOUBLE,
        /** {@link java.time.Instant}, UTC. */
        TIMESTAMP,
        /** An unmodifiable {@code Map<String, String>} sorted by key. */
        STRING_MAP
    }

    static ExportField required(String name, Kind kind) {
        return new ExportField(name, kind, false);
    }

    static ExportField optional(String name, Kind kind) {
        return new ExportField(name, kind, true);
    }

    /**
     * This field's value in a data map row, or null. A row without the column (a table written
     * before the column was added) reads as null.
     */
    Object value(Row row) {
        if (!Rows.has(row, name)) {
            return null;
        }
        return switch (kind) {
            case STRING -> Rows.string(row, name);
            case LONG -> Rows.longOrNull(row, name);
            case DOUBLE -> Rows.doubleOrNull(row, name);
            case TIMESTAMP -> Rows.instant(row, name);
            case STRING_MAP -> stringMap(row);
        };
    }

    private Map<String, String> stringMap(Row row) {
        int index = row.fieldIndex(name);
        if (row.isNullAt(index)) {
            return null;
        }
        return Collections.unmodifiableMap(new TreeMap<>(row.<String, String>getJavaMap(index)));
    }
}

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.ScanItem;

import java.util.Map;
import java.util.Objects;

/**
 * One part of a table read in key ranges: the rows whose integer primary key {@code column} is at least
 * {@code from} and below {@code to}. The first part has no lower bound and the last no upper bound, so rows
 * added outside the keys seen at listing are still read once. Carried in the part's {@link ScanItem} attributes
 * ({@value TableRange#KIND} {@value #KIND}, {@value #COLUMN}, {@value #FROM}, {@value #TO}, next to
 * {@link ScanItem#PART}).
 *
 * @param from the lowest key of the part, or null for the first part
 * @param to   the key after the part's last, or null for the last part
 */
record KeyRange(String column, Long from, Long to) implements TableRange {
    /** The {@value TableRange#KIND} of a key range. */
    static final String KIND = "key";
    static final String COLUMN = "key-column";
    static final String FROM = "key-from";
    static final String TO = "key-to";

    KeyRange {
        Objects.requireNonNull(column, "column");
        if (from != null && to != null && from >= to) {
            throw new IllegalArgumentException("a key range needs from < to, was " + from + " and " + to);
        }
    }

    /** The key range of a part item. @throws IllegalArgumentException when the item carries none or a malformed one */
    static KeyRange of(ScanItem part) {
        String column = part.attribute(COLUMN);
        if (column == null || !part.isPart() || !KIND.equals(part.attribute(TableRange.KIND))) {
            throw new IllegalArgumentException("item is not a key range of a table");
        }
        String from = part.attribute(FROM);
        String to = part.attribute(TO);
        return new KeyRange(column, from == null ? null : Long.valueOf(from), to == null ? null : Long.valueOf(to));
    }

    @Override
    public Map<String, String> attributes(int index, int count) {
        Map<String, String> a = TableRange.partAttributes(index, count, KIND);
        a.put(COLUMN, column);
        TableRange.putBound(a, FROM, from);
        TableRange.putBound(a, TO, to);
        return a;
    }

    /** {@code  WHERE "id" >= 1000 AND "id" < 2000} (either bound left out when open), or "" when both are. */
    @Override
    public String where(String quote) {
        String key = SqlText.quote(quote, column);
        if (from == null && to == null) {
            return "";
        }
        if (from == null) {
            return " WHERE " + key + " < " + to;
        }
        return to == null ? " WHERE " + key + " >= " + from : " WHERE " + key + " >= " + from + " AND " + key + " < " + to;
    }
}

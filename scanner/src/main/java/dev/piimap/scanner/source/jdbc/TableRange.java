package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.ScanItem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of one part of a table read in parts ({@link KeyRanges} plans them at listing): either a range of its
 * integer primary key ({@link KeyRange}) or, on PostgreSQL 14 and later, a range of its heap pages by
 * {@code ctid} ({@link CtidRange}). The parts of one table are contiguous, the first open below and the last open
 * above, so together they read every row once; they merge in part order, which is key or page order.
 *
 * <p>A range travels in its part's {@link ScanItem} attributes: {@link ScanItem#PART}, {@value #KIND} (the
 * range's kind, {@value KeyRange#KIND} or {@value CtidRange#KIND}) and the kind's own bounds. Its WHERE clause is
 * generated from the database's quote string and integers only.
 */
sealed interface TableRange permits KeyRange, CtidRange {
    /** The attribute naming the kind of range a part reads. */
    String KIND = "range-kind";

    /**
     * The range of a part item, of the kind its {@value #KIND} attribute names.
     *
     * @throws IllegalArgumentException when the item is not a part, or carries no range or a malformed one
     */
    static TableRange of(ScanItem part) {
        if (!part.isPart()) {
            throw new IllegalArgumentException("item is not a range of a table");
        }
        String kind = part.attribute(KIND);
        if (KeyRange.KIND.equals(kind)) {
            return KeyRange.of(part);
        }
        if (CtidRange.KIND.equals(kind)) {
            return CtidRange.of(part);
        }
        throw new IllegalArgumentException("item is not a range of a table (" + KIND + ": " + kind + ")");
    }

    /** The attributes of part {@code index} (from 0) of {@code count} reading this range. */
    Map<String, String> attributes(int index, int count);

    /** The attributes every range starts with: {@link ScanItem#PART} and {@value #KIND}; the kind adds its bounds. */
    static Map<String, String> partAttributes(int index, int count, String kind) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(ScanItem.PART, index + "/" + count);
        a.put(KIND, kind);
        return a;
    }

    /** Puts {@code bound} under {@code key} unless the range is open there. */
    static void putBound(Map<String, String> attributes, String key, Long bound) {
        if (bound != null) {
            attributes.put(key, Long.toString(bound));
        }
    }

    /** The WHERE clause selecting the range's rows, with a leading space, or "" when the range is unbounded. */
    String where(String quote);
}

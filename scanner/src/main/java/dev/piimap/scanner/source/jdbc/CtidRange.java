package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.ScanItem;

import java.util.Map;

/**
 * One part of a PostgreSQL table read in page ranges: the rows whose {@code ctid} (heap page, line pointer) lies
 * on pages {@code from} to {@code to - 1}. PostgreSQL 14 and later read such a range with a TID Range Scan, only
 * those pages; older servers would read the whole table for each part, so {@link KeyRanges} plans none there.
 * The first part has no lower bound and the last no upper bound, so rows appended after listing (on new pages)
 * are still read once. Carried in the part's {@link ScanItem} attributes ({@value TableRange#KIND}
 * {@value #KIND}, {@value #FROM}, {@value #TO}, next to {@link ScanItem#PART}).
 *
 * <p>Caveat, as for any parallel read without a shared snapshot: each part reads its pages consistently, but a row
 * UPDATEd (or moved by {@code VACUUM FULL}/{@code CLUSTER}) while the parts run gets a new {@code ctid}, possibly on
 * a page of a part read earlier or later, and is then read twice or not at all. Key ranges do not have this
 * problem for rows whose key does not change, so a table with an integer primary key is read in key ranges.
 *
 * @param from the first page of the part, or null for the first part
 * @param to   the page after the part's last, or null for the last part
 */
record CtidRange(Long from, Long to) implements TableRange {
    /** The {@value TableRange#KIND} of a page range. */
    static final String KIND = "ctid";
    static final String FROM = "ctid-from";
    static final String TO = "ctid-to";
    /** PostgreSQL block numbers are unsigned 32-bit integers. */
    static final long MAX_PAGE = 0xFFFF_FFFFL;

    CtidRange {
        for (Long page : new Long[] {from, to}) {
            if (page != null && (page < 0 || page > MAX_PAGE)) {
                throw new IllegalArgumentException("a ctid range needs pages between 0 and " + MAX_PAGE + ", was " + page);
            }
        }
        if (from != null && to != null && from >= to) {
            throw new IllegalArgumentException("a ctid range needs from < to, was " + from + " and " + to);
        }
    }

    /** The page range of a part item. @throws IllegalArgumentException when the item carries none or a malformed one */
    static CtidRange of(ScanItem part) {
        if (!part.isPart() || !KIND.equals(part.attribute(TableRange.KIND))) {
            throw new IllegalArgumentException("item is not a ctid range of a table");
        }
        String from = part.attribute(FROM);
        String to = part.attribute(TO);
        return new CtidRange(from == null ? null : Long.valueOf(from), to == null ? null : Long.valueOf(to));
    }

    @Override
    public Map<String, String> attributes(int index, int count) {
        Map<String, String> a = TableRange.partAttributes(index, count, KIND);
        TableRange.putBound(a, FROM, from);
        TableRange.putBound(a, TO, to);
        return a;
    }

    /**
     * {@code  WHERE ctid >= '(100,0)'::tid AND ctid < '(200,0)'::tid} (either bound left out when open), or "" when
     * both are. {@code ctid} is a system column no user column can be named like, so it needs no quoting.
     */
    @Override
    public String where(String quote) {
        if (from == null && to == null) {
            return "";
        }
        String lower = from == null ? null : "ctid >= " + tid(from);
        String upper = to == null ? null : "ctid < " + tid(to);
        return " WHERE " + (lower == null ? upper : upper == null ? lower : lower + " AND " + upper);
    }

    /** The first tuple position of {@code page}: {@code '(page,0)'::tid}, which sorts before every row on it. */
    private static String tid(long page) {
        return "'(" + page + ",0)'::tid";
    }
}

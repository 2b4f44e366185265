package dev.piimap.scanner.source.jdbc;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which tables of a source read in full are read in ranges, and which ranges, decided on the driver at listing. A
 * table is split when the source reads every row ({@code sample-rows: 0}), {@code partition-rows} is above 0, and
 * the catalog's row estimate (PostgreSQL {@code pg_class.reltuples}, MariaDB/MySQL
 * {@code information_schema.TABLES.TABLE_ROWS}; other databases give none and are never split) exceeds
 * {@code partition-rows}. It is then cut into {@code ceil(estimate / partition-rows)} parts (at most
 * {@value #MAX_PARTS}), the first open-ended below and the last above, so rows added after listing are read once:
 * <ul>
 *   <li>by key ({@link KeyRange}) when its primary key is one integer column: equal key widths between
 *       {@code min(key)} and {@code max(key)}, at most one part per key value. Preferred: a row keeps its key
 *       when updated, so it stays in its range.</li>
 *   <li>else by page ({@link CtidRange}) on PostgreSQL 14 and later (TID Range Scans) for an ordinary table
 *       (relkind {@code r}; a partitioned parent has no pages of its own): equal page widths over
 *       {@code [0, pg_class.relpages)}, at most one part per page. {@code relpages} and {@code reltuples} come
 *       from the same VACUUM/ANALYZE, so equal page widths hold about equal rows; pages added since land in the
 *       last part. (The current size, {@code pg_relation_size}, would take a lock on each table at listing and
 *       wait behind any exclusive one, so it is not asked.) A row updated while the parts run may move to a
 *       page another part reads: see {@link CtidRange}.</li>
 * </ul>
 * Other tables are read whole: without an integer key on MariaDB, MySQL or PostgreSQL before 14 (where each
 * part would read the whole table), and partitioned parents without one.
 *
 * <p>Read-only like the rest of listing: one catalog query for the estimates and page counts, the catalog's
 * primary keys and columns, and per table split by key one {@code SELECT min(k), max(k)} (an index read), each
 * with {@value TableRevisions#COMMENT} and the statement timeout; page ranges need no query of their own. A table
 * whose query fails is read whole.
 */
final class KeyRanges {
    /** Parts of one table at most, whatever its size: each is a task and a connection's turn. */
    static final int MAX_PARTS = 256;
    /** The oldest PostgreSQL with TID Range Scans, which read a {@link CtidRange} without reading the whole table. */
    static final int MIN_CTID_VERSION = 14;
    private static final Set<Integer> INTEGER_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);

    private final int partitionRows;
    private final DatabaseKind kind;
    private final Duration timeout;

    KeyRanges(int partitionRows, DatabaseKind kind, Duration timeout) {
        this.partitionRows = partitionRows;
        this.kind = kind;
        this.timeout = timeout;
    }

    /** The ranges of each table to split (tables read whole are absent). Never throws. */
    Map<TableRef, List<TableRange>> plan(Connection connection, Namespaces namespaces, List<TableRef> tables) {
        Map<TableRef, List<TableRange>> plan = new HashMap<>();
        if (partitionRows <= 0 || tables.isEmpty()) {
            return plan;
        }
        Map<TableRef, Estimate> estimates = estimates(connection);
        boolean tidRangeScans = kind == DatabaseKind.POSTGRESQL && majorVersion(connection) >= MIN_CTID_VERSION;
        for (TableRef table : tables) {
            Estimate estimate = estimates.get(table);
            if (estimate == null || estimate.rows() <= partitionRows) {
                continue;
            }
            try {
                DatabaseMetaData metaData = connection.getMetaData();
                String key = integerKey(metaData, namespaces, table);
                List<? extends TableRange> ranges;
                if (key != null) {
                    ranges = ranges(connection, namespaces, metaData.getIdentifierQuoteString(), table, key, estimate.rows());
                } else if (tidRangeScans && estimate.heapPages() > 0) {
                    ranges = ctidRanges(estimate.heapPages(), estimate.rows());
                } else {
                    continue;
                }
                if (ranges.size() > 1) {
                    plan.put(table, List.copyOf(ranges));
                }
            } catch (SQLException | RuntimeException e) {
                // read whole: a table that cannot be planned is still scanned
            }
        }
        return plan;
    }

    /**
     * {@code ceil(estimate / partition-rows)} parts, capped, of equal page width over [0, pages), the first and
     * last open-ended; one when it cannot split (fewer than two pages or parts).
     */
    List<CtidRange> ctidRanges(long pages, double estimate) {
        long wanted = (long) Math.min(MAX_PARTS, Math.ceil(estimate / partitionRows));
        int parts = (int) Math.min(wanted, pages);
        if (parts < 2) {
            return List.of(new CtidRange(null, null));
        }
        List<CtidRange> out = new ArrayList<>(parts);
        Long from = null;
        for (int i = 1; i <= parts; i++) {
            Long to = i == parts ? null : Math.multiplyExact(pages, i) / parts;
            out.add(new CtidRange(from, to));
            from = to;
        }
        return out;
    }

    /** {@code ceil(estimate / partition-rows)} parts, capped, of equal key width over [min, max]; one when it cannot split. */
    List<KeyRange> ranges(long min, long max, String key, double estimate) {
        BigInteger span = BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
        long wanted = (long) Math.min(MAX_PARTS, Math.ceil(estimate / partitionRows));
        int parts = (int) Math.min(wanted, span.min(BigInteger.valueOf(MAX_PARTS)).longValue());
        if (parts < 2) {
            return List.of(new KeyRange(key, null, null));
        }
        List<KeyRange> out = new ArrayList<>(parts);
        Long from = null;
        for (int i = 1; i <= parts; i++) {
            Long to = i == parts ? null : BigInteger.valueOf(min)
                    .add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(parts))).longValueExact();
            out.add(new KeyRange(key, from, to));
            from = to;
        }
        return out;
    }

    private List<KeyRange> ranges(Connection connection, Namespaces namespaces, String quote, TableRef table, String key,
                                  double estimate) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery(minMaxQuery(namespaces, quote, table, key))) {
                if (!rs.next()) {
                    return List.of();
                }
                String min = rs.getString(1);
                String max = rs.getString(2);
                if (min == null || max == null) {
                    return List.of();
                }
                return ranges(Long.parseLong(min.strip()), Long.parseLong(max.strip()), key, estimate);
            }
        }
    }

    /** {@code /* piimap listing *}{@code / SELECT min("id"), max("id") FROM "s"."t"}, with MySQL's time hint. */
    String minMaxQuery(Namespaces namespaces, String quote, TableRef table, String key) {
        String k = SqlText.quote(quote, key);
        String hint = kind == DatabaseKind.MYSQL ? "/*+ MAX_EXECUTION_TIME(" + timeout.toMillis() + ") */ " : "";
        return TableRevisions.COMMENT + " SELECT " + hint + "min(" + k + "), max(" + k + ") FROM "
                + namespaces.qualifiedName(quote, table);
    }

    /** The table's primary key column when the key is exactly one integer column, else null. */
    private static String integerKey(DatabaseMetaData metaData, Namespaces namespaces, TableRef table) throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet rs = namespaces.primaryKeys(metaData, table)) {
            while (rs.next()) {
                if (table.namespace().equals(namespaces.namespaceOf(rs)) && table.table().equals(rs.getString("TABLE_NAME"))) {
                    bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        if (bySequence.size() != 1) {
            return null;
        }
        String key = bySequence.values().iterator().next();
        try (ResultSet rs = namespaces.columns(metaData, table)) {
            while (rs.next()) {
                if (table.namespace().equals(namespaces.namespaceOf(rs)) && table.table().equals(rs.getString("TABLE_NAME"))
                        && key.equals(rs.getString("COLUMN_NAME"))) {
                    return INTEGER_TYPES.contains(rs.getInt("DATA_TYPE")) ? key : null;
                }
            }
        }
        return null;
    }

    /**
     * What the catalog says of one table's size.
     *
     * @param heapPages PostgreSQL {@code relpages} of an ordinary table (relkind {@code r}), 0 for a partitioned
     *                  parent and on other databases
     */
    private record Estimate(double rows, long heapPages) {
    }

    /** The server's major version, 0 when the driver cannot tell. */
    private static int majorVersion(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Row estimates (and PostgreSQL page counts) of every table the catalog knows, from one catalog query; empty on
     * databases without one.
     */
    private Map<TableRef, Estimate> estimates(Connection connection) {
        String sql;
        if (kind == DatabaseKind.POSTGRESQL) {
            sql = TableRevisions.COMMENT + " SELECT n.nspname, c.relname, c.reltuples,"
                    + " CASE WHEN c.relkind = 'r' THEN c.relpages ELSE 0 END FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')";
        } else if (kind.isMysqlFamily()) {
            sql = TableRevisions.COMMENT + " SELECT " + (kind == DatabaseKind.MYSQL ? "/*+ MAX_EXECUTION_TIME("
                    + timeout.toMillis() + ") */ " : "") + "TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
                    + " WHERE TABLE_TYPE = 'BASE TABLE'";
        } else {
            return Map.of();
        }
        Map<TableRef, Estimate> out = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    double estimate = rs.getDouble(3);
                    if (!rs.wasNull() && rs.getString(1) != null && rs.getString(2) != null) {
                        // relpages is a signed int4 holding an unsigned block count
                        long pages = kind == DatabaseKind.POSTGRESQL ? Integer.toUnsignedLong(rs.getInt(4)) : 0;
                        out.put(new TableRef(rs.getString(1), rs.getString(2)), new Estimate(estimate, pages));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }
}

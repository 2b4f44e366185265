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
 * Which tables of a source read in full are read in key ranges, and which ranges, decided on the driver at
 * listing. A table is split when the source reads every row ({@code sample-rows: 0}), {@code partition-rows}
 * is above 0, the catalog's row estimate (PostgreSQL {@code pg_class.reltuples}, MariaDB/MySQL
 * {@code information_schema.TABLES.TABLE_ROWS}; other databases give none and are never split) exceeds
 * {@code partition-rows}, and its primary key is one integer column. It is then cut into
 * {@code ceil(estimate / partition-rows)} parts (at most {@value #MAX_PARTS}, at most one per key value) of
 * equal key width between {@code min(key)} and {@code max(key)}, the first and last open-ended.
 *
 * <p>Read-only like the rest of listing: one catalog query for the estimates, the catalog's primary keys and
 * columns, and per split table one {@code SELECT min(k), max(k)} (an index read), each with
 * {@value TableRevisions#COMMENT} and the statement timeout. A table whose query fails is read whole.
 */
final class KeyRanges {
    /** Parts of one table at most, whatever its size: each is a task and a connection's turn. */
    static final int MAX_PARTS = 256;
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
    Map<TableRef, List<KeyRange>> plan(Connection connection, Namespaces namespaces, List<TableRef> tables) {
        Map<TableRef, List<KeyRange>> plan = new HashMap<>();
        if (partitionRows <= 0 || tables.isEmpty()) {
            return plan;
        }
        Map<TableRef, Double> estimates = estimates(connection);
        for (TableRef table : tables) {
            Double estimate = estimates.get(table);
            if (estimate == null || estimate <= partitionRows) {
                continue;
            }
            try {
                DatabaseMetaData metaData = connection.getMetaData();
                String key = integerKey(metaData, namespaces, table);
                if (key == null) {
                    continue;
                }
                List<KeyRange> ranges = ranges(connection, namespaces, metaData.getIdentifierQuoteString(), table, key,
                        estimate);
                if (ranges.size() > 1) {
                    plan.put(table, ranges);
                }
            } catch (SQLException | RuntimeException e) {
                // read whole: a table that cannot be planned is still scanned
            }
        }
        return plan;
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

    /** Row estimates of every table the catalog knows, from one query; empty on databases without one. */
    private Map<TableRef, Double> estimates(Connection connection) {
        String sql;
        if (kind == DatabaseKind.POSTGRESQL) {
            sql = TableRevisions.COMMENT + " SELECT n.nspname, c.relname, c.reltuples FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')";
        } else if (kind.isMysqlFamily()) {
            sql = TableRevisions.COMMENT + " SELECT " + (kind == DatabaseKind.MYSQL ? "/*+ MAX_EXECUTION_TIME("
                    + timeout.toMillis() + ") */ " : "") + "TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
                    + " WHERE TABLE_TYPE = 'BASE TABLE'";
        } else {
            return Map.of();
        }
        Map<TableRef, Double> out = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    double estimate = rs.getDouble(3);
                    if (!rs.wasNull() && rs.getString(1) != null && rs.getString(2) != null) {
                        out.put(new TableRef(rs.getString(1), rs.getString(2)), estimate);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }
}

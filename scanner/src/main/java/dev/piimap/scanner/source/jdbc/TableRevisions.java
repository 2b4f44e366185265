package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig.ChangeDetection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revision (change token) of each listed table, read on the driver at listing as the source's
 * {@code change-detection} says ({@link ChangeDetection.Mode}). A token is
 * {@code <what changed>|cols:<hash of column names and types>}, so a schema change alters it too. A table
 * whose token cannot be read (no counters, a failed query, a change too recent to trust) gets none and
 * is scanned every time; nothing here fails the listing.
 *
 * <p>Read-only like everything else: catalog reads, generated SELECTs with quoted identifiers and, only
 * with {@code change-detection: checksum}, MariaDB/MySQL {@code CHECKSUM TABLE} (a read). Each carries
 * {@value #COMMENT} and the source's statement timeout.
 */
final class TableRevisions {
    static final String COMMENT = "/* piimap listing */";
    /**
     * MariaDB/MySQL {@code UPDATE_TIME} has one-second resolution: a table changed within this long before
     * the listing could change again within the same second after it, unseen. Such tables get no token.
     */
    static final Duration RECENT = Duration.ofSeconds(2);

    private final ChangeDetection detection;
    private final DatabaseKind kind;
    private final Duration timeout;

    TableRevisions(ChangeDetection detection, DatabaseKind kind, Duration timeout) {
        this.detection = detection;
        this.kind = kind;
        this.timeout = timeout;
    }

    /** Whether the database keeps counters {@code stats} can use; else every table is scanned under {@code stats}. */
    static boolean hasStats(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL || kind.isMysqlFamily();
    }

    /** The tokens of {@code tables} (absent: no token). */
    Map<TableRef, String> read(Connection connection, Namespaces namespaces, Collection<TableRef> tables) {
        Map<TableRef, String> tokens = new HashMap<>();
        if (detection.mode() == ChangeDetection.Mode.NONE || tables.isEmpty()) {
            return tokens;
        }
        Map<TableRef, List<Column>> columns = columns(connection, namespaces, tables);
        Map<TableRef, String> stats = detection.mode() == ChangeDetection.Mode.CHECKSUM ? Map.of() : stats(connection);
        String quote = quoteString(connection);
        for (TableRef table : tables) {
            List<Column> cols = columns.get(table);
            if (cols == null || cols.isEmpty()) {
                continue;
            }
            String change = switch (detection.mode()) {
                case STATS -> stats.get(table);
                case COLUMN -> {
                    Column changeColumn = changeColumn(cols);
                    yield changeColumn == null ? stats.get(table)
                            : countAndMax(connection, namespaces, quote, table, changeColumn);
                }
                case CHECKSUM -> checksum(connection, namespaces, quote, table);
                case NONE -> null;
            };
            if (change != null) {
                tokens.put(table, change + "|cols:" + signature(cols));
            }
        }
        return tokens;
    }

    /** The configured change column among the table's, matched exactly, else ignoring case. */
    private Column changeColumn(List<Column> cols) {
        for (Column c : cols) {
            if (c.name().equals(detection.column())) {
                return c;
            }
        }
        for (Column c : cols) {
            if (c.name().equalsIgnoreCase(detection.column())) {
                return c;
            }
        }
        return null;
    }

    /** Columns of the listed tables, one catalog query per namespace, in ordinal order. */
    private Map<TableRef, List<Column>> columns(Connection connection, Namespaces namespaces, Collection<TableRef> tables) {
        Map<TableRef, List<Column>> out = new HashMap<>();
        Map<String, Boolean> wanted = new TreeMap<>();
        tables.forEach(t -> wanted.put(t.namespace(), true));
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String namespace : wanted.keySet()) {
                Map<TableRef, TreeMap<Integer, Column>> numbered = new HashMap<>();
                try (ResultSet rs = namespaces.columnsOfNamespace(metaData, namespace)) {
                    while (rs.next()) {
                        TableRef table = new TableRef(namespace, rs.getString("TABLE_NAME"));
                        if (namespace.equals(namespaces.namespaceOf(rs))) {
                            numbered.computeIfAbsent(table, t -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                                    new Column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE")));
                        }
                    }
                }
                numbered.forEach((table, cols) -> out.put(table, new ArrayList<>(cols.values())));
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            return Map.of();
        }
        return out;
    }

    /** {@code stats}: one catalog query for every table of the database. */
    private Map<TableRef, String> stats(Connection connection) {
        Map<TableRef, String> out = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout((int) timeout.toSeconds());
            if (kind == DatabaseKind.POSTGRESQL) {
                // The cumulative counters of inserted, updated and deleted rows (a statistics reset restarts them, so
                // its time is part of the token) and the table's storage file, which TRUNCATE replaces without counting
                // a row. Not n_live_tup: VACUUM and ANALYZE (autovacuum) re-estimate it, which is no change of data.
                try (ResultSet rs = s.executeQuery(COMMENT + " SELECT t.schemaname, t.relname, t.n_tup_ins,"
                        + " t.n_tup_upd, t.n_tup_del, c.relfilenode, (SELECT d.stats_reset FROM pg_catalog.pg_stat_database d"
                        + " WHERE d.datname = pg_catalog.current_database()) FROM pg_catalog.pg_stat_user_tables t"
                        + " JOIN pg_catalog.pg_class c ON c.oid = t.relid")) {
                    while (rs.next()) {
                        Timestamp reset = rs.getTimestamp(7);
                        out.put(new TableRef(rs.getString(1), rs.getString(2)), "pg:" + rs.getLong(3) + "/" + rs.getLong(4)
                                + "/" + rs.getLong(5) + "/f" + rs.getLong(6) + "@" + (reset == null ? "-" : reset.getTime()));
                    }
                }
            } else if (kind.isMysqlFamily()) {
                if (kind == DatabaseKind.MYSQL) {
                    // MySQL 8 caches these columns for a day unless told otherwise; MariaDB reads them live.
                    s.execute("SET SESSION information_schema_stats_expiry = 0");
                }
                String hint = kind == DatabaseKind.MYSQL ? "/*+ MAX_EXECUTION_TIME(" + timeout.toMillis() + ") */ " : "";
                try (ResultSet rs = s.executeQuery(COMMENT + " SELECT " + hint + "TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS,"
                        + " UPDATE_TIME, CHECKSUM, CURRENT_TIMESTAMP FROM information_schema.TABLES"
                        + " WHERE TABLE_TYPE = 'BASE TABLE'")) {
                    while (rs.next()) {
                        Timestamp updated = rs.getTimestamp(4);
                        String checksum = rs.getString(5);
                        Timestamp now = rs.getTimestamp(6);
                        boolean recent = updated != null && now != null
                                && now.getTime() - updated.getTime() < RECENT.toMillis();
                        if ((updated == null && checksum == null) || recent) {
                            continue; // no change indicator, or one too recent to trust
                        }
                        out.put(new TableRef(rs.getString(1), rs.getString(2)), "my:" + rs.getString(3) + "/"
                                + (updated == null ? "-" : updated.getTime()) + "/" + (checksum == null ? "-" : checksum));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            return Map.of();
        }
        return out;
    }

    /** {@code column}: the table's row count and the largest value of its change column. */
    private String countAndMax(Connection connection, Namespaces namespaces, String quote, TableRef table, Column column) {
        String hint = kind == DatabaseKind.MYSQL ? "/*+ MAX_EXECUTION_TIME(" + timeout.toMillis() + ") */ " : "";
        String sql = COMMENT + " SELECT " + hint + "count(*), max(" + SqlText.quote(quote, column.name()) + ") FROM "
                + namespaces.qualifiedName(quote, table);
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout((int) timeout.toSeconds());
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? "column:" + rs.getLong(1) + "/" + rs.getString(2) : null;
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            return null;
        }
    }

    /** {@code checksum}: MariaDB/MySQL {@code CHECKSUM TABLE}, null for a table that is gone. */
    private String checksum(Connection connection, Namespaces namespaces, String quote, TableRef table) {
        if (!kind.isMysqlFamily()) {
            return null;
        }
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout((int) timeout.toSeconds());
            try (ResultSet rs = s.executeQuery(COMMENT + " CHECKSUM TABLE " + namespaces.qualifiedName(quote, table))) {
                String value = rs.next() ? rs.getString(2) : null;
                return value == null ? null : "checksum:" + value;
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            return null;
        }
    }

    /** Eight bytes of SHA-256 over the columns' names and types, in order. */
    static String signature(List<Column> columns) {
        StringBuilder text = new StringBuilder();
        for (Column c : columns) {
            text.append(c.name()).append('\u0000').append(c.typeName()).append('\u0000').append(c.jdbcType()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String quoteString(Connection connection) {
        try {
            return connection.getMetaData().getIdentifierQuoteString();
        } catch (SQLException e) {
            return "\"";
        }
    }

    /** A failed statement aborts a PostgreSQL transaction; the next token needs a usable one. */
    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the next query fails too and its table gets no token
        }
    }
}

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.Sampling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one SELECT that reads a table's sample, following the source's {@link Sampling}: a run comment
 * first, quoted identifiers, {@code TABLESAMPLE SYSTEM} on large PostgreSQL tables, LIMIT where the
 * database has it, and on MySQL the {@code MAX_EXECUTION_TIME} hint. Never {@code ORDER BY}: sorting
 * would read the whole table.
 */
final class SampleQuery {
    /** Under {@code auto}, TABLESAMPLE is used only when the table holds at least this many times the sample (by estimate). */
    static final int TABLESAMPLE_MIN_RATIO = 10;
    /** SYSTEM sampling picks whole pages, so it asks for this many times the sample; LIMIT trims the rest. */
    static final int TABLESAMPLE_OVERSAMPLING = 3;

    private final JdbcSourceConfig config;
    private final DatabaseKind kind;
    private final String comment;
    private final Duration timeout;

    SampleQuery(JdbcSourceConfig config, DatabaseKind kind, String comment, Duration timeout) {
        this.config = config;
        this.kind = kind;
        this.comment = comment;
        this.timeout = timeout;
    }

    /** The SELECT, asking the catalog for a row estimate first where TABLESAMPLE may apply. */
    String sql(Connection connection, Namespaces namespaces, String quote, TableRef table, List<Column> columns)
            throws SQLException {
        return sql(namespaces, quote, table, columns, tablesamplePercent(connection, table));
    }

    String sql(Namespaces namespaces, String quote, TableRef table, List<Column> columns, double tablesamplePercent) {
        String columnList = columns.stream().map(c -> SqlText.quote(quote, c.name())).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder(comment).append(" SELECT ");
        if (kind == DatabaseKind.MYSQL) {
            sql.append("/*+ MAX_EXECUTION_TIME(").append(timeout.toMillis()).append(") */ ");
        }
        sql.append(columnList).append(" FROM ").append(namespaces.qualifiedName(quote, table));
        if (tablesamplePercent > 0) {
            sql.append(String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.4f) REPEATABLE (0)", tablesamplePercent));
        }
        if (config.sampleRows() > 0 && kind.supportsLimit()) {
            sql.append(" LIMIT ").append(config.sampleRows());
        }
        return sql.toString();
    }

    /**
     * The TABLESAMPLE percentage for PostgreSQL when the sampling mode and the table's size relative to
     * the sample call for it (estimate from pg_class.reltuples: -1 or 0 when never analyzed), else 0 for
     * a plain LIMIT.
     */
    double tablesamplePercent(Connection connection, TableRef table) throws SQLException {
        return mayTablesample() ? tablesamplePercent(rowEstimate(connection, table)) : 0;
    }

    /** {@link #tablesamplePercent(Connection, TableRef)} for a known row estimate (at most 0: none). */
    double tablesamplePercent(double estimate) {
        if (!mayTablesample()) {
            return 0;
        }
        int minRatio = config.sampling() == Sampling.AUTO ? TABLESAMPLE_MIN_RATIO : 1;
        if (estimate <= 0 || estimate < (double) config.sampleRows() * minRatio) {
            return 0;
        }
        return Math.max(0.0001, Math.min(100.0, 100.0 * TABLESAMPLE_OVERSAMPLING * config.sampleRows() / estimate));
    }

    /** Whether this source may read a table with TABLESAMPLE at all (PostgreSQL, a sample, auto or tablesample). */
    boolean mayTablesample() {
        Sampling sampling = config.sampling();
        return kind == DatabaseKind.POSTGRESQL && config.sampleRows() > 0
                && (sampling == Sampling.AUTO || sampling == Sampling.TABLESAMPLE);
    }

    /**
     * The catalog's estimate of the table's rows, no table read: PostgreSQL {@code pg_class.reltuples}
     * (-1 or 0 when never analyzed), MariaDB/MySQL {@code information_schema.TABLES.TABLE_ROWS} (InnoDB's
     * is approximate); -1 on other databases or when the table is not found.
     */
    double rowEstimate(Connection connection, TableRef table) throws SQLException {
        String sql;
        if (kind == DatabaseKind.POSTGRESQL) {
            sql = comment + " SELECT c.reltuples FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
        } else if (kind.isMysqlFamily()) {
            sql = comment + " SELECT " + (kind == DatabaseKind.MYSQL ? "/*+ MAX_EXECUTION_TIME(" + timeout.toMillis() + ") */ " : "")
                    + "TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
        } else {
            return -1;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout((int) timeout.toSeconds());
            statement.setString(1, table.namespace());
            statement.setString(2, table.table());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                double estimate = rs.getDouble(1);
                return rs.wasNull() ? -1 : estimate;
            }
        }
    }
}

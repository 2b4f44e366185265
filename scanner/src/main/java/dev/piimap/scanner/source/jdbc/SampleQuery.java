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
        Sampling sampling = config.sampling();
        if (kind != DatabaseKind.POSTGRESQL || config.sampleRows() <= 0
                || (sampling != Sampling.AUTO && sampling != Sampling.TABLESAMPLE)) {
            return 0;
        }
        double estimate = rowEstimate(connection, table);
        int minRatio = sampling == Sampling.AUTO ? TABLESAMPLE_MIN_RATIO : 1;
        if (estimate <= 0 || estimate < (double) config.sampleRows() * minRatio) {
            return 0;
        }
        return Math.max(0.0001, Math.min(100.0, 100.0 * TABLESAMPLE_OVERSAMPLING * config.sampleRows() / estimate));
    }

    private double rowEstimate(Connection connection, TableRef table) throws SQLException {
        String sql = comment + " SELECT c.reltuples FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout((int) timeout.toSeconds());
            statement.setString(1, table.namespace());
            statement.setString(2, table.table());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : -1;
            }
        }
    }
}

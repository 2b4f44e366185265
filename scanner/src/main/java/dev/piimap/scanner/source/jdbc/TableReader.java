package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.summary.ColumnProfiler;
import dev.piimap.classifiers.summary.TypeSummary;
import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads one table's sample and classifies it column by column. Runs on an executor with a
 * connection from {@link ReadOnlyConnections}; the only statements it sends are the catalog reads of
 * {@link DatabaseMetaData}, an optional row estimate, and one generated, quoted SELECT, each generated
 * query carrying a {@code /* piimap run=<id> *}{@code /} comment. Never throws: every failure becomes
 * an error outcome on the table's columns (or on the table when its columns cannot be listed).
 */
final class TableReader {
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);
    static final int FETCH_SIZE = 1_000;
    /** TABLESAMPLE is used only when the table holds at least this many times the sample (by estimate). */
    static final int TABLESAMPLE_MIN_RATIO = 10;
    /** SYSTEM sampling picks whole pages, so it asks for this many times the sample; LIMIT trims the rest. */
    static final int TABLESAMPLE_OVERSAMPLING = 3;
    static final String BINARY_SKIPPED = "binary column, not classified yet";
    static final String TABLE_KIND = "table";
    static final String COLUMN_KIND = "column";

    private final JdbcSourceConfig config;
    private final ScanContext context;
    private final long startNanos = System.nanoTime();

    TableReader(JdbcSourceConfig config, ScanContext context) {
        this.config = config;
        this.context = context;
    }

    record Column(String name, String typeName, int jdbcType) {
        boolean binary() {
            return jdbcType == Types.BINARY || jdbcType == Types.VARBINARY || jdbcType == Types.LONGVARBINARY
                    || jdbcType == Types.BLOB;
        }
    }

    ItemResult read(TableRef table) {
        Connection connection = null;
        List<Column> columns = null;
        try {
            connection = ReadOnlyConnections.open(config, queryTimeout());
            DatabaseMetaData metaData = connection.getMetaData();
            columns = columns(metaData, table);
            if (columns.isEmpty()) {
                return tableExists(metaData, table)
                        ? tableOutcome(table, ItemStatus.SKIPPED, "table has no columns")
                        : tableOutcome(table, ItemStatus.ERROR, "table not found (it was listed but is gone)");
            }
            return classify(connection, metaData, table, columns);
        } catch (SQLException e) {
            return failure(table, columns, SqlFailures.reason(e));
        } catch (ReadOnlyConnections.SecretUnavailableException e) {
            return failure(table, columns, e.getMessage());
        } catch (RuntimeException e) {
            return failure(table, columns, "unexpected " + e.getClass().getSimpleName());
        } finally {
            ReadOnlyConnections.closeQuietly(connection);
        }
    }

    private ItemResult classify(Connection connection, DatabaseMetaData metaData, TableRef table, List<Column> columns)
            throws SQLException {
        List<Column> readable = columns.stream().filter(c -> !c.binary()).toList();
        List<ColumnProfiler> profilers = new ArrayList<>();
        for (Column c : readable) {
            profilers.add(new ColumnProfiler(context.classifier(), c.name(), c.typeName()));
        }
        String[] truncated = new String[readable.size()];
        if (!readable.isEmpty()) {
            DatabaseKind kind = DatabaseKind.of(metaData);
            String sql = selectSql(metaData, kind, table, readable, useTablesample(connection, kind, table));
            readRows(connection, sql, profilers, truncated);
        }
        List<AssetOutcome> assets = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        int r = 0;
        for (Column c : columns) {
            String asset = table.column(c.name());
            if (c.binary()) {
                assets.add(new AssetOutcome(config.name(), asset, COLUMN_KIND, ItemStatus.SKIPPED, BINARY_SKIPPED, null, null));
                continue;
            }
            String cut = truncated[r];
            assets.add(new AssetOutcome(config.name(), asset, COLUMN_KIND, cut == null ? ItemStatus.OK : ItemStatus.TRUNCATED,
                    cut, null, null));
            for (TypeSummary v : profilers.get(r).verdicts()) {
                if (v.count() > 0) {
                    findings.add(new AssetFinding(config.name(), asset, COLUMN_KIND, v.type(), v.count(), v.confidence(),
                            context.keepSamples() ? v.sample() : null, v.explanation(), v.detector()));
                }
            }
            r++;
        }
        return new ItemResult(assets, findings);
    }

    /** Streams the rows into the profilers; a column (or all of them) over a limit gets its reason in {@code truncated}. */
    private void readRows(Connection connection, String sql, List<ColumnProfiler> profilers, String[] truncated)
            throws SQLException {
        long maxChars = context.limits().maxCharsPerItem();
        long deadline = startNanos + context.limits().maxTimePerItem().toNanos();
        long[] chars = new long[profilers.size()];
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) queryTimeout().toSeconds());
            statement.setFetchSize(config.sampleRows() > 0 ? Math.min(FETCH_SIZE, config.sampleRows()) : FETCH_SIZE);
            if (config.sampleRows() > 0) {
                statement.setMaxRows(config.sampleRows());
            }
            try (ResultSet rows = statement.executeQuery(sql)) {
                long n = 0;
                while (rows.next()) {
                    for (int i = 0; i < profilers.size(); i++) {
                        String value = rows.getString(i + 1);
                        if (truncated[i] != null) {
                            continue;
                        }
                        chars[i] += value == null ? 0 : value.length();
                        if (chars[i] > maxChars) {
                            truncated[i] = String.format(Locale.ROOT, "character limit of %,d per column reached after %,d rows",
                                    maxChars, n);
                        } else {
                            profilers.get(i).add(value);
                        }
                    }
                    n++;
                    if ((n & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
                        String reason = String.format(Locale.ROOT, "time limit of %d s per item reached after %,d rows",
                                context.limits().maxTimePerItem().toSeconds(), n);
                        for (int i = 0; i < truncated.length; i++) {
                            truncated[i] = truncated[i] == null ? reason : truncated[i];
                        }
                        break;
                    }
                }
            }
        }
    }

    String selectSql(DatabaseMetaData metaData, DatabaseKind kind, TableRef table, List<Column> columns,
                     double tablesamplePercent) throws SQLException {
        String quote = metaData.getIdentifierQuoteString();
        String columnList = columns.stream().map(c -> quote(quote, c.name())).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder(comment()).append(" SELECT ").append(columnList)
                .append(" FROM ").append(quote(quote, table.namespace())).append('.').append(quote(quote, table.table()));
        if (tablesamplePercent > 0) {
            sql.append(String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.4f) REPEATABLE (0)", tablesamplePercent));
        }
        if (config.sampleRows() > 0 && kind.supportsLimit()) {
            sql.append(" LIMIT ").append(config.sampleRows());
        }
        return sql.toString();
    }

    /**
     * The TABLESAMPLE percentage for PostgreSQL when the table is large relative to the sample
     * (estimate from pg_class.reltuples, -1 when never analyzed), else 0 for a plain LIMIT.
     */
    private double useTablesample(Connection connection, DatabaseKind kind, TableRef table) throws SQLException {
        if (kind != DatabaseKind.POSTGRESQL || config.sampleRows() <= 0) {
            return 0;
        }
        String sql = comment() + " SELECT c.reltuples FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
        double estimate = -1;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout((int) queryTimeout().toSeconds());
            statement.setString(1, table.namespace());
            statement.setString(2, table.table());
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    estimate = rs.getDouble(1);
                }
            }
        }
        if (estimate < (double) config.sampleRows() * TABLESAMPLE_MIN_RATIO) {
            return 0;
        }
        return Math.max(0.0001, Math.min(100.0, 100.0 * TABLESAMPLE_OVERSAMPLING * config.sampleRows() / estimate));
    }

    private List<Column> columns(DatabaseMetaData metaData, TableRef table) throws SQLException {
        boolean byCatalog = DatabaseKind.namespacesAreCatalogs(metaData);
        String escape = metaData.getSearchStringEscape();
        String tablePattern = escapePattern(table.table(), escape);
        record Numbered(int position, Column column) {
        }
        List<Numbered> found = new ArrayList<>();
        try (ResultSet rs = byCatalog
                ? metaData.getColumns(table.namespace(), null, tablePattern, "%")
                : metaData.getColumns(null, escapePattern(table.namespace(), escape), tablePattern, "%")) {
            while (rs.next()) {
                String namespace = rs.getString(byCatalog ? "TABLE_CAT" : "TABLE_SCHEM");
                if (table.namespace().equals(namespace) && table.table().equals(rs.getString("TABLE_NAME"))) {
                    found.add(new Numbered(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"),
                            rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"))));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Numbered::position)).map(Numbered::column).toList();
    }

    private static boolean tableExists(DatabaseMetaData metaData, TableRef table) throws SQLException {
        boolean byCatalog = DatabaseKind.namespacesAreCatalogs(metaData);
        try (ResultSet rs = byCatalog
                ? metaData.getTables(table.namespace(), null, table.table(), null)
                : metaData.getTables(null, table.namespace(), table.table(), null)) {
            return rs.next();
        }
    }

    private ItemResult failure(TableRef table, List<Column> columns, String reason) {
        if (columns == null || columns.isEmpty()) {
            return tableOutcome(table, ItemStatus.ERROR, reason);
        }
        return new ItemResult(columns.stream().map(c -> new AssetOutcome(config.name(), table.column(c.name()),
                COLUMN_KIND, ItemStatus.ERROR, reason, null, null)).toList(), List.of());
    }

    private ItemResult tableOutcome(TableRef table, ItemStatus status, String reason) {
        return ItemResult.of(new AssetOutcome(config.name(), table.locator(), TABLE_KIND, status, reason, null, null));
    }

    private Duration queryTimeout() {
        Duration budget = context.limits().maxTimePerItem();
        Duration timeout = budget.compareTo(QUERY_TIMEOUT) < 0 ? budget : QUERY_TIMEOUT;
        return timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
    }

    /** {@code /* piimap run=<id> *}{@code /}; the run id is reduced to characters that cannot end the comment. */
    String comment() {
        String id = context.runId().replaceAll("[^A-Za-z0-9._:-]", "_");
        return "/* piimap run=" + (id.length() > 64 ? id.substring(0, 64) : id) + " */";
    }

    static String quote(String quote, String identifier) {
        if (quote == null || quote.isBlank()) {
            return identifier;
        }
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    private static String escapePattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}

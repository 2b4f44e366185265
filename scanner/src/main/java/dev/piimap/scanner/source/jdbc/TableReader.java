package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.summary.TypeSummary;
import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.FingerprintKey;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.SubjectEntry;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads one table's sample (or all its rows, or the rows of one key or page range, {@link #readPart}) and classifies
 * it column by column. Runs on an executor with a
 * connection from {@link ReadOnlyConnections}; the only statements it sends are the catalog reads of
 * {@link DatabaseMetaData}, an optional row estimate, and one generated, quoted SELECT
 * ({@link SampleQuery}), plus, for the row dates of {@link RowDates}, a row estimate and (with
 * {@code row-dates: count}) one grouped SELECT; each generated query carries a
 * {@code /* piimap run=<id> *}{@code /} comment.
 * How each column's values become text is {@link ColumnSample}'s business; with a subject index, each row's
 * primary key comes from {@link RowKeyColumns}. Never throws: every failure becomes an error outcome on the
 * table's columns (or on the table when its columns cannot be listed).
 */
final class TableReader {
    static final int FETCH_SIZE = 1_000;
    static final String TABLE_KIND = "table";
    static final String COLUMN_KIND = "column";

    private final JdbcSourceConfig config;
    private final ScanContext context;
    private final long startNanos = System.nanoTime();
    /** The row keys of the table being read; null without a subject index or a primary key. */
    private RowKeyColumns rowKeys;

    TableReader(JdbcSourceConfig config, ScanContext context) {
        this.config = config;
        this.context = context;
    }

    /** Reads the table (its sample, or every row) and classifies each column. */
    ItemResult read(TableRef table) {
        return read(table, null, (samples, dates, connection, namespaces, quote) ->
                        dates.addTo(result(table, parts(samples)), connection, namespaces, quote),
                (status, reason, columnNames) -> failure(table, status, reason, columnNames));
    }

    /**
     * Reads every row of one range of the table ({@link KeyRange} or {@link CtidRange}) into a {@link TablePart},
     * which {@link #finish} turns into the table's result once merged with the other ranges' (the source reads
     * tables in full).
     */
    TablePart readPart(TableRef table, TableRange range) {
        return read(table, range, (samples, dates, connection, namespaces, quote) ->
                        TablePart.read(parts(samples), dates.part(connection)),
                TablePart::failed);
    }

    /** The result of a table read in ranges, from the merge of its parts, as {@link #read} would give it. */
    ItemResult finish(TableRef table, TablePart merged) {
        if (merged.failure() != null) {
            return failure(table, merged.failureStatus(), merged.failure(), merged.columnNames());
        }
        ItemResult result = result(table, merged.columns());
        return new ItemResult(result.assets(), result.findings(), result.subjects(),
                RowDates.rowsOf(config, table, merged.dates()));
    }

    /** What a read does with its samples once every row is in, on the still open connection. */
    private interface Finisher<T> {
        T finish(List<ColumnSample> samples, RowDates dates, Connection connection, Namespaces namespaces, String quote)
                throws SQLException;
    }

    /** What a read gives when it fails: {@code columnNames} null when the columns could not be listed. */
    private interface Failed<T> {
        T failed(ItemStatus status, String reason, List<String> columnNames);
    }

    private <T> T read(TableRef table, TableRange range, Finisher<T> done, Failed<T> failed) {
        Connection connection = null;
        List<Column> columns = null;
        try {
            connection = ReadOnlyConnections.open(config, queryTimeout());
            DatabaseMetaData metaData = connection.getMetaData();
            Namespaces namespaces = Namespaces.of(metaData);
            columns = columns(metaData, namespaces, table);
            if (columns.isEmpty()) {
                return tableExists(metaData, namespaces, table)
                        ? failed.failed(ItemStatus.SKIPPED, "table has no columns", null)
                        : failed.failed(ItemStatus.ERROR, "table not found (it was listed but is gone)", null);
            }
            Fingerprinter fingerprinter = context.subjectFingerprinter();
            List<ColumnSample> samples = new ArrayList<>();
            for (Column c : columns) {
                samples.add(new ColumnSample(c, table.column(c.name()), context.classifier(), context.limits(), fingerprinter));
            }
            rowKeys = fingerprinter == null ? null
                    : RowKeyColumns.find(metaData, namespaces, table, columns, context.classifier(), fingerprinter);
            SampleQuery query = new SampleQuery(config, DatabaseKind.of(metaData), comment(), queryTimeout());
            RowDates dates = RowDates.of(config, table, columns, DatabaseKind.of(metaData), comment(), queryTimeout());
            String quote = metaData.getIdentifierQuoteString();
            String sql = range == null ? query.sql(connection, namespaces, quote, table, columns)
                    : query.sql(namespaces, quote, table, columns, 0) + range.where(quote);
            readRows(connection, sql, samples, dates);
            return done.finish(samples, dates, connection, namespaces, quote);
        } catch (SQLException e) {
            return failed.failed(ItemStatus.ERROR, SqlFailures.reason(e), names(columns));
        } catch (ReadOnlyConnections.SecretUnavailableException e) {
            return failed.failed(ItemStatus.ERROR, e.getMessage(), names(columns));
        } catch (FingerprintKey.UnavailableException e) {
            return failed.failed(ItemStatus.ERROR, e.getMessage() + " (on this executor)", names(columns));
        } catch (RuntimeException e) {
            return failed.failed(ItemStatus.ERROR, "unexpected " + e.getClass().getSimpleName(), names(columns));
        } finally {
            ReadOnlyConnections.closeQuietly(connection);
        }
    }

    private static List<String> names(List<Column> columns) {
        return columns == null ? null : columns.stream().map(Column::name).toList();
    }

    private static List<ColumnPart> parts(List<ColumnSample> samples) {
        return samples.stream().map(ColumnSample::part).toList();
    }

    /** Streams the rows into the column samples and the row dates until the rows or the item's time budget run out. */
    private void readRows(Connection connection, String sql, List<ColumnSample> samples, RowDates dates) throws SQLException {
        long deadline = startNanos + context.limits().maxTimePerItem().toNanos();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) queryTimeout().toSeconds());
            statement.setFetchSize(config.sampleRows() > 0 ? Math.min(FETCH_SIZE, config.sampleRows()) : FETCH_SIZE);
            if (config.sampleRows() > 0) {
                statement.setMaxRows(config.sampleRows());
            }
            try (ResultSet rows = statement.executeQuery(sql)) {
                long n = 0;
                while (rows.next()) {
                    Duration left = Duration.ofNanos(deadline - System.nanoTime());
                    String key = rowKeys == null ? null : rowKeys.keyOf(rows);
                    for (int i = 0; i < samples.size(); i++) {
                        samples.get(i).read(rows, i + 1, left, key);
                    }
                    dates.add(rows);
                    n++;
                    if (System.nanoTime() - deadline > 0) {
                        String reason = String.format(Locale.ROOT, "time limit of %d s per item reached after %,d rows",
                                context.limits().maxTimePerItem().toSeconds(), n);
                        samples.forEach(s -> s.stop(reason));
                        dates.stop();
                        break;
                    }
                }
            }
        }
    }

    private ItemResult result(TableRef table, List<ColumnPart> samples) {
        List<AssetOutcome> assets = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        List<SubjectEntry> subjects = new ArrayList<>();
        for (ColumnPart sample : samples) {
            String asset = table.column(sample.name());
            assets.add(new AssetOutcome(config.name(), asset, COLUMN_KIND, sample.status(), sample.detail(), null, null));
            subjects.addAll(sample.subjects(config.name(), asset, COLUMN_KIND));
            for (TypeSummary v : sample.verdicts()) {
                if (v.count() > 0) {
                    findings.add(new AssetFinding(config.name(), asset, COLUMN_KIND, v.type(), v.count(), v.confidence(),
                            context.keepSamples() ? v.sample() : null, v.explanation(), v.detector()));
                }
            }
        }
        return new ItemResult(assets, findings, subjects, List.of());
    }

    private static List<Column> columns(DatabaseMetaData metaData, Namespaces namespaces, TableRef table)
            throws SQLException {
        record Numbered(int position, Column column) {
        }
        List<Numbered> found = new ArrayList<>();
        try (ResultSet rs = namespaces.columns(metaData, table)) {
            while (rs.next()) {
                if (table.namespace().equals(namespaces.namespaceOf(rs)) && table.table().equals(rs.getString("TABLE_NAME"))) {
                    found.add(new Numbered(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"),
                            rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"))));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Numbered::position)).map(Numbered::column).toList();
    }

    private static boolean tableExists(DatabaseMetaData metaData, Namespaces namespaces, TableRef table) throws SQLException {
        try (ResultSet rs = namespaces.tables(metaData, table)) {
            while (rs.next()) {
                if (table.namespace().equals(namespaces.namespaceOf(rs)) && table.table().equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The result of a read that failed: each column in error, or the table when its columns are unknown. */
    private ItemResult failure(TableRef table, ItemStatus status, String reason, List<String> columnNames) {
        if (columnNames == null || columnNames.isEmpty()) {
            return tableOutcome(table, status, reason);
        }
        return new ItemResult(columnNames.stream().map(c -> new AssetOutcome(config.name(), table.column(c),
                COLUMN_KIND, ItemStatus.ERROR, reason, null, null)).toList(), List.of());
    }

    private ItemResult tableOutcome(TableRef table, ItemStatus status, String reason) {
        return ItemResult.of(new AssetOutcome(config.name(), table.locator(), TABLE_KIND, status, reason, null, null));
    }

    /** The source's statement timeout, lowered to the item's time budget, at least one second. */
    private Duration queryTimeout() {
        return statementTimeout(config, context.limits().maxTimePerItem());
    }

    static Duration statementTimeout(JdbcSourceConfig config, Duration itemBudget) {
        Duration configured = Duration.ofSeconds(config.statementTimeoutSeconds());
        Duration timeout = itemBudget.compareTo(configured) < 0 ? itemBudget : configured;
        return timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
    }

    /** {@code /* piimap run=<id> *}{@code /}; the run id is reduced to characters that cannot end the comment. */
    String comment() {
        return SqlText.comment(context.runId());
    }
}

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.ChangeDetection;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.SupportsItemParts;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A relational database read over plain JDBC, one table per item ({@code schema.table}, or
 * {@code database.table} where the database has catalogs instead of schemas, or {@code main.table}
 * where it has neither, see {@link Namespaces}) and one asset per column ({@code schema.table.column}).
 *
 * <p>Read-only three ways: every connection is read-only with a read-only transaction where the
 * database has one ({@link ReadOnlyConnections}); the only statements sent are catalog reads and
 * generated SELECTs with quoted identifiers; and the scanning role should hold SELECT only (see the
 * README; {@link #preflight()} warns when it holds more). Every generated query carries
 * {@code /* piimap run=<id> *}{@code /} and a statement timeout ({@code statement-timeout-seconds}).
 *
 * <p>Any JDBC driver on the classpath works through plain {@link DatabaseMetaData}; PostgreSQL, MySQL,
 * MariaDB, H2 and SQLite get the few extras of {@link DatabaseKind}. Rows are chosen by the source's
 * {@code sampling} ({@link SampleQuery}); JSON, array, binary and numeric-identifier columns are read as
 * {@link ColumnSample} describes.
 *
 * <p>Each listed table carries a revision (change token) read as the source's {@code change-detection}
 * says ({@link TableRevisions}), so incremental runs rescan only changed tables.
 *
 * <p>A large table read in full may be listed as ranges ({@code partition-rows}, {@link KeyRanges}): of its integer
 * primary key, or on PostgreSQL 14 and later of its pages by {@code ctid} ({@link TableRange}). One part item per
 * range, each read by its own task ({@link #scanPart}), merged in part order into the table's one result
 * ({@link SupportsItemParts}); the parts share the table's locator and revision.
 *
 * <p>Serializable and stateless apart from its config: connections are opened inside each call and
 * closed before it returns; the password reference is resolved only when connecting.
 */
public final class JdbcConnector implements SourceConnector, SupportsItemParts {
    private static final long serialVersionUID = 1L;
    /** Schemas (or MySQL databases) that hold the database's own catalog, never user data. */
    static final Set<String> SYSTEM_NAMESPACES = Set.of("pg_catalog", "information_schema", "pg_toast", "mysql",
            "performance_schema", "sys");
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

    private final JdbcSourceConfig config;

    public JdbcConnector(JdbcSourceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return config.name();
    }

    /** The source's {@code max-connections}: the job never scans more of its tables at once. */
    @Override
    public int maxConcurrency() {
        return config.maxConnections();
    }

    /**
     * Every user table matching the {@code include} globs, sorted by locator. Views are not listed.
     *
     * @throws SourceException when the database cannot be reached, refuses the credentials or cannot be
     *                         listed; the message names the source, the redacted URL, the failure class
     *                         and SQLState, and what to check, never the password or URL parameters
     */
    @Override
    public List<ScanItem> listItems() throws SourceException {
        Connection connection = null;
        try {
            connection = ReadOnlyConnections.open(config, Duration.ofSeconds(config.statementTimeoutSeconds()));
            return tables(connection);
        } catch (SQLException e) {
            throw new SourceException(describe("cannot list tables: " + SqlFailures.reason(e)) + "; " + SqlFailures.hint(e));
        } catch (ReadOnlyConnections.SecretUnavailableException e) {
            throw new SourceException(describe(e.getMessage()));
        } catch (RuntimeException e) {
            throw new SourceException(describe("cannot list tables: unexpected " + e.getClass().getSimpleName()));
        } finally {
            ReadOnlyConnections.closeQuietly(connection);
        }
    }

    /**
     * One warning when the scanning role can write to a table within the include globs (PostgreSQL,
     * MySQL, MariaDB; see {@link WriteAccessCheck}). Never throws: a check that cannot run (no
     * connection, no access to the catalog) is skipped, and listing reports the connection problem.
     */
    @Override
    public List<String> preflight() {
        Connection connection = null;
        try {
            connection = ReadOnlyConnections.open(config, Duration.ofSeconds(config.statementTimeoutSeconds()));
            DatabaseKind kind = DatabaseKind.of(connection.getMetaData());
            List<String> warnings = new ArrayList<>(
                    new WriteAccessCheck(TableGlobs.of(config.include())).warning(connection, kind).stream().toList());
            changeDetectionWarning(kind).ifPresent(warnings::add);
            return warnings;
        } catch (SQLException | RuntimeException e) {
            return List.of();
        } finally {
            ReadOnlyConnections.closeQuietly(connection);
        }
    }

    /**
     * Reads up to {@code sample-rows} rows of the item's table (all when 0) and classifies each
     * column. Never throws: a table that cannot be read ends with an error
     * outcome on each of its columns (or on the table, kind {@code table}, when even its columns
     * cannot be listed), with a reason such as {@code permission denied (SQLState 42501)}.
     */
    @Override
    public ItemResult scan(ScanItem item, ScanContext context) {
        TableRef table;
        try {
            table = TableRef.parse(item.locator());
        } catch (IllegalArgumentException e) {
            return notATable(item);
        }
        return new TableReader(config, context).read(table);
    }

    /** Reads one range of a table in full; a malformed part item ends as a failure of the table. */
    @Override
    public ItemPart scanPart(ScanItem part, ScanContext context) {
        TableRef table;
        TableRange range;
        try {
            table = TableRef.parse(part.locator());
            range = TableRange.of(part);
        } catch (IllegalArgumentException e) {
            return TablePart.failed(ItemStatus.ERROR, "item is not a range of a table", null);
        }
        return new TableReader(config, context).readPart(table, range);
    }

    @Override
    public ItemPart merge(ItemPart earlier, ItemPart later) {
        return ((TablePart) earlier).merge((TablePart) later);
    }

    @Override
    public ItemResult finish(ScanItem item, ItemPart merged, ScanContext context) {
        TableRef table;
        try {
            table = TableRef.parse(item.locator());
        } catch (IllegalArgumentException e) {
            return notATable(item);
        }
        return new TableReader(config, context).finish(table, (TablePart) merged);
    }

    private ItemResult notATable(ScanItem item) {
        return ItemResult.of(new AssetOutcome(config.name(), item.locator(), TableReader.TABLE_KIND, ItemStatus.ERROR,
                "locator is not schema.table", null, null));
    }

    /**
     * The included tables, each with its revision from {@link TableRevisions} (null where none could be read);
     * a table {@link KeyRanges} splits becomes one item per range, in key or page order.
     */
    private List<ScanItem> tables(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Namespaces namespaces = Namespaces.of(metaData);
        TableGlobs globs = TableGlobs.of(config.include());
        List<TableRef> tables = new ArrayList<>();
        try (ResultSet rs = metaData.getTables(null, null, "%", tableTypes(metaData))) {
            while (rs.next()) {
                String namespace = namespaces.namespaceOf(rs);
                String table = rs.getString("TABLE_NAME");
                if (namespace == null || table == null || isSystem(namespace) || !globs.matches(namespace, table)) {
                    continue;
                }
                tables.add(new TableRef(namespace, table));
            }
        }
        DatabaseKind kind = DatabaseKind.of(metaData);
        Duration timeout = Duration.ofSeconds(config.statementTimeoutSeconds());
        Map<TableRef, String> revisions = new TableRevisions(config.changeDetection(), kind, timeout)
                .read(connection, namespaces, tables);
        Map<TableRef, List<TableRange>> split = config.sampleRows() == 0
                ? new KeyRanges(config.partitionRows(), kind, timeout).plan(connection, namespaces, tables) : Map.of();
        List<ScanItem> items = new ArrayList<>();
        for (TableRef table : tables) {
            List<TableRange> ranges = split.getOrDefault(table, List.of());
            if (ranges.isEmpty()) {
                items.add(new ScanItem(config.name(), table.locator(), -1, -1, revisions.get(table)));
            }
            for (int i = 0; i < ranges.size(); i++) {
                items.add(new ScanItem(config.name(), table.locator(), -1, -1, revisions.get(table),
                        ranges.get(i).attributes(i, ranges.size())));
            }
        }
        items.sort(Comparator.comparing(ScanItem::locator).thenComparingInt(ScanItem::partIndex));
        return List.copyOf(items);
    }

    /** The driver's names for ordinary tables: {@code TABLE} in most, {@code BASE TABLE} in H2 2.x. Views are left out. */
    private static String[] tableTypes(DatabaseMetaData metaData) throws SQLException {
        List<String> types = new ArrayList<>();
        try (ResultSet rs = metaData.getTableTypes()) {
            while (rs.next()) {
                String type = rs.getString(1);
                if (type != null && TABLE_TYPES.contains(type.strip().toUpperCase(Locale.ROOT))) {
                    types.add(type.strip());
                }
            }
        }
        return types.isEmpty() ? new String[] {"TABLE"} : types.toArray(String[]::new);
    }

    /** When {@code change-detection} cannot work on this database, every table is rescanned each run: say so. */
    private java.util.Optional<String> changeDetectionWarning(DatabaseKind kind) {
        ChangeDetection.Mode mode = config.changeDetection().mode();
        if (mode == ChangeDetection.Mode.STATS && !TableRevisions.hasStats(kind)) {
            return java.util.Optional.of("change-detection stats: this database keeps no change counters, so every"
                    + " table is scanned on every run; set change-detection: {column: <a column updated on every change>}"
                    + " or none");
        }
        if (mode == ChangeDetection.Mode.CHECKSUM && !kind.isMysqlFamily()) {
            return java.util.Optional.of("change-detection checksum needs MariaDB or MySQL, so every table is scanned"
                    + " on every run; set change-detection: stats or {column: updated_at}");
        }
        return java.util.Optional.empty();
    }

    static boolean isSystem(String namespace) {
        String n = namespace.toLowerCase(Locale.ROOT);
        return SYSTEM_NAMESPACES.contains(n) || n.startsWith("pg_temp_") || n.startsWith("pg_toast_temp_");
    }

    private String describe(String problem) {
        return "jdbc source '" + config.name() + "' (" + config.redactedUrl() + "): " + problem;
    }
}

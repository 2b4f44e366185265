package dev.piimap.scanner.config;

import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.jdbc.JdbcConnector;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code type: jdbc}. Keys: {@code url}, {@code user}, {@code password} (a secret reference),
 * {@code include} (schema.table globs), {@code sample-rows} (rows per table, 0 = all), {@code sampling}
 * (how the rows are chosen, see {@link Sampling}), {@code max-connections} (connections the scan may
 * hold open to this database at once) and {@code statement-timeout-seconds} (server-side limit on
 * every statement the scanner sends; the per-item time budget lowers it further) and
 * {@code change-detection} (how a table's change token is read for incremental runs, see
 * {@link ChangeDetection}) and {@code row-dates} / {@code date-columns} (how old a table's rows are, for
 * retention, see {@link RowDating}) and {@code partition-rows} (a table read in full and estimated at more rows
 * than this is read in ranges by parallel tasks: of its primary key when that is one integer column, else on
 * PostgreSQL 14+ of its pages by {@code ctid}; 0 = never).
 *
 * <p>{@code sampling: full} and {@code sample-rows: 0} mean the same and are normalized to each other:
 * {@link #sampleRows()} is 0 exactly when {@link #sampling()} is {@link Sampling#FULL}.
 */
public record JdbcSourceConfig(String name, String url, String user, SecretRef password, List<String> include,
                               int sampleRows, Sampling sampling, int maxConnections, int statementTimeoutSeconds,
                               ChangeDetection changeDetection, RowDating rowDating, int partitionRows)
        implements SourceConfig {
    public static final int DEFAULT_SAMPLE_ROWS = 1000;
    /** Rows per key range of a table read in full: about half a minute of one core's work. */
    public static final int DEFAULT_PARTITION_ROWS = 250_000;
    public static final Sampling DEFAULT_SAMPLING = Sampling.AUTO;
    public static final int DEFAULT_MAX_CONNECTIONS = 2;
    public static final int DEFAULT_STATEMENT_TIMEOUT_SECONDS = 60;
    /** Upper bound of {@code statement-timeout-seconds}: one day. */
    public static final int MAX_STATEMENT_TIMEOUT_SECONDS = 86_400;

    /**
     * How the rows of a table are chosen. Databases without TABLESAMPLE support (MySQL, MariaDB, H2,
     * SQLite and any other) read the first {@code sample-rows} rows with LIMIT (or
     * {@link java.sql.Statement#setMaxRows}) for {@code auto} and {@code tablesample} alike. Rows are never
     * ordered randomly: {@code ORDER BY RAND()} reads and sorts the whole table.
     */
    public enum Sampling {
        /**
         * The default: on PostgreSQL, {@code TABLESAMPLE SYSTEM} when the planner's row estimate is at least ten
         * times {@code sample-rows} (pages spread over the whole table instead of its first rows), else LIMIT.
         */
        AUTO,
        /** On PostgreSQL, {@code TABLESAMPLE SYSTEM} whenever the estimate exceeds {@code sample-rows}; LIMIT on tables never analyzed. */
        TABLESAMPLE,
        /** The first {@code sample-rows} rows in the database's own order, with LIMIT. Cheapest; may miss later rows. */
        LIMIT,
        /** Every row; the same as {@code sample-rows: 0}. */
        FULL;

        /** The config spelling, e.g. {@code tablesample}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException when {@code text} is not one of the wire names */
        public static Sampling parse(String text) {
            for (Sampling s : values()) {
                if (s.wireName().equals(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown sampling: " + text);
        }
    }

    /**
     * How a table's revision (change token) is read when listing, so that an incremental run rescans
     * only tables that changed. Every mode runs on the driver, at listing, read-only, each query carrying
     * a {@code /* piimap listing *}{@code /} comment; a table whose token cannot be read gets none and is
     * scanned. The token always includes the table's column names and types, so a schema change
     * rescans it too.
     *
     * @param mode   see {@link Mode}
     * @param column the change column of {@link Mode#COLUMN}, else null
     */
    public record ChangeDetection(Mode mode, String column) implements java.io.Serializable {
        public static final ChangeDetection STATS = new ChangeDetection(Mode.STATS, null);

        public enum Mode {
            /**
             * The default: counters the database keeps anyway, one catalog query per source. PostgreSQL:
             * {@code pg_stat_user_tables} live/inserted/updated/deleted tuple counts (and the statistics
             * reset time); MariaDB/MySQL: {@code information_schema.TABLES} rows, {@code UPDATE_TIME} and
             * {@code CHECKSUM} (a table with neither is scanned every time). Others keep no counters: scanned
             * every time.
             */
            STATS,
            /**
             * {@code count(*)} and {@code max(column)} of the configured column (e.g. {@code updated_at}) in tables
             * that have it, one query per table (a full read unless the column is indexed); other tables use
             * {@link #STATS}. The column must grow with every insert and update.
             */
            COLUMN,
            /** MariaDB/MySQL {@code CHECKSUM TABLE}: exact, but reads every row of every table. */
            CHECKSUM,
            /** No token: every table is scanned every run. */
            NONE
        }

        public ChangeDetection {
            Objects.requireNonNull(mode, "mode");
            if ((mode == Mode.COLUMN) != (column != null && !column.isBlank())) {
                throw new IllegalArgumentException("change detection " + mode + " with column " + column
                        + ": a column is given exactly with mode COLUMN");
            }
        }

        public static ChangeDetection column(String column) {
            return new ChangeDetection(Mode.COLUMN, column);
        }

        /** The config spelling: {@code stats}, {@code checksum}, {@code none} or {@code {column: NAME}}. */
        @Override
        public String toString() {
            return mode == Mode.COLUMN ? "{column: " + column + "}" : mode.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How a table's rows are dated for retention: which column says when a row was created, and how its
     * per-day histogram (the data map's {@code dates} table) is counted. Which column is chosen, and how
     * values become days, is {@code source.jdbc.RowDates}'s rule (documented in the README).
     *
     * @param mode    see {@link Mode}
     * @param columns {@code date-columns}: the names (compared ignoring case) that replace the automatic choice;
     *                the first one a table has dates it. Empty: the automatic choice
     */
    public record RowDating(Mode mode, List<String> columns) implements java.io.Serializable {
        /** The default: the automatic column choice, days counted in the rows read. */
        public static final RowDating DEFAULT = new RowDating(Mode.SAMPLE, List.of());

        public enum Mode {
            /** No dating: the source writes no {@code dates} rows. */
            OFF,
            /**
             * The default: a per-day histogram of the rows the scan reads anyway, no extra query unless the
             * read was a sample; then scaled to the table's estimated row count (one catalog read) and marked
             * estimated.
             */
            SAMPLE,
            /**
             * Like {@link #SAMPLE}, plus, when the read was a sample, one grouped read-only query per table
             * ({@code SELECT CAST(col AS DATE), COUNT(*) ... GROUP BY 1}) giving exact counts for date- and
             * timestamp-typed columns. It reads the whole table (or its index).
             */
            COUNT;

            /** The config spelling, e.g. {@code count}. */
            public String wireName() {
                return name().toLowerCase(Locale.ROOT);
            }

            /** @throws IllegalArgumentException when {@code text} is not one of the wire names */
            public static Mode parse(String text) {
                for (Mode m : values()) {
                    if (m.wireName().equals(text)) {
                        return m;
                    }
                }
                throw new IllegalArgumentException("unknown row-dates mode: " + text);
            }
        }

        public RowDating {
            Objects.requireNonNull(mode, "mode");
            columns = columns == null ? List.of() : List.copyOf(columns);
            if (mode == Mode.OFF && !columns.isEmpty()) {
                throw new IllegalArgumentException("date columns " + columns + " with row dating off");
            }
        }

        /** The config spelling: {@code sample}, {@code count date-columns=[created_at]}, {@code off}. */
        @Override
        public String toString() {
            return mode.wireName() + (columns.isEmpty() ? "" : " date-columns=" + columns);
        }
    }

    public JdbcSourceConfig {
        Objects.requireNonNull(name, "name");
        changeDetection = changeDetection == null ? ChangeDetection.STATS : changeDetection;
        rowDating = rowDating == null ? RowDating.DEFAULT : rowDating;
        Objects.requireNonNull(url, "url");
        include = include == null ? List.of() : List.copyOf(include);
        sampling = sampling == null ? DEFAULT_SAMPLING : sampling;
        if (sampleRows < 0) {
            throw new IllegalArgumentException("sampleRows must be >= 0, was " + sampleRows);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
        }
        if (statementTimeoutSeconds < 1 || statementTimeoutSeconds > MAX_STATEMENT_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("statementTimeoutSeconds must be 1.." + MAX_STATEMENT_TIMEOUT_SECONDS
                    + ", was " + statementTimeoutSeconds);
        }
        if (partitionRows < 0) {
            throw new IllegalArgumentException("partitionRows must be >= 0, was " + partitionRows);
        }
        if (sampling == Sampling.FULL) {
            sampleRows = 0;
        } else if (sampleRows == 0) {
            sampling = Sampling.FULL;
        }
    }

    /** With the default {@code partition-rows}. */
    public JdbcSourceConfig(String name, String url, String user, SecretRef password, List<String> include,
                            int sampleRows, Sampling sampling, int maxConnections, int statementTimeoutSeconds,
                            ChangeDetection changeDetection, RowDating rowDating) {
        this(name, url, user, password, include, sampleRows, sampling, maxConnections, statementTimeoutSeconds,
                changeDetection, rowDating, DEFAULT_PARTITION_ROWS);
    }

    /** With the default row dating ({@code sample}, automatic column choice). */
    public JdbcSourceConfig(String name, String url, String user, SecretRef password, List<String> include,
                            int sampleRows, Sampling sampling, int maxConnections, int statementTimeoutSeconds,
                            ChangeDetection changeDetection) {
        this(name, url, user, password, include, sampleRows, sampling, maxConnections, statementTimeoutSeconds,
                changeDetection, RowDating.DEFAULT);
    }

    /** With the default change detection ({@code stats}) and row dating. */
    public JdbcSourceConfig(String name, String url, String user, SecretRef password, List<String> include,
                            int sampleRows, Sampling sampling, int maxConnections, int statementTimeoutSeconds) {
        this(name, url, user, password, include, sampleRows, sampling, maxConnections, statementTimeoutSeconds,
                ChangeDetection.STATS);
    }

    /** With the default sampling, connection cap, statement timeout and change detection. */
    public JdbcSourceConfig(String name, String url, String user, SecretRef password, List<String> include,
                            int sampleRows) {
        this(name, url, user, password, include, sampleRows, DEFAULT_SAMPLING, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_STATEMENT_TIMEOUT_SECONDS);
    }

    /** This config with {@code partition-rows} set to {@code rows} (0: tables are never split). */
    public JdbcSourceConfig withPartitionRows(int rows) {
        return new JdbcSourceConfig(name, url, user, password, include, sampleRows, sampling, maxConnections,
                statementTimeoutSeconds, changeDetection, rowDating, rows);
    }

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public SourceConnector connector() {
        return new JdbcConnector(this);
    }

    /**
     * The URL without user-info or parameters, which may carry credentials: cut at the first {@code ?}
     * or {@code ;} (SQL Server and H2 put {@code ;password=...} after the address).
     */
    public String redactedUrl() {
        int q = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int cut = q < 0 ? semicolon : semicolon < 0 ? q : Math.min(q, semicolon);
        String base = cut < 0 ? url : url.substring(0, cut + 1) + "…";
        return base.replaceAll("//[^/@]*@", "//***@");
    }

    /**
     * The settings as the scan fingerprint of incremental runs sees them. {@code partition-rows} is left out on
     * purpose: a table read in parts gives the same results as read whole, so changing it rescans nothing.
     */
    @Override
    public String toString() {
        return "JdbcSourceConfig[name=" + name + ", url=" + redactedUrl() + ", user=" + user
                + ", password=" + password + ", include=" + include + ", sampleRows=" + sampleRows
                + ", sampling=" + sampling.wireName() + ", maxConnections=" + maxConnections
                + ", statementTimeoutSeconds=" + statementTimeoutSeconds + ", changeDetection=" + changeDetection
                + ", rowDating=" + rowDating + "]";
    }
}

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.RowDating;
import dev.piimap.scanner.source.DatedRows;
import dev.piimap.scanner.source.ItemResult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How old a table's rows are, for retention: a per-day (UTC) histogram of one date column, built from
 * the rows {@link TableReader} reads anyway and added to the table's result as {@link DatedRows}.
 *
 * <p><b>Which column</b> ({@link #dateColumn}): one per table. With {@code date-columns}, the first listed
 * name the table has (ignoring case) whose type is a date, a timestamp, text or an integer. Without it, the
 * first of: a column named one of {@link #CREATION_NAMES} (earlier names first; date/timestamp, text or
 * integer); else a date- or timestamp-typed column whose name ends in {@code _at}, {@code _on},
 * {@code _date}, {@code _time} or {@code _ts} and does not name another moment ({@link #OTHER_MOMENT}:
 * updated, expires, due, birth, ...), first in table order. A table with none is not dated.
 *
 * <p><b>Values to days</b> ({@link #textDay}, {@link #epochDay}): DATE as it is; TIMESTAMP WITH TIME ZONE in
 * UTC; TIMESTAMP without a zone taken as UTC; text as ISO-8601 ({@code 2024-03-01}, {@code 2024-03-01 10:00:00},
 * with an offset converted to UTC, or {@code 20240301}); integers and 9-18 digit text as Unix time in
 * seconds, milliseconds, microseconds or nanoseconds by magnitude, where times before 1971 (0 is a common
 * "unset") are not taken. Other values, nulls and days outside the years 1-9999 are not counted.
 *
 * <p><b>Exact or estimated.</b> Counts are exact when the read covered the whole table: {@code sample-rows: 0},
 * or a plain LIMIT read that returned fewer rows than {@code sample-rows}, not cut short by the time budget.
 * Otherwise the histogram of the rows read is scaled up to the table's estimated row count
 * ({@link SampleQuery#rowEstimate}: PostgreSQL {@code reltuples}, MariaDB/MySQL {@code TABLE_ROWS}; elsewhere
 * the rows read, so counts are a lower bound) and marked estimated. A LIMIT read returns the first rows in
 * the database's own order, not a random sample, so its days may lean towards old (or new) rows; PostgreSQL's
 * TABLESAMPLE spreads over the table. With {@code row-dates: count}, an estimate for a date- or
 * timestamp-typed column is replaced by exact counts from one grouped query ({@link #countQuery}).
 *
 * <p>At most {@link #MAX_DAYS} distinct days are kept ({@link Days}). Never throws and never fails the
 * table's read: a value that cannot be read is not counted; a failed catalog or count query leaves the
 * estimate.
 */
final class RowDates {
    /** Distinct days kept per table; beyond, the oldest days are merged (see {@link Days}). */
    static final int MAX_DAYS = 20_000;
    /** Column names that say "when the row was made", best first. Compared ignoring case. */
    static final List<String> CREATION_NAMES = List.of("created_at", "created", "creation_date", "creation_time",
            "created_on", "created_date", "create_time", "create_date", "inserted_at", "insert_time", "ts", "timestamp",
            "event_time", "event_date", "occurred_at", "logged_at", "recorded_at", "received_at", "issued_on",
            "issued_at", "date");
    /** The endings of a date- or timestamp-typed column that may date its row when no creation name is present. */
    static final Pattern MOMENT_NAME = Pattern.compile(".+_(at|on|date|time|ts)");
    /** Parts of a name that mark a moment other than the row's creation: such a column never dates rows. */
    static final Pattern OTHER_MOMENT = Pattern.compile(
            "updat|modif|chang|delet|expir|valid|due|birth|dob|start|end|until|last|next|schedul|deadline|closed|resolved");
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EPOCH_DIGITS = Pattern.compile("\\d{9,18}");
    private static final Pattern BASIC_DAY = Pattern.compile("\\d{8}");
    /** Unix times before 1971 are not taken as times: 0 and small numbers are common "unset" values. */
    static final long MIN_EPOCH_SECONDS = 365L * 86_400L;
    private static final long MIN_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> INTEGER_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);
    private static final Pattern INTEGER_NAME = Pattern.compile("(?:tiny|small|medium|big)?int(?:eger)?[0-9]*(?: unsigned)?");

    /** How a dating column's values are read. */
    enum ValueKind {
        DATE, TIMESTAMP, TIMESTAMP_TZ, TEXT, EPOCH;

        boolean typed() {
            return this == DATE || this == TIMESTAMP || this == TIMESTAMP_TZ;
        }
    }

    /** The column that dates a table's rows, at its 1-based position in the sample query's select list. */
    record DateColumn(int index, Column column, ValueKind kind) {
    }

    private final JdbcSourceConfig config;
    private final TableRef table;
    private final DateColumn column;
    private final DatabaseKind kind;
    private final String comment;
    private final Duration timeout;
    private final Days days = new Days(MAX_DAYS);
    private long rowsRead;
    private boolean stopped;

    private RowDates(JdbcSourceConfig config, TableRef table, DateColumn column, DatabaseKind kind, String comment,
                     Duration timeout) {
        this.config = config;
        this.table = table;
        this.column = column;
        this.kind = kind;
        this.comment = comment;
        this.timeout = timeout;
    }

    /**
     * The dating of one table read whose select list is {@code columns}, in order; one that dates nothing when
     * the source's {@code row-dates} is off or the table has no date column.
     */
    static RowDates of(JdbcSourceConfig config, TableRef table, List<Column> columns, DatabaseKind kind, String comment,
                       Duration timeout) {
        return new RowDates(config, table, dateColumn(columns, config.rowDating()), kind, comment, timeout);
    }

    /** The column that dates the table's rows under {@code dating}, or null (see the class comment for the rule). */
    static DateColumn dateColumn(List<Column> columns, RowDating dating) {
        if (dating.mode() == RowDating.Mode.OFF) {
            return null;
        }
        if (!dating.columns().isEmpty()) {
            for (String wanted : dating.columns()) {
                for (int i = 0; i < columns.size(); i++) {
                    ValueKind k = valueKind(columns.get(i));
                    if (k != null && columns.get(i).name().equalsIgnoreCase(wanted)) {
                        return new DateColumn(i + 1, columns.get(i), k);
                    }
                }
            }
            return null;
        }
        DateColumn best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            ValueKind k = valueKind(c);
            String name = c.name().toLowerCase(Locale.ROOT);
            int rank = CREATION_NAMES.indexOf(name);
            if (rank < 0 && k != null && k.typed() && MOMENT_NAME.matcher(name).matches()
                    && !OTHER_MOMENT.matcher(name).find()) {
                rank = CREATION_NAMES.size();
            }
            if (k != null && rank >= 0 && rank < bestRank) {
                best = new DateColumn(i + 1, c, k);
                bestRank = rank;
            }
        }
        return best;
    }

    /** How a column's values become days, or null when its type cannot date rows. */
    static ValueKind valueKind(Column c) {
        String type = c.typeName() == null ? "" : c.typeName().toLowerCase(Locale.ROOT).trim();
        int jdbc = c.jdbcType();
        if (jdbc == Types.TIMESTAMP_WITH_TIMEZONE || type.equals("timestamptz")
                || (type.startsWith("timestamp") && type.contains("with time zone"))) {
            return ValueKind.TIMESTAMP_TZ;
        }
        if (jdbc == Types.TIMESTAMP || type.startsWith("timestamp") || type.startsWith("datetime")) {
            return ValueKind.TIMESTAMP;
        }
        if (jdbc == Types.DATE || type.equals("date")) {
            return ValueKind.DATE;
        }
        if (INTEGER_TYPES.contains(jdbc) || INTEGER_NAME.matcher(type).matches()) {
            return ValueKind.EPOCH;
        }
        if (TEXT_TYPES.contains(jdbc) || type.contains("char") || type.contains("text") || type.contains("string")) {
            return ValueKind.TEXT;
        }
        return null;
    }

    /** Counts the current row of the sample read by its day; a value that cannot be read is not counted. */
    void add(ResultSet row) {
        if (column == null) {
            return;
        }
        rowsRead++;
        Long day = day(row, column.index(), column.kind());
        if (day != null) {
            days.add(day, 1);
        }
    }

    /** The read was cut short (the item's time budget): its rows are a sample, whatever the settings. */
    void stop() {
        stopped = true;
    }

    /** {@code result} with this table's dated rows (replacing any it had); see {@link #rows}. */
    ItemResult addTo(ItemResult result, Connection connection, Namespaces namespaces, String quote) {
        List<DatedRows> dated = rows(connection, namespaces, quote);
        return dated.isEmpty() ? result : new ItemResult(result.assets(), result.findings(), result.subjects(), dated);
    }

    /**
     * The table's dated rows, oldest day first, exact or estimated as the class comment says. May send one
     * catalog read (the row estimate) and, with {@code row-dates: count}, one grouped SELECT.
     */
    List<DatedRows> rows(Connection connection, Namespaces namespaces, String quote) {
        if (column == null) {
            return List.of();
        }
        if (!stopped && config.sampleRows() == 0) {
            return rowsOf(days, 1.0, false);
        }
        SampleQuery query = new SampleQuery(config, kind, comment, timeout);
        // Fewer rows than sample-rows came back: the whole table, unless TABLESAMPLE picked pages.
        boolean wholeUnlessTablesampled = !stopped && rowsRead < config.sampleRows();
        if (wholeUnlessTablesampled && !query.mayTablesample()) {
            return rowsOf(days, 1.0, false);
        }
        double estimate = estimate(query, connection);
        if (wholeUnlessTablesampled && query.tablesamplePercent(estimate) == 0) {
            return rowsOf(days, 1.0, false);
        }
        if (!stopped && config.rowDating().mode() == RowDating.Mode.COUNT && column.kind().typed()) {
            Days counted = count(connection, namespaces, quote);
            if (counted != null) {
                return rowsOf(counted, 1.0, false);
            }
        }
        return rowsOf(days, rowsRead > 0 && estimate > rowsRead ? estimate / rowsRead : 1.0, true);
    }

    /**
     * What this read of one key range dated, for {@link #merge} with the table's other ranges and {@link #rowsOf}
     * (only full reads are split, so the merged days are exact unless a range was cut short by the time budget;
     * then, as for a whole read, they are scaled to the table's estimated rows, asked for here).
     */
    Part part(Connection connection) {
        if (column == null) {
            return null;
        }
        double estimate = stopped ? estimate(new SampleQuery(config, kind, comment, timeout), connection) : -1;
        return new Part(column.column().name(), new TreeMap<>(days.counts()), rowsRead, stopped, estimate);
    }

    /**
     * The days of one key range's rows ({@link #part}).
     *
     * @param estimate the table's estimated rows when the read was cut short, else -1
     */
    record Part(String column, TreeMap<Long, Long> days, long rowsRead, boolean stopped, double estimate)
            implements java.io.Serializable {
        /**
         * This range's days and those of the range after it, as one read of both would have counted them (the
         * {@link Days} limit keeps the same days whatever the order the rows came in).
         */
        Part merge(Part later) {
            Days merged = new Days(MAX_DAYS);
            days.forEach(merged::add);
            later.days.forEach(merged::add);
            return new Part(column, new TreeMap<>(merged.counts()), rowsRead + later.rowsRead, stopped || later.stopped,
                    Math.max(estimate, later.estimate));
        }
    }

    /** The dated rows of a table read in key ranges, from their merged {@link Part} (null: the table is not dated). */
    static List<DatedRows> rowsOf(JdbcSourceConfig config, TableRef table, Part merged) {
        if (merged == null) {
            return List.of();
        }
        boolean estimated = merged.stopped() || config.sampleRows() != 0;
        double scale = estimated && merged.rowsRead() > 0 && merged.estimate() > merged.rowsRead()
                ? merged.estimate() / merged.rowsRead() : 1.0;
        List<DatedRows> out = new ArrayList<>();
        for (Map.Entry<Long, Long> day : merged.days().entrySet()) {
            long rows = estimated ? Math.max(1, Math.round(day.getValue() * scale)) : day.getValue();
            out.add(new DatedRows(config.name(), table.locator(), merged.column(), day.getKey(), rows, estimated));
        }
        return out;
    }

    private double estimate(SampleQuery query, Connection connection) {
        try {
            return query.rowEstimate(connection, table);
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    private List<DatedRows> rowsOf(Days histogram, double scale, boolean estimated) {
        List<DatedRows> out = new ArrayList<>();
        for (Map.Entry<Long, Long> day : histogram.counts().entrySet()) {
            long rows = estimated ? Math.max(1, Math.round(day.getValue() * scale)) : day.getValue();
            out.add(new DatedRows(config.name(), table.locator(), column.column().name(), day.getKey(), rows, estimated));
        }
        return out;
    }

    /** Exact counts per day from one grouped query, or null when it fails (timeout, a value the cast refuses). */
    private Days count(Connection connection, Namespaces namespaces, String quote) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = statement.executeQuery(countQuery(namespaces, quote))) {
                Days counted = new Days(MAX_DAYS);
                while (rs.next()) {
                    Long day = day(rs, 1, ValueKind.DATE);
                    long rows = rs.getLong(2);
                    if (day != null && rows > 0) {
                        counted.add(day, rows);
                    }
                }
                return counted;
            }
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code <comment> SELECT CAST(col AS DATE), COUNT(*) FROM t WHERE col IS NOT NULL GROUP BY CAST(col AS DATE)},
     * identifiers quoted; PostgreSQL {@code timestamptz} is cast in UTC, SQLite uses {@code DATE(col)}, MySQL gets
     * its {@code MAX_EXECUTION_TIME} hint. Other databases cast in their session's time zone.
     */
    String countQuery(Namespaces namespaces, String quote) {
        String col = SqlText.quote(quote, column.column().name());
        String day;
        if (kind == DatabaseKind.SQLITE) {
            day = "DATE(" + col + ")";
        } else if (kind == DatabaseKind.POSTGRESQL && column.kind() == ValueKind.TIMESTAMP_TZ) {
            day = "CAST(" + col + " AT TIME ZONE 'UTC' AS DATE)";
        } else {
            day = "CAST(" + col + " AS DATE)";
        }
        String hint = kind == DatabaseKind.MYSQL ? "/*+ MAX_EXECUTION_TIME(" + timeout.toMillis() + ") */ " : "";
        return comment + " SELECT " + hint + day + ", COUNT(*) FROM " + namespaces.qualifiedName(quote, table)
                + " WHERE " + col + " IS NOT NULL GROUP BY " + day;
    }

    /** The day (UTC, epoch days) of column {@code index} of the current row, or null. */
    private static Long day(ResultSet row, int index, ValueKind kind) {
        Long day;
        try {
            day = switch (kind) {
                case DATE -> {
                    LocalDate d = row.getObject(index, LocalDate.class);
                    yield d == null ? null : d.toEpochDay();
                }
                case TIMESTAMP_TZ -> {
                    OffsetDateTime t = row.getObject(index, OffsetDateTime.class);
                    yield t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toEpochDay();
                }
                case TIMESTAMP -> {
                    LocalDateTime t = row.getObject(index, LocalDateTime.class);
                    yield t == null ? null : t.toLocalDate().toEpochDay();
                }
                case EPOCH -> {
                    long v = row.getLong(index);
                    yield row.wasNull() ? null : epochDay(v);
                }
                case TEXT -> textDay(row.getString(index));
            };
        } catch (SQLException | RuntimeException e) {
            // A driver that cannot hand out the type (or a value beyond it, such as PostgreSQL's infinity): its text.
            try {
                day = textDay(row.getString(index));
            } catch (SQLException | RuntimeException again) {
                return null;
            }
        }
        return day == null || day < MIN_DAY || day > MAX_DAY ? null : day;
    }

    /**
     * The day of an ISO-8601 date or date-time (an offset converts it to UTC; without one it is taken as UTC),
     * of a basic ISO date ({@code 20240301}), or of Unix time written as 9 to 18 digits; null for anything else.
     */
    static Long textDay(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (EPOCH_DIGITS.matcher(s).matches()) {
            return epochDay(Long.parseLong(s));
        }
        if (BASIC_DAY.matcher(s).matches()) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (s.length() < 10 || !ISO_DAY.matcher(s.substring(0, 10)).matches()) {
            return null;
        }
        LocalDate written;
        try {
            written = LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
        String time = s.substring(10);
        boolean hasOffset = time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
        if (hasOffset && s.length() > 11) {
            try {
                return OffsetDateTime.parse(s.substring(0, 10) + "T" + s.substring(11).replace('z', 'Z'))
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toEpochDay();
            } catch (DateTimeParseException e) {
                // an offset ISO-8601 does not spell (e.g. "+01"): the day as written
            }
        }
        return written.toEpochDay();
    }

    /**
     * The day of Unix time {@code value}: seconds below 10^11, milliseconds below 10^14, microseconds below
     * 10^17, else nanoseconds; null for times before 1971 ({@link #MIN_EPOCH_SECONDS}) and negative values.
     */
    static Long epochDay(long value) {
        long seconds = value < 100_000_000_000L ? value
                : value < 100_000_000_000_000L ? value / 1_000L
                : value < 100_000_000_000_000_000L ? value / 1_000_000L
                : value / 1_000_000_000L;
        return seconds < MIN_EPOCH_SECONDS ? null : seconds / 86_400L;
    }

    /**
     * Rows per day, at most {@code maxDays} distinct days. One more day merges the second-oldest day into
     * the oldest: the oldest day and the total stay exact, and only the oldest days (by then far past any
     * retention limit) lose their resolution, their rows counted as of the oldest day.
     */
    static final class Days {
        private final NavigableMap<Long, Long> counts = new TreeMap<>();
        private final int maxDays;

        Days(int maxDays) {
            if (maxDays < 2) {
                throw new IllegalArgumentException("a day histogram keeps at least 2 days, was " + maxDays);
            }
            this.maxDays = maxDays;
        }

        void add(long day, long rows) {
            counts.merge(day, rows, Long::sum);
            if (counts.size() > maxDays) {
                Map.Entry<Long, Long> oldest = counts.firstEntry();
                long merged = counts.remove(counts.higherKey(oldest.getKey()));
                counts.put(oldest.getKey(), oldest.getValue() + merged);
            }
        }

        /** Rows per epoch day, oldest first; a read-only view. */
        Map<Long, Long> counts() {
            return Collections.unmodifiableMap(counts);
        }
    }
}

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.RowDating;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.DatedRows;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The row-dating rule (which column, how values become days, the bounded histogram) as tables of cases,
 * and the whole path through the connector on H2 and SQLite (no row estimate: a sample's counts stay a
 * lower bound). PostgreSQL's estimates and statement log: {@link RowDatesPostgresTest}.
 */
class RowDatesTest {
    private static final RowDating AUTO = RowDating.DEFAULT;

    @TempDir
    static Path dir;
    private static Connection h2Keeper;

    // ---- which column dates a table

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            id:int4, created_at:timestamptz, note:text                        | created_at
            id:int4, date_of_birth:date, created_at:timestamptz               | created_at
            id:int4, ts:timestamptz, created:timestamp                        | created
            id:int4, CREATED_AT:TIMESTAMP                                     | CREATED_AT
            id:int4, event_time:timestamp, inserted_at:timestamp              | inserted_at
            id:int4, ordered_on:date, updated_at:timestamptz                  | ordered_on
            id:int4, updated_at:timestamptz, deleted_at:timestamptz           | -
            id:int4, date_of_birth:date, expires_at:timestamptz, due_on:date  | -
            id:int4, valid_until:date, start_date:date, last_login_at:timestamp | -
            id:int4, created:int8                                             | created
            id:int4, created_at:varchar                                       | created_at
            id:int4, shipped_at:varchar                                       | -
            id:int4, created_at:bytea, paid_at:timestamptz                    | paid_at
            id:int4, sent_at:timestamp, created_at:text                       | created_at
            id:int4, note:text                                                | -
            """)
    void choosesTheCreationColumnAutomatically(String table, String expected) {
        RowDates.DateColumn chosen = RowDates.dateColumn(columns(table), AUTO);

        assertThat(chosen == null ? null : chosen.column().name()).isEqualTo(expected);
    }

    @Test
    void dateColumnsReplaceTheAutomaticChoiceFirstListedNameFirst() {
        List<Column> table = columns("id:int4, created_at:timestamptz, Booked_On:date, flag:bool");

        assertThat(RowDates.dateColumn(table, new RowDating(RowDating.Mode.SAMPLE, List.of("booked_on", "created_at"))))
                .extracting(c -> c.column().name(), RowDates.DateColumn::index, RowDates.DateColumn::kind)
                .containsExactly("Booked_On", 3, RowDates.ValueKind.DATE);
        assertThat(RowDates.dateColumn(table, new RowDating(RowDating.Mode.COUNT, List.of("missing", "created_at"))))
                .extracting(c -> c.column().name()).isEqualTo("created_at");
        assertThat(RowDates.dateColumn(table, new RowDating(RowDating.Mode.SAMPLE, List.of("flag")))).isNull();
        assertThat(RowDates.dateColumn(table, new RowDating(RowDating.Mode.OFF, List.of()))).isNull();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            timestamptz                 | 93   | TIMESTAMP_TZ
            TIMESTAMP WITH TIME ZONE    | 2014 | TIMESTAMP_TZ
            timestamp                   | 93   | TIMESTAMP
            DATETIME                    | 93   | TIMESTAMP
            date                        | 91   | DATE
            int8                        | -5   | EPOCH
            INTEGER                     | 1111 | EPOCH
            varchar                     | 12   | TEXT
            TEXT                        | 1111 | TEXT
            time                        | 92   | -
            bool                        | -7   | -
            interval                    | 1111 | -
            """)
    void readsDateTimestampTextAndIntegerColumnsOnly(String typeName, int jdbcType, String expected) {
        RowDates.ValueKind kind = RowDates.valueKind(new Column("c", typeName, jdbcType));

        assertThat(kind == null ? null : kind.name()).isEqualTo(expected);
    }

    // ---- values to days

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2024-03-01                       | 2024-03-01
            2024-03-01 10:00:00              | 2024-03-01
            2024-03-01T23:30:00-05:00        | 2024-03-02
            2024-03-01 00:30:00+02:00        | 2024-02-29
            2024-03-01T10:00:00Z             | 2024-03-01
            2024-03-01 23:30:00+01           | 2024-03-01
            20240301                         | 2024-03-01
            1709251200                       | 2024-03-01
            1709251200000                    | 2024-03-01
            1709251200000000                 | 2024-03-01
            '  2024-03-01  '                 | 2024-03-01
            2024-02-30                       | -
            2024                             | -
            0                                | -
            yesterday                        | -
            ''                               | -
            03/01/2024                       | -
            """)
    void turnsTextIntoUtcDays(String text, String expected) {
        Long day = RowDates.textDay(text);

        assertThat(day == null ? null : LocalDate.ofEpochDay(day).toString()).isEqualTo(expected);
    }

    @Test
    void takesIntegersAsUnixTimeByMagnitudeButNotTimesBefore1971() {
        long day = LocalDate.of(2024, 3, 1).toEpochDay();

        assertThat(RowDates.epochDay(1_709_251_200L)).isEqualTo(day);
        assertThat(RowDates.epochDay(1_709_251_200_000L)).isEqualTo(day);
        assertThat(RowDates.epochDay(1_709_251_200_000_000L)).isEqualTo(day);
        assertThat(RowDates.epochDay(1_709_251_200_000_000_000L)).isEqualTo(day);
        assertThat(RowDates.epochDay(0)).isNull();
        assertThat(RowDates.epochDay(86_400L * 300)).isNull();
        assertThat(RowDates.epochDay(-5)).isNull();
    }

    // ---- the bounded histogram

    @Test
    void histogramBeyondItsDaysMergesTheOldestKeepingTheOldestDayAndTheTotal() {
        RowDates.Days days = new RowDates.Days(3);
        days.add(50, 1);
        days.add(10, 2);
        days.add(30, 4);
        days.add(30, 1);
        days.add(40, 8);
        days.add(20, 16);

        assertThat(days.counts()).containsExactly(entry(10L, 2L + 16 + 5), entry(40L, 8L), entry(50L, 1L));
    }

    // ---- through the connector, on databases without row estimates

    record Database(String label, String url) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Database> databases() {
        return Stream.of(new Database("h2", "jdbc:h2:mem:piimap-row-dates;DB_CLOSE_DELAY=-1"),
                new Database("sqlite", "jdbc:sqlite:" + dir.resolve("row-dates.db")));
    }

    /** 40 rows: day 2020-01-01 + (i % 8) for i in 1..40, five rows a day, created at 23:00 UTC; every tenth row undated. */
    @BeforeAll
    static void createTables() throws SQLException {
        h2Keeper = DriverManager.getConnection(databases().findFirst().orElseThrow().url());
        for (Database db : databases().toList()) {
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE logins (id INTEGER, email VARCHAR(100), created_at TIMESTAMP)");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO logins VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= 40; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "user" + i + "@example.com");
                        if (i % 10 == 0) {
                            insert.setNull(3, Types.TIMESTAMP);
                        } else {
                            insert.setString(3, LocalDate.of(2020, 1, 1).plusDays(i % 8) + " 23:00:00");
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    @AfterAll
    static void dropH2() throws SQLException {
        if (h2Keeper != null) {
            h2Keeper.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyRowReadGivesExactCounts(Database db) {
        List<DatedRows> dates = scan(db, 0, RowDating.DEFAULT);

        assertThat(days(dates)).containsExactlyEntriesOf(expectedDays());
        assertThat(dates).allSatisfy(d -> {
            assertThat(d.estimated()).isFalse();
            assertThat(d.column()).isEqualTo(columnName(db));
            assertThat(d.source()).isEqualTo(db.label());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSampleLargerThanTheTableIsExactToo(Database db) {
        assertThat(scan(db, 100, RowDating.DEFAULT)).isNotEmpty().noneMatch(DatedRows::estimated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSampleWithoutARowEstimateIsMarkedEstimatedAndNotScaled(Database db) {
        List<DatedRows> dates = scan(db, 16, RowDating.DEFAULT);

        assertThat(dates).isNotEmpty().allMatch(DatedRows::estimated);
        assertThat(dates.stream().mapToLong(DatedRows::rows).sum()).isBetween(1L, 16L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countModeCountsEveryRowWithOneGroupedQuery(Database db) {
        List<DatedRows> dates = scan(db, 16, new RowDating(RowDating.Mode.COUNT, List.of()));

        assertThat(days(dates)).containsExactlyEntriesOf(expectedDays());
        assertThat(dates).noneMatch(DatedRows::estimated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rowDatesOffDatesNothing(Database db) {
        assertThat(scan(db, 0, new RowDating(RowDating.Mode.OFF, List.of()))).isEmpty();
    }

    // ---- helpers

    /** Days 2020-01-01 .. 2020-01-08 (i % 8 for i = 1..40 without multiples of 10) with their row counts. */
    private static Map<LocalDate, Long> expectedDays() {
        Map<LocalDate, Long> expected = new TreeMap<>();
        for (int i = 1; i <= 40; i++) {
            if (i % 10 != 0) {
                expected.merge(LocalDate.of(2020, 1, 1).plusDays(i % 8), 1L, Long::sum);
            }
        }
        return expected;
    }

    private static Map<LocalDate, Long> days(List<DatedRows> dates) {
        return dates.stream().collect(Collectors.toMap(d -> LocalDate.ofEpochDay(d.epochDay()), DatedRows::rows,
                Long::sum, TreeMap::new));
    }

    private static String columnName(Database db) {
        return db.label().equals("h2") ? "CREATED_AT" : "created_at";
    }

    private static List<DatedRows> scan(Database db, int sampleRows, RowDating dating) {
        JdbcSourceConfig config = new JdbcSourceConfig(db.label(), db.url(), null, null, List.of(), sampleRows,
                JdbcSourceConfig.DEFAULT_SAMPLING, 1, 30, null, dating);
        String table = db.label().equals("h2") ? "PUBLIC.LOGINS" : "main.logins";
        return new JdbcConnector(config).scan(new ScanItem(db.label(), table, -1, -1),
                new ScanContext("row-dates-test", ExtractionLimits.defaults(), false)).dates();
    }

    /** {@code name:type, ...} with the JDBC type the PostgreSQL driver would report for each type name. */
    private static List<Column> columns(String spec) {
        Map<String, Integer> jdbc = Map.of("int4", Types.INTEGER, "int8", Types.BIGINT, "timestamptz", Types.TIMESTAMP,
                "timestamp", Types.TIMESTAMP, "TIMESTAMP", Types.TIMESTAMP, "date", Types.DATE, "text", Types.VARCHAR,
                "varchar", Types.VARCHAR, "bytea", Types.BINARY, "bool", Types.BIT);
        return Arrays.stream(spec.split(",")).map(String::strip).map(c -> c.split(":"))
                .map(p -> new Column(p[0], p[1], jdbc.getOrDefault(p[1], Types.OTHER))).toList();
    }
}

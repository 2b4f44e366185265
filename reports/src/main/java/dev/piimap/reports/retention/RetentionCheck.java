package dev.piimap.reports.retention;

import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

/**
 * Checks one committed run of the data map against a {@link RetentionPolicy}, as of a day.
 *
 * <ul>
 *   <li><b>Tables</b> ({@code asset_kind} {@code table}): a table's data categories are those of its columns'
 *       findings. Its age comes from the {@code dates} table: the rows dated before the applying rule's
 *       cutoff are over the limit (exact or estimated, as the dates say). A table dated by several columns
 *       is judged by the one with the most rows over. A table a rule applies to without dated rows is
 *       reported as undated.</li>
 *   <li><b>Everything else</b> (files, embedded documents, attachments, tickets): dated by its
 *       {@code modified} time (UTC day); an embedded document without one takes its outermost file's. An
 *       asset modified before the cutoff is over the limit; one without a time is undated.</li>
 * </ul>
 * Of the rules that apply to an asset, the strictest (shortest max age) alone judges it
 * ({@link RetentionPolicy#strictest}), so an asset is reported at most once.
 *
 * <p>Only aggregates reach the driver: one row per table read (with its categories), per table and date
 * column one row with its rows before each rule's cutoff, and the non-table assets modified before the latest
 * cutoff (or never).
 */
public final class RetentionCheck {
    /** Asset kinds that are failure records, not data: never checked. */
    static final List<String> NOT_DATA = List.of("column", "table", "source", "item");
    private static final LocalDate EPOCH = LocalDate.ofEpochDay(0);

    /** One date column of a table, aggregated: oldest day, whether estimated, rows before each cutoff. */
    record DatedColumn(String column, LocalDate oldest, boolean estimated, Map<LocalDate, Long> rowsBefore) {
    }

    /** A table with its findings' categories (possibly none) and its dated columns (possibly none). */
    record Table(String source, String table, Set<String> categories, List<DatedColumn> dated) {
    }

    /** A non-table asset with its kind, modification time (null: unknown) and findings' categories. */
    record Place(String source, String asset, String kind, Instant modified, Set<String> categories) {
    }

    private final DataMapReader reader;

    public RetentionCheck(DataMapReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Checks {@code run} (committed) against {@code policy} with ages measured on {@code asOf}.
     *
     * @throws IllegalArgumentException when the run has not committed
     */
    public RetentionReport check(RunRecord run, RetentionPolicy policy, LocalDate asOf) {
        List<LocalDate> cutoffs = policy.rules().stream().map(r -> r.maxAge().cutoff(asOf)).distinct().sorted().toList();
        return evaluate(run.runId(), policy, asOf, tables(run, cutoffs), places(run, cutoffs.get(cutoffs.size() - 1)));
    }

    /** The verdicts on facts already gathered; see the class comment for the rules. */
    static RetentionReport evaluate(String runId, RetentionPolicy policy, LocalDate asOf, List<Table> tables,
                                    List<Place> places) {
        List<RetentionViolation> violations = new ArrayList<>();
        List<RetentionReport.Undated> undated = new ArrayList<>();
        for (Table t : tables) {
            RetentionRule rule = policy.strictest(t.source(), t.table(), t.categories(), asOf);
            if (rule == null) {
                continue;
            }
            LocalDate cutoff = rule.maxAge().cutoff(asOf);
            if (t.dated().isEmpty()) {
                undated.add(new RetentionReport.Undated(rule.name(), t.source(), t.table(), "table",
                        "no dated rows: the table has no date column (see the jdbc keys row-dates and date-columns)"));
                continue;
            }
            DatedColumn worst = t.dated().stream()
                    .max(Comparator.comparingLong((DatedColumn d) -> d.rowsBefore().getOrDefault(cutoff, 0L))
                            .thenComparing(DatedColumn::column, Comparator.reverseOrder()))
                    .orElseThrow();
            long over = worst.rowsBefore().getOrDefault(cutoff, 0L);
            if (over > 0) {
                violations.add(new RetentionViolation(rule.name(), t.source(), t.table(), "table",
                        List.copyOf(rule.covered(t.categories())), rule.maxAge(), cutoff, worst.oldest(), null, over,
                        worst.estimated(), worst.column()));
            }
        }
        for (Place p : places) {
            RetentionRule rule = policy.strictest(p.source(), p.asset(), p.categories(), asOf);
            if (rule == null) {
                continue;
            }
            LocalDate cutoff = rule.maxAge().cutoff(asOf);
            if (p.modified() == null) {
                undated.add(new RetentionReport.Undated(rule.name(), p.source(), p.asset(), p.kind(),
                        "no modification time"));
                continue;
            }
            LocalDate day = p.modified().atOffset(ZoneOffset.UTC).toLocalDate();
            if (day.isBefore(cutoff)) {
                violations.add(new RetentionViolation(rule.name(), p.source(), p.asset(), p.kind(),
                        List.copyOf(rule.covered(p.categories())), rule.maxAge(), cutoff, day, p.modified(), null,
                        false, null));
            }
        }
        violations.sort(RetentionViolation.WORST_FIRST);
        undated.sort(Comparator.comparing(RetentionReport.Undated::source).thenComparing(RetentionReport.Undated::asset));
        return new RetentionReport(runId, asOf, violations, undated);
    }

    /**
     * Every table the run read a column of, or has dated rows of: categories from its columns' findings, per
     * date column the aggregates.
     */
    private List<Table> tables(RunRecord run, List<LocalDate> cutoffs) {
        Column table = coalesce(col("item"), regexp_extract(col("asset"), "^(.*)\\.[^.]*$", 1));
        Dataset<Row> columnCategories = reader.findings(run).filter(col("asset_kind").equalTo("column"))
                .groupBy(col("source").as("f_source"), table.as("f_table"))
                .agg(collect_set(col("category")).as("categories"));
        Dataset<Row> scanned = reader.assets(run).filter(col("asset_kind").equalTo("column"))
                .select(col("source"), table.as("table")).distinct();
        Map<List<String>, Set<String>> categories = new HashMap<>();
        for (Row row : scanned.join(columnCategories, col("source").equalTo(col("f_source"))
                        .and(col("table").equalTo(col("f_table"))), "full_outer")
                .select(coalesce(col("source"), col("f_source")).as("source"),
                        coalesce(col("table"), col("f_table")).as("table"), col("categories"))
                .collectAsList()) {
            categories.put(List.of(Rows.string(row, "source"), Rows.string(row, "table")),
                    new TreeSet<>(Rows.strings(row, "categories")));
        }
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(max(col("estimated")).as("estimated"));
        for (int i = 0; i < cutoffs.size(); i++) {
            aggregates.add(sum(when(col("day").lt(lit(cutoffs.get(i))), col("rows")).otherwise(0L)).as("over_" + i));
        }
        Map<List<String>, List<DatedColumn>> dated = new HashMap<>();
        Dataset<Row> perColumn = reader.dates(run).groupBy(col("source"), col("asset"), col("column"))
                .agg(datediff(min(col("day")), lit(EPOCH)).as("oldest_day"), aggregates.toArray(Column[]::new));
        for (Row row : perColumn.collectAsList()) {
            Map<LocalDate, Long> rowsBefore = new HashMap<>();
            for (int i = 0; i < cutoffs.size(); i++) {
                rowsBefore.put(cutoffs.get(i), Rows.longOrZero(row, "over_" + i));
            }
            dated.computeIfAbsent(List.of(Rows.string(row, "source"), Rows.string(row, "asset")), k -> new ArrayList<>())
                    .add(new DatedColumn(Rows.string(row, "column"), LocalDate.ofEpochDay(Rows.longOrZero(row, "oldest_day")),
                            row.getBoolean(row.fieldIndex("estimated")), rowsBefore));
        }
        Set<List<String>> keys = new TreeSet<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        keys.addAll(categories.keySet());
        keys.addAll(dated.keySet());
        List<Table> tables = new ArrayList<>();
        for (List<String> key : keys) {
            tables.add(new Table(key.get(0), key.get(1), categories.getOrDefault(key, Set.of()),
                    dated.getOrDefault(key, List.of())));
        }
        return tables;
    }

    /** Non-table assets modified before {@code latestCutoff} or never, with their findings' categories. */
    private List<Place> places(RunRecord run, LocalDate latestCutoff) {
        Dataset<Row> assets = reader.assets(run).filter(not(col("asset_kind").isin(NOT_DATA.toArray())));
        Dataset<Row> outer = assets.select(col("source").as("outer_source"), col("asset").as("outer_asset"),
                col("modified").as("outer_modified"));
        Dataset<Row> categories = reader.findings(run).filter(not(col("asset_kind").equalTo("column")))
                .groupBy(col("source").as("f_source"), col("asset").as("f_asset"))
                .agg(collect_set(col("category")).as("categories"));
        long cutoffMillis = latestCutoff.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Dataset<Row> old = assets
                .join(outer, col("source").equalTo(col("outer_source"))
                        .and(substring_index(col("asset"), "!/", 1).equalTo(col("outer_asset"))), "left")
                .withColumn("modified_millis", unix_millis(coalesce(col("modified"), col("outer_modified"))))
                .filter(col("modified_millis").isNull().or(col("modified_millis").lt(cutoffMillis)))
                .join(categories, col("source").equalTo(col("f_source")).and(col("asset").equalTo(col("f_asset"))), "left")
                .select(col("source"), col("asset"), col("asset_kind"), col("modified_millis"), col("categories"));
        List<Place> places = new ArrayList<>();
        for (Row row : old.collectAsList()) {
            Long millis = Rows.longOrNull(row, "modified_millis");
            places.add(new Place(Rows.string(row, "source"), Rows.string(row, "asset"), Rows.string(row, "asset_kind"),
                    millis == null ? null : Instant.ofEpochMilli(millis), new TreeSet<>(Rows.strings(row, "categories"))));
        }
        return places;
    }
}

package dev.piimap.reports.html;

import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

/**
 * What the HTML report shows of one committed run, gathered with a handful of small Spark
 * aggregations. Listings are capped so a huge estate still gives a readable file; totals are exact.
 */
record ReportData(RunRecord run,
                  Map<String, SourceTotals> sources,
                  List<TypeTotal> byType,
                  List<CategoryTotal> byCategory,
                  Map<String, List<FindingRow>> findingsBySource,
                  List<FindingRow> sensitiveFindings,
                  List<OutcomeRow> outcomes,
                  long outcomesTotal) {

    /** Finding rows listed per source; the rest are counted and left to {@code bin/scan export}. */
    static final int MAX_FINDINGS_PER_SOURCE = 2_000;
    /** Non-ok outcomes listed. */
    static final int MAX_OUTCOMES = 2_000;
    /** Finding rows of risky types gathered for the risks section. */
    static final int MAX_SENSITIVE_FINDINGS = 1_000;

    record SourceTotals(long assets, long withPersonalData, long findingRows, Map<String, Long> byStatus) {
        long status(String status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    record TypeTotal(String type, String category, long assets, long matches) {
    }

    record CategoryTotal(String category, long assets, long matches) {
    }

    record FindingRow(String source, String asset, String assetKind, String type, String category, long count,
                      Double confidence, String sample, String explanation) {
        static FindingRow of(Row row) {
            return new FindingRow(Rows.string(row, "source"), Rows.string(row, "asset"),
                    Rows.string(row, "asset_kind"), Rows.string(row, "type"), Rows.string(row, "category"),
                    Rows.longOrZero(row, "count"), Rows.doubleOrNull(row, "confidence"),
                    Rows.string(row, "sample"), Rows.string(row, "explanation"));
        }
    }

    record OutcomeRow(String source, String asset, String assetKind, String status, String detail) {
    }

    long assetsScanned() {
        return sources.values().stream().mapToLong(SourceTotals::assets).sum();
    }

    long assetsWithPersonalData() {
        return sources.values().stream().mapToLong(SourceTotals::withPersonalData).sum();
    }

    long assetsWithStatus(String status) {
        return sources.values().stream().mapToLong(totals -> totals.status(status)).sum();
    }

    /**
     * Gathers the report of a committed run in five Spark jobs: asset totals, finding totals (one
     * grouping-sets aggregation), the capped listing per source, the risky-type rows and the outcomes.
     */
    static ReportData gather(DataMapReader reader, RunRecord run, Set<String> sensitiveTypes) {
        Dataset<Row> assets = reader.assets(run);
        Dataset<Row> findings = reader.findings(run);
        FindingTotals totals = FindingTotals.of(findings);
        Map<String, Map<String, Long>> statusBySource = statusBySource(assets);
        return new ReportData(run,
                sourceTotals(run, statusBySource, totals.bySource()),
                totals.byType(),
                totals.byCategory(),
                findingsBySource(findings),
                findings.filter(col("type").isin(sensitiveTypes.toArray()))
                        .orderBy(col("type"), col("source"), col("asset"))
                        .limit(MAX_SENSITIVE_FINDINGS)
                        .collectAsList().stream().map(FindingRow::of).toList(),
                outcomes(assets),
                statusBySource.values().stream()
                        .flatMap(byStatus -> byStatus.entrySet().stream())
                        .filter(entry -> !"ok".equals(entry.getKey()))
                        .mapToLong(Map.Entry::getValue).sum());
    }

    /** Finding totals by (source), (type, category) and (category), from one aggregation. */
    private record FindingTotals(Map<String, SourceFindings> bySource, List<TypeTotal> byType,
                                 List<CategoryTotal> byCategory) {
        /** grouping_id() of each grouping set over (source, type, category): a set bit is a rolled-up column. */
        private static final int BY_SOURCE = 0b011;
        private static final int BY_TYPE = 0b100;
        private static final int BY_CATEGORY = 0b110;

        static FindingTotals of(Dataset<Row> findings) {
            Column source = col("source");
            Column type = col("type");
            Column category = col("category");
            Seq<Seq<Column>> sets = seq(List.of(seq(List.of(source)), seq(List.of(type, category)),
                    seq(List.of(category))));
            Map<String, SourceFindings> bySource = new TreeMap<>();
            List<TypeTotal> byType = new ArrayList<>();
            List<CategoryTotal> byCategory = new ArrayList<>();
            // Assets are unique within a source, so distinct (source, asset) pairs count assets.
            for (Row row : findings.groupingSets(sets, source, type, category)
                    .agg(grouping_id().as("set"), countDistinct(source, col("asset")).as("assets"),
                            count(lit(1)).as("rows"), sum("count").as("matches"))
                    .collectAsList()) {
                long assets = Rows.longOrZero(row, "assets");
                long matches = Rows.longOrZero(row, "matches");
                switch ((int) Rows.longOrZero(row, "set")) {
                    case BY_SOURCE -> bySource.put(Rows.string(row, "source"),
                            new SourceFindings(assets, Rows.longOrZero(row, "rows")));
                    case BY_TYPE -> byType.add(new TypeTotal(Rows.string(row, "type"), Rows.string(row, "category"),
                            assets, matches));
                    case BY_CATEGORY -> byCategory.add(new CategoryTotal(Rows.string(row, "category"), assets,
                            matches));
                    default -> throw new IllegalStateException("unexpected grouping set " + row);
                }
            }
            byType.sort(Comparator.comparingLong(TypeTotal::assets).reversed().thenComparing(TypeTotal::type));
            byCategory.sort(Comparator.comparingLong(CategoryTotal::assets).reversed()
                    .thenComparing(CategoryTotal::category));
            return new FindingTotals(bySource, List.copyOf(byType), List.copyOf(byCategory));
        }

        private static <T> Seq<T> seq(List<T> items) {
            return CollectionConverters.asScala(items).toList();
        }
    }

    private record SourceFindings(long assets, long rows) {
    }

    private static Map<String, Map<String, Long>> statusBySource(Dataset<Row> assets) {
        Map<String, Map<String, Long>> statusBySource = new TreeMap<>();
        for (Row row : assets.groupBy("source", "status").count().collectAsList()) {
            statusBySource.computeIfAbsent(Rows.string(row, "source"), source -> new TreeMap<>())
                    .put(Rows.string(row, "status"), Rows.longOrZero(row, "count"));
        }
        return statusBySource;
    }

    private static Map<String, SourceTotals> sourceTotals(RunRecord run, Map<String, Map<String, Long>> statusBySource,
                                                          Map<String, SourceFindings> findingsBySource) {
        Set<String> names = new TreeSet<>(run.sources());
        names.addAll(statusBySource.keySet());
        names.addAll(findingsBySource.keySet());
        Map<String, SourceTotals> totals = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, Long> byStatus = statusBySource.getOrDefault(name, Map.of());
            SourceFindings found = findingsBySource.getOrDefault(name, new SourceFindings(0, 0));
            totals.put(name, new SourceTotals(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                    found.assets(), found.rows(), Map.copyOf(byStatus)));
        }
        return totals;
    }

    private static Map<String, List<FindingRow>> findingsBySource(Dataset<Row> findings) {
        Map<String, List<FindingRow>> bySource = new TreeMap<>();
        findings.withColumn("row_in_source", row_number().over(
                        Window.partitionBy("source").orderBy(col("asset"), col("type"))))
                .filter(col("row_in_source").leq(MAX_FINDINGS_PER_SOURCE))
                .orderBy(col("source"), col("asset"), col("type"))
                .collectAsList()
                .forEach(row -> bySource.computeIfAbsent(Rows.string(row, "source"), source -> new ArrayList<>())
                        .add(FindingRow.of(row)));
        return bySource;
    }

    private static List<OutcomeRow> outcomes(Dataset<Row> assets) {
        return assets.filter(col("status").notEqual("ok"))
                .orderBy(col("source"), col("asset"))
                .limit(MAX_OUTCOMES)
                .collectAsList().stream()
                .map(row -> new OutcomeRow(Rows.string(row, "source"), Rows.string(row, "asset"),
                        Rows.string(row, "asset_kind"), Rows.string(row, "status"), Rows.string(row, "detail")))
                .toList();
    }
}

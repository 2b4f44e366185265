package dev.piimap.reports.html;

import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

/**
 * How the data map changed over the last committed runs up to the reported one: per run its totals
 * (from the run records) and, per data category, how many assets held it (one aggregation over the
 * findings of those runs). Runs are oldest first; the reported run is last.
 *
 * @param runs       at most {@link #MAX_RUNS} committed runs, oldest first
 * @param categories per category, the number of assets holding it in each run (same order as {@code runs};
 *                   0 where a run found none), categories sorted by name
 */
record Trend(List<RunRecord> runs, Map<String, long[]> categories) {
    /** Runs shown: enough for a year of monthly scans or a quarter of weekly ones. */
    static final int MAX_RUNS = 12;

    static Trend gather(DataMapReader reader, RunRecord reported) {
        List<RunRecord> committed = reader.committedRuns();
        int end = committed.indexOf(reported);
        List<RunRecord> runs = end < 0 ? List.of(reported)
                : List.copyOf(committed.subList(Math.max(0, end + 1 - MAX_RUNS), end + 1));
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            position.put(runs.get(i).runId(), i);
        }
        Map<String, long[]> categories = new TreeMap<>();
        for (Row row : reader.findings(runs).groupBy(col("run_id"), col("category"))
                .agg(countDistinct(col("source"), col("asset")).as("assets")).collectAsList()) {
            long[] series = categories.computeIfAbsent(Rows.string(row, "category"), c -> new long[runs.size()]);
            series[position.get(Rows.string(row, "run_id"))] = Rows.longOrZero(row, "assets");
        }
        return new Trend(runs, categories);
    }

    /** The change of a series from the run before the reported one to the reported one (0 with one run). */
    static long lastChange(long[] series) {
        return series.length < 2 ? 0 : series[series.length - 1] - series[series.length - 2];
    }

    /**
     * An inline SVG line of {@code series} scaled to its own maximum, {@code width}×{@code height} pixels,
     * with the last point marked; no scripts, no external resources.
     */
    static String sparkline(long[] series, int width, int height) {
        long max = 1;
        for (long v : series) {
            max = Math.max(max, v);
        }
        StringBuilder points = new StringBuilder();
        double step = series.length < 2 ? 0 : (width - 4.0) / (series.length - 1);
        double lastX = 2;
        double lastY = height - 2;
        for (int i = 0; i < series.length; i++) {
            lastX = 2 + i * step;
            lastY = height - 2 - (height - 4.0) * series[i] / max;
            points.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.1f,%.1f", lastX, lastY));
        }
        return String.format(java.util.Locale.ROOT, "<svg class=\"spark\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"trend\"><polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\""
                        + " points=\"%s\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#0969da\"/></svg>",
                width, height, width, height, points, lastX, lastY);
    }

    /** Runs as listed in the report: newest first. */
    List<RunRecord> newestFirst() {
        List<RunRecord> reversed = new ArrayList<>(runs);
        java.util.Collections.reverse(reversed);
        return reversed;
    }
}

package dev.piimap.reports.retention;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link RetentionReport}'s violations, worst first: as JSON Lines, one object per violation with
 * the keys {@code rule, source, asset, asset_kind, categories, max_age, oldest, rows_over, estimated, reason}
 * in that order, then {@code date_column, cutoff, days_over}; or as a plain-text table. Neither holds a
 * scanned value: only names, days and counts. The target is flushed, never closed.
 */
public final class RetentionOutput {
    /** Undated assets named in the table format; the rest are counted. */
    static final int MAX_UNDATED_SHOWN = 10;

    private static final JsonFactory JSON = new JsonFactory()
            .setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private RetentionOutput() {
    }

    /** One JSON object per violation and line; nothing for a report without violations. */
    public static void writeJsonLines(RetentionReport report, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            for (RetentionViolation v : report.violations()) {
                json.writeStartObject();
                json.writeStringField("rule", v.rule());
                json.writeStringField("source", v.source());
                json.writeStringField("asset", v.asset());
                json.writeStringField("asset_kind", v.assetKind());
                json.writeArrayFieldStart("categories");
                for (String c : v.categories()) {
                    json.writeString(c);
                }
                json.writeEndArray();
                json.writeStringField("max_age", v.maxAge().toString());
                json.writeStringField("oldest", v.oldest());
                json.writeFieldName("rows_over");
                if (v.rowsOver() == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(v.rowsOver());
                }
                json.writeBooleanField("estimated", v.estimated());
                json.writeStringField("reason", v.reason());
                json.writeStringField("date_column", v.dateColumn());
                json.writeStringField("cutoff", v.cutoff().toString());
                json.writeNumberField("days_over", v.daysOver());
                json.writeEndObject();
                json.writeRaw('\n');
            }
            json.flush();
        }
        out.flush();
    }

    /**
     * A heading with the run, the day and the number of violations, one row per violation (rows over prefixed
     * {@code ~} when estimated, {@code -} for files), then the undated assets.
     */
    public static void writeTable(RetentionReport report, Writer out) throws IOException {
        out.write(String.format(Locale.ROOT, "retention check of run %s as of %s: %d violation%s%n", report.runId(),
                report.asOf(), report.violations().size(), report.violations().size() == 1 ? "" : "s"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RULE", "SOURCE", "ASSET", "KIND", "MAX AGE", "OLDEST", "DAYS OVER", "ROWS OVER", "DATED BY"});
        for (RetentionViolation v : report.violations()) {
            String over = v.rowsOver() == null ? "-" : (v.estimated() ? "~" : "") + String.format(Locale.ROOT, "%,d", v.rowsOver());
            rows.add(new String[] {v.rule(), v.source(), v.asset(), v.assetKind(), v.maxAge().toString(),
                    v.oldestDay().toString(), String.format(Locale.ROOT, "%,d", v.daysOver()), over,
                    v.dateColumn() == null ? "modified" : v.dateColumn()});
        }
        if (report.violations().isEmpty()) {
            out.write("no data older than its rule allows\n");
        } else {
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    boolean number = i == 6 || i == 7;
                    String cell = number ? " ".repeat(widths[i] - row[i].length()) + row[i]
                            : row[i] + " ".repeat(widths[i] - row[i].length());
                    line.append(i == 0 ? "" : "  ").append(cell);
                }
                out.write(line.toString().stripTrailing() + "\n");
            }
        }
        if (!report.undated().isEmpty()) {
            out.write(String.format(Locale.ROOT, "%d asset%s a rule applies to could not be checked (no date):%n",
                    report.undated().size(), report.undated().size() == 1 ? "" : "s"));
            for (RetentionReport.Undated u : report.undated().subList(0, Math.min(MAX_UNDATED_SHOWN, report.undated().size()))) {
                out.write(String.format(Locale.ROOT, "  %s %s (%s, rule %s): %s%n", u.source(), u.asset(), u.assetKind(),
                        u.rule(), u.why()));
            }
            if (report.undated().size() > MAX_UNDATED_SHOWN) {
                out.write(String.format(Locale.ROOT, "  and %d more%n", report.undated().size() - MAX_UNDATED_SHOWN));
            }
        }
        out.flush();
    }
}

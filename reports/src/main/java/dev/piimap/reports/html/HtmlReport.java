package dev.piimap.reports.html;

import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.html.ReportData.CategoryTotal;
import dev.piimap.reports.html.ReportData.FindingRow;
import dev.piimap.reports.html.ReportData.OutcomeRow;
import dev.piimap.reports.html.ReportData.SourceTotals;
import dev.piimap.reports.html.ReportData.TypeTotal;
import dev.piimap.reports.html.Risks.Risk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One self-contained HTML page about a committed run: header, overview, risks first, the trend across
 * the last runs, a section per source with the assets where personal data was found, and the outcomes of assets not read fully.
 * Inline CSS, no scripts, no external resources. Every text from the data map is HTML-escaped; the
 * page shows only what the data map holds (masked samples, never raw values).
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1200px;\
            padding:0 1em;color:#1d232a}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em}
            th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#f3f5f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
            code{background:#f3f5f7;padding:0 .2em;border-radius:3px;word-break:break-all}
            .meta{color:#57606a}.cards{display:flex;gap:1em;flex-wrap:wrap}
            .card{border:1px solid #d0d7de;border-radius:6px;padding:.6em 1em;min-width:10em}
            .card b{display:block;font-size:1.6em}
            .risk{border-left:6px solid;padding:.4em .8em;margin:.8em 0;background:#fafbfc}
            .HIGH{border-color:#cf222e}.MEDIUM{border-color:#d4a72c}.LOW{border-color:#8c959f}
            .sev{font-weight:bold;font-size:.85em}.note{color:#57606a;font-style:italic}
            svg.spark{vertical-align:middle}
            """;

    private final DataMapReader reader;
    private final dev.piimap.reports.policy.Policy policy;
    private final dev.piimap.reports.retention.RetentionPolicy retention;
    private final java.time.LocalDate asOf;

    public HtmlReport(DataMapReader reader) {
        this(reader, null, null, null);
    }

    private HtmlReport(DataMapReader reader, dev.piimap.reports.policy.Policy policy,
                       dev.piimap.reports.retention.RetentionPolicy retention, java.time.LocalDate asOf) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.policy = policy;
        this.retention = retention;
        this.asOf = asOf;
    }

    /** This report with policy drift among its risks: findings {@code policy} does not declare where they are. */
    public HtmlReport withPolicy(dev.piimap.reports.policy.Policy policy) {
        return new HtmlReport(reader, Objects.requireNonNull(policy, "policy"), retention, asOf);
    }

    /** This report with retention violations among its risks: data older than {@code retention} allows as of {@code asOf}. */
    public HtmlReport withRetention(dev.piimap.reports.retention.RetentionPolicy retention, java.time.LocalDate asOf) {
        return new HtmlReport(reader, policy, Objects.requireNonNull(retention, "retention"), Objects.requireNonNull(asOf, "asOf"));
    }

    /**
     * Writes the report of the latest committed run to {@code file} (UTF-8), creating its folder if
     * needed. The file appears complete or not at all: the page is written next to it and moved into
     * place.
     *
     * @throws dev.piimap.reports.datamap.DataMapNotFoundException when no run has committed
     */
    public void writeFile(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        RunRecord run = reader.requireLatestCommittedRun();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                write(run, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Writes the report of the latest committed run to {@code out}; flushes, does not close. */
    public void write(Writer out) throws IOException {
        write(reader.requireLatestCommittedRun(), out);
    }

    /**
     * Writes the report of one committed run to {@code out}; flushes, does not close.
     *
     * @throws IllegalArgumentException when the run has not committed
     */
    public void write(String runId, Writer out) throws IOException {
        write(reader.requireCommitted(runId), out);
    }

    private void write(RunRecord run, Writer target) throws IOException {
        ReportData data = ReportData.gather(reader, run, Risks.SENSITIVE_TYPES);
        Writer out = new BufferedWriter(target);
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>piimap report: run " + Html.escape(run.runId()) + "</title>\n");
        out.write("<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        writeHeader(out, run);
        writeOverview(out, data);
        List<Risk> risks = new java.util.ArrayList<>(Risks.assess(data));
        if (policy != null) {
            risks.addAll(Risks.undeclared(dev.piimap.reports.policy.PolicyDrift.violations(reader, run, policy), policy.name()));
        }
        if (retention != null) {
            risks.addAll(Risks.keptTooLong(new dev.piimap.reports.retention.RetentionCheck(reader).check(run, retention, asOf)
                    .violations()));
        }
        risks.sort(java.util.Comparator.comparing(Risk::severity));
        writeRisks(out, risks);
        writeTrend(out, Trend.gather(reader, run));
        writeSources(out, data);
        writeOutcomes(out, data);
        out.write("</body>\n</html>\n");
        out.flush();
    }

    private static void writeHeader(Writer out, RunRecord run) throws IOException {
        out.write("<header id=\"run\">\n<h1>Personal data map</h1>\n<p class=\"meta\">Run <code>"
                + Html.escape(run.runId()) + "</code> &middot; started " + time(run.startedAt())
                + " &middot; finished " + time(run.finishedAt())
                + (run.scannerVersion() == null ? "" : " &middot; piimap " + Html.escape(run.scannerVersion()))
                + "</p>\n</header>\n");
    }

    private static void writeOverview(Writer out, ReportData data) throws IOException {
        out.write("<section id=\"overview\">\n<h2>Overview</h2>\n<div class=\"cards\">\n");
        card(out, "sources", data.sources().size());
        card(out, "assets scanned", data.assetsScanned());
        card(out, "assets with personal data", data.assetsWithPersonalData());
        card(out, "errors", data.assetsWithStatus("error"));
        card(out, "read in part or skipped", data.assetsWithStatus("truncated") + data.assetsWithStatus("skipped"));
        out.write("</div>\n");
        out.write("<h3>Personal data by type</h3>\n");
        if (data.byType().isEmpty()) {
            out.write("<p>No personal data found.</p>\n");
        } else {
            out.write("<table><tr><th>Type</th><th>Category</th><th>Assets</th><th>Matches</th></tr>\n");
            for (TypeTotal total : data.byType()) {
                row(out, cell(total.type()), cell(total.category()), numberCell(total.assets()),
                        numberCell(total.matches()));
            }
            out.write("</table>\n<h3>Personal data by category</h3>\n");
            out.write("<table><tr><th>Category</th><th>Assets</th><th>Matches</th></tr>\n");
            for (CategoryTotal total : data.byCategory()) {
                row(out, cell(total.category()), numberCell(total.assets()), numberCell(total.matches()));
            }
            out.write("</table>\n");
        }
        out.write("</section>\n");
    }

    private static void writeRisks(Writer out, List<Risk> risks) throws IOException {
        out.write("<section id=\"risks\">\n<h2>Risks</h2>\n");
        if (risks.isEmpty()) {
            out.write("<p>Nothing stands out: no card numbers outside payment systems, no credentials, "
                    + "no social security numbers, every asset read.</p>\n");
        }
        for (Risk risk : risks) {
            out.write("<div class=\"risk " + risk.severity() + "\"><span class=\"sev\">" + risk.severity()
                    + "</span> <strong>" + Html.escape(risk.title()) + "</strong> (" + number(risk.placesTotal())
                    + ")<br>" + Html.escape(risk.why()) + "\n<ul>\n");
            for (String place : risk.places()) {
                out.write("<li><code>" + Html.escape(place) + "</code></li>\n");
            }
            if (risk.placesTotal() > risk.places().size()) {
                out.write("<li class=\"note\">and " + number(risk.placesTotal() - risk.places().size())
                        + " more</li>\n");
            }
            out.write("</ul></div>\n");
        }
        out.write("</section>\n");
    }

    private static void writeTrend(Writer out, Trend trend) throws IOException {
        out.write("<section id=\"trend\">\n<h2>Trend across runs</h2>\n");
        if (trend.runs().size() < 2) {
            out.write("<p>This is the first committed run of this data map: the trend starts with the next run.</p>\n");
        }
        if (!trend.categories().isEmpty()) {
            out.write("<table><tr><th>Category</th><th>Assets holding it, last " + trend.runs().size()
                    + " runs</th><th>Now</th><th>Change since the run before</th></tr>\n");
            for (Map.Entry<String, long[]> category : trend.categories().entrySet()) {
                long[] series = category.getValue();
                long change = Trend.lastChange(series);
                row(out, cell(category.getKey()), Trend.sparkline(series, 160, 24), numberCell(series[series.length - 1]),
                        "<td class=\"n\">" + (change > 0 ? "+" : "") + number(change) + "</td>");
            }
            out.write("</table>\n");
        }
        out.write("<table><tr><th>Run</th><th>Finished</th><th>Items listed</th><th>Carried unchanged</th>"
                + "<th>Assets</th><th>Finding rows</th><th>Errors</th></tr>\n");
        for (RunRecord run : trend.newestFirst()) {
            row(out, "<code>" + Html.escape(run.runId()) + "</code>", time(run.finishedAt()), numberCell(run.itemsListed()),
                    numberCell(run.itemsCarried()), numberCell(run.assets()), numberCell(run.findings()),
                    numberCell(run.errors()));
        }
        out.write("</table>\n</section>\n");
    }

    private static void writeSources(Writer out, ReportData data) throws IOException {
        out.write("<section id=\"sources\">\n<h2>Sources</h2>\n");
        int index = 0;
        for (Map.Entry<String, SourceTotals> entry : data.sources().entrySet()) {
            String source = entry.getKey();
            SourceTotals totals = entry.getValue();
            out.write("<section class=\"source\" id=\"source-" + (++index) + "\">\n<h3>" + Html.escape(source)
                    + "</h3>\n<p class=\"meta\">" + number(totals.assets()) + " assets scanned &middot; "
                    + number(totals.withPersonalData()) + " with personal data &middot; "
                    + number(totals.status("error")) + " unreadable</p>\n");
            List<FindingRow> rows = data.findingsBySource().getOrDefault(source, List.of());
            if (rows.isEmpty()) {
                out.write("<p>No personal data found.</p>\n</section>\n");
                continue;
            }
            out.write("<table><tr><th>Asset</th><th>Kind</th><th>Type</th><th>Count</th><th>Confidence</th>"
                    + "<th>Masked sample</th><th>Explanation</th></tr>\n");
            String previousAsset = null;
            for (FindingRow row : rows) {
                boolean sameAsset = row.asset().equals(previousAsset);
                row(out, sameAsset ? "" : "<code>" + Html.escape(row.asset()) + "</code>",
                        sameAsset ? "" : cell(row.assetKind()), cell(row.type()), numberCell(row.count()),
                        row.confidence() == null ? "" : "<td class=\"n\">"
                                + String.format(Locale.ROOT, "%.2f", row.confidence()) + "</td>",
                        row.sample() == null ? "" : "<code>" + Html.escape(row.sample()) + "</code>",
                        cell(row.explanation()));
                previousAsset = row.asset();
            }
            out.write("</table>\n");
            if (totals.findingRows() > rows.size()) {
                out.write("<p class=\"note\">" + number(totals.findingRows() - rows.size())
                        + " more rows: see <code>bin/scan export --what findings</code>.</p>\n");
            }
            out.write("</section>\n");
        }
        out.write("</section>\n");
    }

    private static void writeOutcomes(Writer out, ReportData data) throws IOException {
        out.write("<section id=\"outcomes\">\n<h2>Assets not read fully</h2>\n");
        if (data.outcomes().isEmpty()) {
            out.write("<p>Every asset was read completely.</p>\n</section>\n");
            return;
        }
        out.write("<table><tr><th>Source</th><th>Asset</th><th>Kind</th><th>Status</th><th>Reason</th></tr>\n");
        for (OutcomeRow row : data.outcomes()) {
            row(out, cell(row.source()), "<code>" + Html.escape(row.asset()) + "</code>", cell(row.assetKind()),
                    cell(row.status()), cell(row.detail()));
        }
        out.write("</table>\n");
        if (data.outcomesTotal() > data.outcomes().size()) {
            out.write("<p class=\"note\">" + number(data.outcomesTotal() - data.outcomes().size())
                    + " more: see <code>bin/scan export --what assets</code>.</p>\n");
        }
        out.write("</section>\n");
    }

    private static void card(Writer out, String label, long value) throws IOException {
        out.write("<div class=\"card\"><b>" + number(value) + "</b>" + Html.escape(label) + "</div>\n");
    }

    /** Writes a table row; each argument is escaped cell content, or a whole {@code <td>} element. */
    private static void row(Writer out, String... cells) throws IOException {
        StringBuilder html = new StringBuilder("<tr>");
        for (String cell : cells) {
            html.append(cell.startsWith("<td") ? cell : "<td>" + cell + "</td>");
        }
        out.write(html.append("</tr>\n").toString());
    }

    private static String cell(String text) {
        return Html.escape(text);
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String numberCell(long value) {
        return "<td class=\"n\">" + number(value) + "</td>";
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : Html.escape(instant.toString());
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.reports.html.HtmlReport;
import dev.piimap.reports.policy.Policy;
import dev.piimap.reports.retention.RetentionPolicy;
import dev.piimap.reports.retention.RetentionPolicyException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML report of the latest committed run: risks first, then every source down to columns and files.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--datamap", required = true, paramLabel = "URI", description = "The data map (a path or a file:/s3a: URI).")
    String datamap;

    @Option(names = "--out", required = true, paramLabel = "report.html", description = "The HTML file to write.")
    Path out;

    @Option(names = "--policy", paramLabel = "policy.yaml", description = "A privacy policy (see bin/scan policy): findings it does not declare are listed among the risks.")
    Path policy;

    @Option(names = "--retention", paramLabel = "retention.yaml", description = "A retention policy (see bin/scan retention): data older than it allows, as of today (UTC), is listed among the risks.")
    Path retention;

    @Override
    public Integer call() throws IOException {
        RetentionPolicy rules = null;
        if (retention != null) {
            try {
                rules = RetentionPolicy.load(retention, RetentionCommand.knownCategories());
            } catch (RetentionPolicyException e) {
                System.err.println(e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        render(datamap, out, policy == null ? null : PolicyCommand.loadPolicy(policy), rules);
        System.out.println(out.toAbsolutePath());
        return Main.EXIT_OK;
    }

    /**
     * Writes the report of the data map's latest run; {@code policy} and {@code retention} (each may be null) add
     * policy drift and retention violations (as of today, UTC) to its risks.
     */
    static void render(String datamap, Path out, Policy policy, RetentionPolicy retention) throws IOException {
        HtmlReport report = new HtmlReport(ExportCommand.openReader(datamap));
        if (policy != null) {
            report = report.withPolicy(policy);
        }
        if (retention != null) {
            report = report.withRetention(retention, LocalDate.now(ZoneOffset.UTC));
        }
        report.writeFile(out);
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.reports.html.HtmlReport;
import dev.piimap.reports.policy.Policy;
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

    @Override
    public Integer call() throws IOException {
        render(datamap, out, policy == null ? null : PolicyCommand.loadPolicy(policy));
        System.out.println(out.toAbsolutePath());
        return Main.EXIT_OK;
    }

    /** Writes the report of the data map's latest run; {@code policy} (or null) adds policy drift to its risks. */
    static void render(String datamap, Path out, Policy policy) throws IOException {
        HtmlReport report = new HtmlReport(ExportCommand.openReader(datamap));
        (policy == null ? report : report.withPolicy(policy)).writeFile(out);
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.reports.html.HtmlReport;
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

    @Override
    public Integer call() throws IOException {
        render(datamap, out);
        System.out.println(out.toAbsolutePath());
        return Main.EXIT_OK;
    }

    static void render(String datamap, Path out) throws IOException {
        new HtmlReport(ExportCommand.openReader(datamap)).writeFile(out);
    }
}

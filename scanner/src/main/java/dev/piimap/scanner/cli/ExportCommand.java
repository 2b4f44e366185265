package dev.piimap.scanner.cli;

import dev.piimap.reports.SparkSessions;
import dev.piimap.scanner.s3a.DataMapStorage;
import org.apache.spark.sql.SparkSession;
import dev.piimap.reports.datamap.DataMapNotFoundException;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the latest committed run of a data map as JSON Lines: one line per finding or per asset.")
final class ExportCommand implements Callable<Integer> {
    static final String FORMATS = "jsonl";

    @Option(names = "--datamap", required = true, paramLabel = "URI", description = "The data map (a path or a file:/s3a: URI).")
    String datamap;

    @Option(names = "--what", required = true, paramLabel = "findings|assets", description = "findings: one line per (source, asset, type); assets: one line per asset with its outcome.")
    String what;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT", description = "Output format: jsonl (default).")
    String format;

    @Option(names = "--out", paramLabel = "PATH", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Exporter.What selection;
        try {
            selection = Exporter.What.parse(what);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--what", what, "unknown selection", "use --what findings or --what assets");
        }
        if (!FORMATS.equals(format)) {
            throw new UsageException("--format", format, "unsupported format", "use --format jsonl");
        }
        DataMapReader reader = openReader(datamap);
        Exporter exporter = new Exporter(reader);
        if (out == null) {
            Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            exporter.writeJsonLines(selection, stdout);
            stdout.flush();
        } else {
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                exporter.writeJsonLines(selection, w);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return Main.EXIT_OK;
    }

    /** Opens the data map with a local Spark session; a missing data map is a usage error naming --datamap. */
    static DataMapReader openReader(String datamap) {
        try {
            SparkSession spark = SparkSessions.getOrCreate("local[*]", "piimap read");
            DataMapStorage.configure(spark, datamap, DataMapStorage.fromEnvironment(System.getenv()));
            return DataMapReader.open(spark, datamap);
        } catch (DataMapNotFoundException e) {
            throw new UsageException("--datamap", datamap, e.getMessage(), "pass the datamap: of a scan.yaml that has run");
        }
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.reports.SparkSessions;
import dev.piimap.scanner.s3a.DataMapStorage;
import org.apache.spark.sql.SparkSession;
import dev.piimap.reports.datamap.DataMapNotFoundException;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.job.RunIds;
import java.util.List;
import dev.piimap.reports.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the latest committed run of a data map (or --run ID, or --run all): one record per finding or "
                + "per asset (jsonl, csv, arrow), or the findings as a Fides dataset manifest (fides); --what runs lists the runs.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--datamap", required = true, paramLabel = "URI", description = "The data map (a path or a file:/s3a: URI).")
    String datamap;

    @Option(names = "--what", required = true, paramLabel = "findings|assets|runs", description = "findings: one record per (source, asset, type); assets: one record per asset with its outcome; runs: one record per committed run with its totals.")
    String what;

    @Option(names = "--run", paramLabel = "ID|all", description = "The committed run to export (default: the latest), or 'all' for every committed run, oldest first (records carry their run_id).")
    String run;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT", description = "Output format: "
            + "jsonl (JSON Lines, default), csv (RFC 4180, UTF-8, header row; cells starting with = + - @ get a leading '), "
            + "arrow (Arrow IPC file; needs --out), fides (Fides dataset YAML; --what findings only).")
    String format;

    @Option(names = "--out", paramLabel = "PATH", description = "Output file, replaced atomically when complete (default: standard output; required for arrow).")
    Path out;

    /**
     * Checks every flag before the data map is opened, so bad usage exits 2 having read and written
     * nothing; then writes to standard output, or to {@code --out} through a temporary sibling file moved
     * into place only when the export is complete (a failed export leaves no file behind).
     */
    @Override
    public Integer call() throws IOException {
        Exporter.What selection;
        try {
            selection = Exporter.What.parse(what);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--what", what, "unknown selection", "use --what findings, --what assets or --what runs");
        }
        Exporter.Format outputFormat;
        try {
            outputFormat = Exporter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format", format, "unknown format",
                    "use one of: " + Exporter.Format.wireNames());
        }
        if (!outputFormat.supports(selection)) {
            throw new UsageException("--what", what, "--format " + outputFormat.wireName() + " describes findings only",
                    "use --what findings with --format " + outputFormat.wireName());
        }
        if (!outputFormat.isText() && out == null) {
            throw new UsageException("--out", null, "--format " + outputFormat.wireName()
                    + " writes a binary Arrow IPC file, not text for standard output", "add --out FILE.arrow");
        }
        if (run != null && !"all".equals(run) && !RunIds.isValid(run)) {
            throw new UsageException("--run", run, "is neither a run id nor 'all'", "pass a run id from bin/scan export --what runs, or all");
        }
        if ("all".equals(run) && outputFormat == Exporter.Format.FIDES) {
            throw new UsageException("--run", run, "--format fides describes one run", "pass one run id, or omit --run for the latest");
        }
        DataMapReader reader = openReader(datamap);
        Exporter exporter = new Exporter(reader);
        List<RunRecord> runs = runs(reader);
        if (out == null) {
            exporter.write(selection, outputFormat, runs, System.out);
            System.out.flush();
            return Main.EXIT_OK;
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                exporter.write(selection, outputFormat, runs, file);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Main.EXIT_OK;
    }

    /** The runs {@code --run} names: the latest committed (default), one by id, or every committed run. */
    private List<RunRecord> runs(DataMapReader reader) {
        try {
            if (run == null) {
                return List.of(reader.requireLatestCommittedRun());
            }
            if ("all".equals(run)) {
                List<RunRecord> all = reader.committedRuns();
                if (all.isEmpty()) {
                    return List.of(reader.requireLatestCommittedRun()); // throws: no committed run
                }
                return all;
            }
            return List.of(reader.requireCommitted(run));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--run", run, "has not committed in this data map", "pass a run id from bin/scan export --what runs");
        } catch (DataMapNotFoundException e) {
            throw new UsageException("--datamap", datamap, e.getMessage(), "run bin/scan run first");
        }
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

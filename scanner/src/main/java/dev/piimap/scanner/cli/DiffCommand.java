package dev.piimap.scanner.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.piimap.reports.datamap.DataMapNotFoundException;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.diff.FindingsDiff;
import dev.piimap.reports.diff.RunSelectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code bin/scan diff}: new, removed and changed findings between two committed runs (the logic is
 * {@link FindingsDiff}). With one committed run and no run ids there is nothing to compare: the diff
 * is empty, a note on standard error says why, and the exit status is 0, so a scheduled
 * "scan, then diff" works from the first run on.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Lists findings that are new, removed or changed (count or confidence) between two committed runs,",
                "per (source, asset, type). Default: the last two committed runs by start time."})
final class DiffCommand implements Callable<Integer> {
    private static final int RUN_IDS_IN_MESSAGES = 5;
    private static final JsonFactory JSON = new JsonFactory()
            .setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Option(names = "--datamap", required = true, paramLabel = "URI", description = "The data map (a path or a file:/s3a: URI).")
    String datamap;

    @Option(names = "--from", paramLabel = "RUN", description = "The earlier run id (default: the run started before --to).")
    String from;

    @Option(names = "--to", paramLabel = "RUN", description = "The later run id (default: the latest committed run).")
    String to;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|table", description = "Output format: jsonl (default) or table.")
    String format;

    @Option(names = "--list-runs", description = "List the committed runs (run_id, started_at, finished_at, findings), oldest first, instead of a diff.")
    boolean listRuns;

    @Override
    public Integer call() throws IOException {
        FindingsDiff.Format output = FindingsDiff.Format.parse(format).orElseThrow(() ->
                new UsageException("--format", format, "unsupported format", "use --format jsonl or --format table"));
        if (listRuns && (from != null || to != null)) {
            throw new UsageException(from != null ? "--from" : "--to", from != null ? from : to,
                    "--list-runs lists every committed run and compares none", "drop --from/--to, or drop --list-runs");
        }
        DataMapReader reader = ExportCommand.openReader(datamap);
        FindingsDiff diff = new FindingsDiff(reader);
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (listRuns) {
            writeRuns(diff.runsByStart(), output, stdout);
            return Main.EXIT_OK;
        }
        Optional<FindingsDiff.Runs> runs = selectRuns(diff);
        if (runs.isEmpty()) {
            System.err.printf("diff: the data map at %s has one committed run (%s): nothing to compare it with yet, "
                    + "so the diff is empty; it will compare the next run with this one%n",
                    datamap, reader.requireLatestCommittedRun().runId());
            return Main.EXIT_OK;
        }
        FindingsDiff.Runs pair = runs.get();
        System.err.printf("diff: run %s (started %s) -> run %s (started %s)%n", pair.from().runId(),
                pair.from().startedAt(), pair.to().runId(), pair.to().startedAt());
        FindingsDiff.Summary summary = diff.write(pair, output, stdout);
        System.err.printf("diff: %,d new, %,d removed, %,d changed%n", summary.added(), summary.removed(), summary.changed());
        return Main.EXIT_OK;
    }

    private Optional<FindingsDiff.Runs> selectRuns(FindingsDiff diff) {
        try {
            return diff.selectRuns(from, to);
        } catch (DataMapNotFoundException e) {
            throw new UsageException("--datamap", datamap, e.getMessage(), "pass the datamap: of a scan.yaml that has run");
        } catch (RunSelectionException e) {
            String flag = e.side() == RunSelectionException.Side.FROM ? "--from" : "--to";
            List<RunRecord> runs = diff.runsByStart();
            String latest = IntStream.range(0, Math.min(runs.size(), RUN_IDS_IN_MESSAGES))
                    .mapToObj(i -> runs.get(runs.size() - 1 - i).runId())
                    .collect(Collectors.joining(", "));
            String fix = e.runId() == null ? "pass --from with the run to compare it with" : "pass a committed run id";
            throw new UsageException(flag, e.runId(), e.getMessage(), fix + " (latest first: " + latest
                    + "); list them all with bin/scan diff --datamap " + datamap + " --list-runs");
        }
    }

    /** The committed runs, oldest first: JSON Lines, or a table with the run id last. */
    private static void writeRuns(List<RunRecord> runs, FindingsDiff.Format format, Writer out) throws IOException {
        if (format == FindingsDiff.Format.TABLE) {
            String row = "%-24s %-24s %10s  %s%n";
            out.write(String.format(Locale.ROOT, row, "STARTED", "FINISHED", "FINDINGS", "RUN"));
            for (RunRecord run : runs) {
                out.write(String.format(Locale.ROOT, row, run.startedAt(), run.finishedAt(),
                        String.format(Locale.ROOT, "%,d", run.findings()), run.runId()));
            }
        } else {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                for (RunRecord run : runs) {
                    json.writeStartObject();
                    json.writeStringField("run_id", run.runId());
                    json.writeStringField("started_at", run.startedAt().toString());
                    json.writeStringField("finished_at", run.finishedAt().toString());
                    json.writeNumberField("findings", run.findings());
                    json.writeEndObject();
                    json.writeRaw('\n');
                }
            }
        }
        out.flush();
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.classifiers.EntityType;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.retention.RetentionCheck;
import dev.piimap.reports.retention.RetentionOutput;
import dev.piimap.reports.retention.RetentionPolicy;
import dev.piimap.reports.retention.RetentionPolicyException;
import dev.piimap.reports.retention.RetentionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code bin/scan retention}: a thin shell over {@link RetentionCheck}; the rules live in the reports module. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Checks a committed run of a data map against a retention policy (retention.yaml): tables with",
                "rows and files older than their rule allows, worst first, as JSON Lines or a table."})
final class RetentionCommand implements Callable<Integer> {
    static final Set<String> FORMATS = Set.of("jsonl", "table");

    @Option(names = "--datamap", required = true, paramLabel = "URI", description = "The data map (a path or a file:/s3a: URI).")
    String datamap;

    @Option(names = "--policy", required = true, paramLabel = "retention.yaml", description = "The retention policy, e.g. policies/ahurasense-retention.yaml.")
    Path policy;

    @Option(names = "--run", paramLabel = "ID", description = "The committed run to check (default: the latest).")
    String runId;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day ages are measured on, YYYY-MM-DD (default: today, UTC).")
    String asOf;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|table", description = "jsonl (default): one JSON object per violation; table: plain text.")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) {
            throw new UsageException("--format", format, "unsupported format", "use --format jsonl or --format table");
        }
        LocalDate day = asOfDay();
        RetentionPolicy rules;
        try {
            rules = RetentionPolicy.load(policy, knownCategories());
        } catch (RetentionPolicyException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        DataMapReader reader = ExportCommand.openReader(datamap);
        RetentionReport report = new RetentionCheck(reader).check(run(reader), rules, day);
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (format.equals("table")) {
            RetentionOutput.writeTable(report, stdout);
        } else {
            RetentionOutput.writeJsonLines(report, stdout);
            if (!report.undated().isEmpty()) {
                System.err.printf("retention: %d asset(s) a rule applies to have no date to check (e.g. %s %s: %s);"
                                + " --format table lists them%n", report.undated().size(), report.undated().get(0).source(),
                        report.undated().get(0).asset(), report.undated().get(0).why());
            }
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** The data categories findings can have: those of the entity types. */
    static Set<String> knownCategories() {
        return Arrays.stream(EntityType.values()).map(EntityType::category).collect(Collectors.toUnmodifiableSet());
    }

    private LocalDate asOfDay() {
        if (asOf == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of", asOf, "not a date", "write the day as YYYY-MM-DD, e.g. --as-of 2026-11-30");
        }
    }

    private RunRecord run(DataMapReader reader) {
        if (runId == null) {
            return reader.latestCommittedRun().orElseThrow(() -> new UsageException("--datamap", datamap,
                    "the data map has no committed run yet", "run `bin/scan run` first"));
        }
        try {
            return reader.committedRun(runId).orElseThrow(() -> new UsageException("--run", runId,
                    "no committed run with this id", "omit --run for the latest, or pick a run id from the runs table"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--run", runId, "not a run id", "run ids are 1-64 letters, digits, '.', '_' or '-'");
        }
    }
}

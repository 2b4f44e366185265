package dev.piimap.scanner.cli;

import dev.piimap.reports.datamap.DataMapNotFoundException;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.policy.Policy;
import dev.piimap.reports.policy.PolicyDrift;
import dev.piimap.reports.policy.PolicyException;
import dev.piimap.reports.policy.PolicyParser;
import dev.piimap.scanner.config.ConfigException;
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

/**
 * {@code bin/scan policy}: policy drift, the findings of a committed run whose category the policy file
 * does not declare for their source and asset, worst first (the logic is {@link PolicyDrift}). The
 * policy is read and checked before Spark starts: a bad file is one {@code config error} line naming
 * the file, the key, the value and the fix (exit 2).
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Lists findings whose data category the privacy policy (policy.yaml) does not declare for their",
                "source and asset, worst first: severity, then count. Default: the latest committed run."})
final class PolicyCommand implements Callable<Integer> {
    @Option(names = "--datamap", required = true, paramLabel = "URI", description = "The data map (a path or a file:/s3a: URI).")
    String datamap;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy file, e.g. policies/ahurasense-policy.yaml.")
    Path policyFile;

    @Option(names = "--run", paramLabel = "ID", description = "The committed run to check (default: the latest).")
    String runId;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|table", description = "Output format: jsonl (default) or table.")
    String format;

    @Override
    public Integer call() throws IOException {
        PolicyDrift.Format output = PolicyDrift.Format.parse(format).orElseThrow(() ->
                new UsageException("--format", format, "unsupported format", "use --format jsonl or --format table"));
        Policy policy = loadPolicy(policyFile);
        DataMapReader reader = ExportCommand.openReader(datamap);
        RunRecord run = selectRun(reader);
        System.err.printf("policy: %s: run %s (started %s)%n",
                policy.name().isEmpty() ? policyFile.toString() : policy.name(), run.runId(), run.startedAt());
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PolicyDrift.Summary summary = new PolicyDrift(reader, policy).write(run, output, stdout);
        System.err.printf("policy: %,d findings outside what the policy declares: %,d critical, %,d high, %,d medium, %,d low%n",
                summary.total(), summary.critical(), summary.high(), summary.medium(), summary.low());
        return Main.EXIT_OK;
    }

    /** The policy file, parsed; a missing file is a usage error, a bad one a config error naming the file and key. */
    static Policy loadPolicy(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--policy", file.toString(), "file not found",
                    "pass the path of a policy file, e.g. policies/ahurasense-policy.yaml");
        }
        try {
            return new PolicyParser().load(file);
        } catch (PolicyException e) {
            String key = "(file)".equals(e.key()) ? file.toString() : file + ": " + e.key();
            throw ConfigException.invalid(key, e.value(), e.problem(), e.fix());
        }
    }

    private RunRecord selectRun(DataMapReader reader) {
        if (runId == null) {
            try {
                return reader.requireLatestCommittedRun();
            } catch (DataMapNotFoundException e) {
                throw new UsageException("--datamap", datamap, e.getMessage(), "pass the datamap: of a scan.yaml that has run");
            }
        }
        try {
            return reader.committedRun(runId).orElseThrow(() -> new UsageException("--run", runId,
                    "not a committed run of the data map at " + datamap,
                    "pass a committed run id (list them with bin/scan diff --datamap " + datamap
                            + " --list-runs), or omit --run for the latest"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--run", runId, e.getMessage(), "omit --run for the latest committed run");
        }
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.scanner.eval.EvalCorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bin/scan eval-corpus}: writes a synthetic labelled corpus for {@code bin/scan eval}. The
 * file appears complete or not at all (written beside it, then moved); {@code --out -} writes to
 * standard output. A one-line summary goes to standard error.
 */
@Command(name = "eval-corpus", mixinStandardHelpOptions = true,
        description = "Writes a synthetic labelled evaluation corpus (JSON Lines for 'bin/scan eval'): support chats, CRM notes, KYC forms, "
                + "logs, JSON, CSV, HTTP headers, config files, bank statements and letters in five languages, every entity type labelled with "
                + "exact offsets, about 30%% hard negatives. Fictitious data; deterministic by seed.")
public final class EvalCorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file; '-' for standard output.")
    String out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + EvalCorpusGenerator.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--records", paramLabel = "N", defaultValue = "" + EvalCorpusGenerator.DEFAULT_RECORDS, description = "Number of records (default: ${DEFAULT-VALUE}).")
    int records;

    @Override
    public Integer call() throws IOException {
        try {
            return write();
        } catch (UsageException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return Main.EXIT_USAGE;
        }
    }

    private int write() throws IOException {
        if (records < 1) {
            throw new UsageException("--records", String.valueOf(records), "must be at least 1", "pass e.g. --records 5000");
        }
        EvalCorpusGenerator generator = new EvalCorpusGenerator(seed);
        EvalCorpusGenerator.Summary summary;
        if ("-".equals(out)) {
            Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            summary = generator.write(records, stdout);
        } else {
            Path target = Path.of(out);
            Path folder = target.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new UsageException("--out", out, "its folder does not exist", "create the folder first or pass another path");
            }
            if (Files.isDirectory(target)) {
                throw new UsageException("--out", out, "is a folder", "pass a file name, e.g. --out eval.jsonl");
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                summary = generator.write(records, w);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        spec.commandLine().getErr().println(String.format(Locale.ROOT, "eval-corpus: wrote %,d records (%,d negative, %,d labelled spans) to %s, seed %d",
                summary.records(), summary.negatives(), summary.spans(), "-".equals(out) ? "standard output" : out, seed));
        spec.commandLine().getErr().flush();
        return Main.EXIT_OK;
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.eval.EvalReport;
import dev.piimap.classifiers.eval.Evaluator;
import dev.piimap.classifiers.eval.MalformedRecordException;
import dev.piimap.classifiers.eval.SpanMatching;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code bin/scan eval}: precision, recall and F1 per entity type of the built-in detectors on a
 * labelled JSON Lines file (see {@code dev.piimap.classifiers.eval}). The table or JSON goes to
 * standard output; a bad flag, a missing file or a malformed line exits 2 with one line naming the
 * flag, the line number and the fix, never the line's text. Usage errors are printed and answered
 * with 2 here, so the command behaves the same inside {@code Main} and on its own.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measures detection accuracy on labelled JSON Lines {\"id\",\"text\",\"spans\":[{\"type\",\"start\",\"end\"}],\"negative\"}: "
                + "per type gold, predicted, TP, FP, FN, precision, recall, F1, and findings in negative records. A finding matches a gold span "
                + "of its type that it overlaps by at least half of the longer span (--strict: same start and end); each span matches once.")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Labelled JSON Lines (e.g. from 'bin/scan eval-corpus').")
    Path in;

    @Option(names = "--types", split = ",", paramLabel = "T1,T2", description = "Evaluate only these entity types (gold spans of other types are ignored).")
    List<String> types;

    @Option(names = "--min-score", paramLabel = "X", defaultValue = "0", description = "Drop findings scoring below X (0-1).")
    double minScore;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output: a plain-text table (default) or JSON.")
    String format;

    @Option(names = "--strict", description = "Count a finding only when its start and end equal the gold span's.")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Detection threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        try {
            return evaluate();
        } catch (UsageException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return Main.EXIT_USAGE;
        }
    }

    private int evaluate() throws IOException {
        if (!"table".equals(format) && !"json".equals(format)) {
            throw new UsageException("--format", format, "unknown format", "use --format table or --format json");
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new UsageException("--min-score", String.valueOf(minScore), "must be between 0 and 1", "pass e.g. --min-score 0.5");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new UsageException("--threads", String.valueOf(workers), "must be at least 1", "omit it to use every core");
        }
        Set<EntityType> selected = types == null ? Set.of() : TypesOption.parse(types);
        Evaluator evaluator = new Evaluator(Classifier.defaults().withMinScore(minScore), selected,
                strict ? SpanMatching.EXACT : SpanMatching.OVERLAP, workers);
        if (Files.isDirectory(in)) {
            throw new UsageException("--in", in.toString(), "is a folder", "pass a labelled JSON Lines file");
        }
        EvalReport report;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            report = evaluator.evaluate(reader);
        } catch (NoSuchFileException e) {
            throw new UsageException("--in", in.toString(), "file not found", "pass an existing labelled JSON Lines file");
        } catch (AccessDeniedException e) {
            throw new UsageException("--in", in.toString(), "file not readable", "check the file's permissions");
        } catch (MalformedInputException e) {
            throw new UsageException("--in", in.toString(), "not UTF-8 text", "pass a UTF-8 JSON Lines file");
        } catch (MalformedRecordException e) {
            throw new UsageException("--in", in.toString(), e.getMessage(),
                    "make each line {\"id\":\"..\",\"text\":\"..\",\"spans\":[{\"type\":\"EMAIL_ADDRESS\",\"start\":0,\"end\":5}]}");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print("json".equals(format) ? report.json() : report.table());
        out.flush();
        return Main.EXIT_OK;
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.DetectStream;
import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.CustomDetectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Reads JSON Lines {\"id\",\"text\"} and writes one line of findings per input line, in order. No Spark.")
final class DetectCommand implements Callable<Integer> {
    @Option(names = "--in", paramLabel = "FILE", description = "Input JSON Lines (default: standard input).")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "Output JSON Lines (default: standard output).")
    Path out;

    @Option(names = "--types", split = ",", paramLabel = "T1,T2", description = "Only these entity types.")
    List<String> types;

    @Option(names = "--min-score", paramLabel = "X", defaultValue = "0", description = "Drop findings scoring below X (0-1).")
    double minScore;

    @Option(names = "--show-values", description = "Also print the matched text of each finding. Off by default: output then carries no scanned values.")
    boolean showValues;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--detectors", paramLabel = "DIR", description = "A folder of extra detector specs (*.yaml), added to the built-in ones.")
    Path detectors;

    @Override
    public Integer call() throws IOException {
        if (minScore < 0 || minScore > 1) {
            throw new UsageException("--min-score", String.valueOf(minScore), "must be between 0 and 1", "pass e.g. --min-score 0.5");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new UsageException("--threads", String.valueOf(workers), "must be at least 1", "omit it to use every core");
        }
        Classifier base = detectors == null ? Classifier.defaults() : CustomDetectors.load(detectors, "--detectors").classifier();
        Classifier classifier = base.withMinScore(minScore);
        if (types != null && !types.isEmpty()) {
            classifier = classifier.restrictTo(TypesOption.parse(types));
        }
        try (Reader reader = openIn(); Writer writer = openOut()) {
            DetectStream.run(reader, writer, classifier, showValues, workers);
        }
        return Main.EXIT_OK;
    }

    private Reader openIn() throws IOException {
        if (in == null) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(in, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("--in", in.toString(), "file not found", "pass an existing JSON Lines file or omit --in to read standard input");
        }
    }

    private Writer openOut() throws IOException {
        if (out == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush(); // never close standard output
                }
            };
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }
}

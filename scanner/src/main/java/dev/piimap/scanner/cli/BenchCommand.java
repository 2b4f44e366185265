package dev.piimap.scanner.cli;

import dev.piimap.classifiers.Classifier;
import dev.piimap.scanner.eval.BenchCells;
import dev.piimap.scanner.eval.BenchCorpus;
import dev.piimap.scanner.eval.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code bin/scan bench}: detection throughput of the built-in detectors on a generated in-memory
 * corpus, all types and structured types alone, on one thread and on N; and on short database cell
 * values classified one at a time, on one thread. The table goes to standard output, progress to
 * standard error. Nothing is read or written on disk.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures detection throughput (MB/s and chars/s, per core and in total) on a generated mix of prose, logs, CSV and JSON "
                + "in memory: all types, and structured types alone (no PERSON/STREET_ADDRESS), on 1 and N threads, after a warm-up; the fastest of a few "
                + "passes counts. Then cells/s per core on generated database cell values (e-mails, names, phones, addresses, ids, notes, "
                + "JSON, timestamps) classified one by one.")
public final class BenchCommand implements Callable<Integer> {
    static final int MAX_MB = 4_096;
    static final int MAX_CELLS = 10_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--mb", paramLabel = "N", defaultValue = "64", description = "Corpus size in MB of UTF-8 text (default: ${DEFAULT-VALUE}).")
    int mb;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel runs (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed of the corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "3", description = "Timed passes per configuration; the fastest counts (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "100000",
            description = "Database cell values classified one by one for the cells/s figure; 0 skips it (default: ${DEFAULT-VALUE}).")
    int cells;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (mb < 1 || mb > MAX_MB) {
            return usage(new UsageException("--mb", String.valueOf(mb), "must be between 1 and " + MAX_MB, "pass e.g. --mb 16"));
        }
        if (passes < 1) {
            return usage(new UsageException("--passes", String.valueOf(passes), "must be at least 1", "omit it for 3 passes"));
        }
        if (cells < 0 || cells > MAX_CELLS) {
            return usage(new UsageException("--cells", String.valueOf(cells), "must be between 0 and " + MAX_CELLS, "omit it for 100,000 values"));
        }
        if (workers < 1) {
            return usage(new UsageException("--threads", String.valueOf(workers), "must be at least 1", "omit it to use every core"));
        }
        long heapNeeded = 6L * mb << 20;
        if (Runtime.getRuntime().maxMemory() < heapNeeded) {
            return usage(new UsageException("--mb", String.valueOf(mb), "needs about " + (heapNeeded >> 20) + " MB of heap, the JVM has "
                    + (Runtime.getRuntime().maxMemory() >> 20), "pass a smaller --mb or raise -Xmx (PIIMAP_JAVA_OPTS=-Xmx8g)"));
        }
        err.println(String.format(Locale.ROOT, "bench: generating %d MB of text (seed %d)...", mb, seed));
        err.flush();
        long start = System.nanoTime();
        BenchCorpus corpus = BenchCorpus.generate(seed, (long) mb << 20);
        err.println(String.format(Locale.ROOT, "bench: %s generated in %.1f s", corpus, (System.nanoTime() - start) / 1e9));
        err.flush();
        Consumer<String> progress = line -> {
            err.println("bench: " + line);
            err.flush();
        };
        List<Benchmark.Result> results = Benchmark.run(Classifier.defaults(), corpus, workers, passes, progress);
        Benchmark.CellsResult cellsResult = null;
        if (cells > 0) {
            cellsResult = Benchmark.runCells(Classifier.defaults(), BenchCells.generate(seed, cells), passes, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(Benchmark.table(results, cellsResult, corpus, seed));
        out.flush();
        return Main.EXIT_OK;
    }

    private int usage(UsageException e) {
        spec.commandLine().getErr().println(e.getMessage());
        spec.commandLine().getErr().flush();
        return Main.EXIT_USAGE;
    }
}

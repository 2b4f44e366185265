package dev.piimap.scanner.cli;

import dev.piimap.scanner.bench.BenchException;
import dev.piimap.scanner.bench.EstateBenchmark;
import dev.piimap.scanner.bench.EstateReport;
import dev.piimap.scanner.bench.EstateSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bin/scan bench-estate}: the scale benchmark ({@link EstateBenchmark}). The report goes to
 * standard output (a table, or JSON Lines), progress to standard error. Exit status 0 when every size
 * was measured (whether or not the targets are met), 2 for bad flags, 3 when a size could not be
 * generated or scanned (its folder is kept, with the scan's log).
 */
@Command(name = "bench-estate", mixinStandardHelpOptions = true,
        description = {"Generates estates of several sizes (half rows in an embedded PostgreSQL, half text files of about 1 MB) and measures the "
                + "scanner end to end on each: a real `bin/scan run` per Spark master, in a JVM of its own, against the time to merely read the same data.",
                "Reports JDBC rows/s and files MB/s per core, wall time, peak memory, the speed-up between masters, seconds per GB and "
                        + "issue 6's targets. Takes long: the default sizes need 2-3 hours and about 16 GB of free disk on an idle 2-core machine."})
public final class BenchEstateCommand implements Callable<Integer> {
    static final String MARKER = ".piimap-bench-estate";
    static final int MAX_EXECUTORS = 256;

    /** How the report is printed. */
    enum Format { table, jsonl }

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", paramLabel = "S1,S2", defaultValue = "100MB,1GB,5GB",
            description = "Estate sizes, KB/MB/GB/TB (MB = 1,048,576 bytes), at least 2MB (default: ${DEFAULT-VALUE}).")
    String sizes;

    @Option(names = "--executors", paramLabel = "N1,N2", split = ",", defaultValue = "1,2",
            description = "Scan each estate on local[N] for each N; the first is the speed-up baseline (default: ${DEFAULT-VALUE}).")
    List<Integer> executors;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the estates (default: a new temporary folder, deleted at the end unless --keep).")
    Path out;

    @Option(names = "--keep", description = "Keep each estate (database files, generated files, data maps, scan logs) under --out.")
    boolean keep;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of every generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--detect-mb", paramLabel = "N", defaultValue = "16",
            description = "MB of in-memory text for the detection reference (bin/scan bench on one thread); 0 skips it (default: ${DEFAULT-VALUE}).")
    int detectMb;

    @Option(names = "--incremental", description = "After each full scan, scan the unchanged estate again incrementally"
            + " (what a nightly run costs) and report its time against the full scan's.")
    boolean incremental;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<EstateSize> parsedSizes;
        try {
            parsedSizes = EstateSize.parseList(sizes);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sizes", sizes, e.getMessage(), "pass sizes such as --sizes 100MB,1GB");
        }
        List<Integer> masters = new ArrayList<>();
        for (int n : executors) {
            if (n < 1 || n > MAX_EXECUTORS || masters.contains(n)) {
                throw new UsageException("--executors", String.valueOf(n), "each must be 1-" + MAX_EXECUTORS + " and given once",
                        "pass e.g. --executors 1,2");
            }
            masters.add(n);
        }
        if (detectMb < 0 || detectMb > BenchCommand.MAX_MB) {
            throw new UsageException("--detect-mb", String.valueOf(detectMb), "must be between 0 and " + BenchCommand.MAX_MB, "omit it for 16");
        }
        boolean temporary = out == null;
        Path folder = temporary ? Files.createTempDirectory("piimap-bench-estate-") : prepare(out.toAbsolutePath().normalize());
        Files.writeString(folder.resolve(MARKER), "made by bin/scan bench-estate; safe to delete\n");
        EstateBenchmark.Settings settings = new EstateBenchmark.Settings(parsedSizes, masters, folder, keep, seed, detectMb, incremental);
        EstateBenchmark.Result result;
        try {
            result = EstateBenchmark.run(settings, line -> {
                err.println("bench-estate: " + line);
                err.flush();
            });
        } catch (BenchException e) {
            err.println("bench-estate failed: " + e.getMessage());
            err.flush();
            return Main.EXIT_RUN_FAILED;
        }
        if (temporary && !keep) {
            deleteRecursively(folder);
        } else {
            err.println("bench-estate: " + (keep ? "estates kept under " : "done; folder ") + folder);
            err.flush();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(format == Format.jsonl ? EstateReport.jsonLines(result) : EstateReport.table(result));
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** Accepts a new folder, an empty one, or one an earlier bench-estate made; refuses anything else. */
    private static Path prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException("--out", dir.toString(), "folder exists, is not empty and was not made by bench-estate",
                            "pass --out with a new or empty folder");
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

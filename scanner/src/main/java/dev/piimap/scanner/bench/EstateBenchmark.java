package dev.piimap.scanner.bench;

import dev.piimap.classifiers.Classifier;
import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.eval.BenchCorpus;
import dev.piimap.scanner.eval.Benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The scale benchmark behind {@code bin/scan bench-estate}: first the detectors' in-memory throughput
 * on one thread for reference ({@link Benchmark}), then per size an estate is generated
 * ({@link Estate}), read once without classification ({@link BaselineRead}) and scanned end to end
 * once per executor count ({@link ChildScan}), one size after the other, each in {@code <out>/<size>/}.
 * That folder is deleted once its size is measured unless {@code keep}; a failed size keeps it for its
 * logs. The database server of a size runs only while that size is measured.
 */
public final class EstateBenchmark {
    /** Free disk space asked for per byte of estate: the files, the database (rows plus indexes and pages) and slack. */
    static final int DISK_BYTES_PER_ESTATE_BYTE = 3;
    static final int DETECT_PASSES = 3;

    /**
     * What to measure.
     *
     * @param sizes           estates, measured in this order
     * @param executors       local master sizes to scan each estate with ({@code local[N]}); the first is the speed-up baseline
     * @param out             an existing folder for the estates
     * @param keep            keep each estate (database, files, data maps, logs) instead of deleting it once measured
     * @param seed            seed of every generator
     * @param detectMegabytes size of the in-memory detection reference corpus; 0 skips it
     * @param incremental     after each full scan, scan the unchanged estate again incrementally (a nightly run) and time it
     */
    public record Settings(List<EstateSize> sizes, List<Integer> executors, Path out, boolean keep, long seed, int detectMegabytes,
                           boolean incremental) {
        public Settings(List<EstateSize> sizes, List<Integer> executors, Path out, boolean keep, long seed, int detectMegabytes) {
            this(sizes, executors, out, keep, seed, detectMegabytes, false);
        }

        public Settings {
            sizes = List.copyOf(sizes);
            executors = List.copyOf(executors);
        }

        int maxConnections() {
            return Math.max(JdbcSourceConfig.DEFAULT_MAX_CONNECTIONS, Collections.max(executors));
        }
    }

    /**
     * The detectors' throughput in memory on one thread ({@code bin/scan bench}'s measurement, fastest of
     * {@value #DETECT_PASSES} passes): the ceiling a core could reach if reading, extracting and Spark cost nothing.
     */
    public record DetectReference(double megabytes, double allTypesMbPerSecond, double structuredMbPerSecond) {
    }

    /** An estate as generated. */
    public record EstateFacts(EstateSize size, int tables, long rows, long databaseBytes, long files, long fileBytes,
                              double generateSeconds) {
        long totalBytes() {
            return databaseBytes + fileBytes;
        }

        long objects() {
            return tables + files;
        }
    }

    /**
     * One size: the estate, the time to merely read it, its scans in the order of {@link Settings#executors()},
     * and (with {@link Settings#incremental()}) the incremental rescan after each, in the same order; else none.
     */
    public record SizeResult(EstateFacts estate, BaselineRead read, List<ScanRun> runs, List<ScanRun> incrementalRuns) {
        public SizeResult(EstateFacts estate, BaselineRead read, List<ScanRun> runs) {
            this(estate, read, runs, List.of());
        }

        public SizeResult {
            runs = List.copyOf(runs);
            incrementalRuns = List.copyOf(incrementalRuns);
        }
    }

    /**
     * Everything measured.
     *
     * @param detect null when skipped
     */
    public record Result(Settings settings, DetectReference detect, List<SizeResult> sizes) {
        public Result {
            sizes = List.copyOf(sizes);
        }
    }

    private EstateBenchmark() {
    }

    /**
     * Runs the benchmark; {@code progress} gets one line per step.
     *
     * @throws BenchException when there is too little disk space for a size, or a size cannot be
     *                        generated, read or scanned; the sizes before it are lost with it
     */
    public static Result run(Settings settings, Consumer<String> progress) throws BenchException {
        DetectReference detect = settings.detectMegabytes() == 0 ? null : detect(settings, progress);
        List<SizeResult> results = new ArrayList<>();
        for (EstateSize size : settings.sizes()) {
            results.add(measure(size, settings, progress));
        }
        return new Result(settings, detect, results);
    }

    private static DetectReference detect(Settings settings, Consumer<String> progress) {
        progress.accept(String.format(Locale.ROOT, "detect reference: %d MB in memory, one thread", settings.detectMegabytes()));
        BenchCorpus corpus = BenchCorpus.generate(settings.seed(), (long) settings.detectMegabytes() << 20);
        List<Benchmark.Result> results = Benchmark.run(Classifier.defaults(), corpus, 1, DETECT_PASSES, line -> progress.accept("detect reference: " + line));
        double all = results.stream().filter(r -> r.detectors().equals("all types")).findFirst().orElseThrow().megabytesPerSecond();
        double structured = results.stream().filter(r -> r.detectors().equals("structured types")).findFirst().orElseThrow()
                .megabytesPerSecond();
        return new DetectReference(corpus.utf8Bytes() / Units.MB, all, structured);
    }

    private static SizeResult measure(EstateSize size, Settings settings, Consumer<String> progress) throws BenchException {
        Path folder = settings.out().resolve(size.label());
        try {
            deleteRecursively(folder);
            requireDiskSpace(settings.out(), size);
        } catch (IOException e) {
            throw new BenchException("cannot prepare " + folder + ": " + e.getMessage(), e);
        }
        progress.accept(size.label() + ": generating the estate under " + folder);
        SizeResult result;
        try (Estate estate = Estate.generate(size, folder, settings.seed(), progress)) {
            EstateFacts facts = new EstateFacts(size, estate.tables().size(), estate.rows(), estate.databaseBytes(), estate.files(),
                    estate.fileBytes(), estate.generateSeconds());
            progress.accept(size.label() + ": reading it without classifying (COPY every table, read every file)");
            BaselineRead read = BaselineRead.measure(estate);
            progress.accept(String.format(Locale.ROOT, "%s: read in %.2f s (COPY %.2f s, files %.2f s)", size.label(), read.seconds(),
                    read.databaseSeconds(), read.fileSeconds()));
            List<ScanRun> runs = new ArrayList<>();
            List<ScanRun> incremental = new ArrayList<>();
            for (int executors : settings.executors()) {
                ScanRun run = ChildScan.run(estate, executors, settings.maxConnections(), true, progress);
                progress.accept(String.format(Locale.ROOT, "%s local[%d]: %.1f s wall, %.1f s job", size.label(), executors,
                        run.wallSeconds(), run.jobSeconds()));
                runs.add(run);
                if (settings.incremental()) {
                    ScanRun again = ChildScan.run(estate, executors, settings.maxConnections(), false, progress);
                    progress.accept(String.format(Locale.ROOT, "%s local[%d] incremental: %.1f s wall, %.1f s job", size.label(),
                            executors, again.wallSeconds(), again.jobSeconds()));
                    incremental.add(again);
                }
            }
            result = new SizeResult(facts, read, runs, incremental);
        } catch (IOException e) {
            throw new BenchException("the " + size.label() + " estate under " + folder + " failed: " + e.getMessage(), e);
        }
        if (!settings.keep()) {
            try {
                deleteRecursively(folder);
            } catch (IOException e) {
                progress.accept("cannot delete " + folder + ": " + e.getMessage());
            }
        }
        return result;
    }

    private static void requireDiskSpace(Path out, EstateSize size) throws IOException, BenchException {
        long usable = Files.getFileStore(out).getUsableSpace();
        long needed = DISK_BYTES_PER_ESTATE_BYTE * size.bytes();
        if (usable < needed) {
            throw new BenchException(String.format(Locale.ROOT, "the %s estate needs about %.1f GB of free disk under %s, %.1f GB are free; "
                    + "fix: free space, pass --out on a larger disk, or drop the size", size.label(), needed / Units.GB, out, usable / Units.GB));
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

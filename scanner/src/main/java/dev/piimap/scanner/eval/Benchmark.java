package dev.piimap.scanner.eval;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Detection throughput on a {@link BenchCorpus}: each classifier is warmed up, then timed over the
 * whole corpus on one thread and on N threads (threads take the next document from a shared
 * counter). Wall-clock time of the fastest of a few passes, so that a burst of other work on the
 * machine does not decide the result; findings are counted so none of the work can be skipped.
 */
public final class Benchmark {
    /** Types found by language models rather than patterns; everything else is "structured". */
    public static final Set<EntityType> MODEL_TYPES = Set.of(EntityType.PERSON, EntityType.STREET_ADDRESS);
    /** Presidio's analyzer throughput quoted for comparison, characters per second on one core. */
    public static final double PRESIDIO_CHARS_PER_SECOND = 15_000;
    static final long WARM_UP_BYTES = 8L << 20;
    private static final double MB = 1 << 20;

    private Benchmark() {
    }

    /** One timed pass. */
    public record Result(String detectors, int detectorCount, int threads, int passes, double seconds, long chars, long utf8Bytes, long findings) {
        public double megabytesPerSecond() {
            return utf8Bytes / MB / seconds;
        }

        public double charsPerSecond() {
            return chars / seconds;
        }
    }

    /**
     * One timed pass over database cell values, each classified on its own through
     * {@link Classifier#examine} on one thread, as a table scan does.
     */
    public record CellsResult(int detectorCount, int passes, double seconds, int cells, long chars, long utf8Bytes, long findings) {
        public double cellsPerSecond() {
            return cells / seconds;
        }

        public double megabytesPerSecond() {
            return utf8Bytes / MB / seconds;
        }
    }

    /**
     * The classifier for structured types alone: built from the detectors of every other type, so that
     * the model-based detectors do not run at all ({@link Classifier#restrictTo} would only filter their output).
     */
    public static Classifier structuredOnly(Classifier all) {
        List<Detector> structured = all.detectors().stream().filter(d -> !MODEL_TYPES.contains(d.type())).toList();
        return Classifier.of(structured);
    }

    /** Warms up then times {@code all} and its structured subset on 1 and {@code threads} threads, {@code passes} times each. */
    public static List<Result> run(Classifier all, BenchCorpus corpus, int threads, int passes, Consumer<String> progress) {
        record Subject(String name, Classifier classifier) {
        }
        List<Result> results = new ArrayList<>();
        for (Subject s : List.of(new Subject("all types", all), new Subject("structured types", structuredOnly(all)))) {
            progress.accept("warming up " + s.name());
            warmUp(s.classifier(), corpus, threads);
            for (int t : threads > 1 ? new int[] {1, threads} : new int[] {1}) {
                progress.accept("timing " + s.name() + " on " + t + (t == 1 ? " thread" : " threads"));
                results.add(time(s.name(), s.classifier().detectors().size(), s.classifier(), corpus, t, passes));
            }
        }
        return results;
    }

    /**
     * Warms up then times {@code c} on {@code cells}, one value per {@link Classifier#examine} call on
     * one thread, {@code passes} times; the fastest pass counts.
     */
    public static CellsResult runCells(Classifier c, BenchCells cells, int passes, Consumer<String> progress) {
        progress.accept("warming up cell values");
        examineEach(c, cells.values());
        progress.accept("timing cell values on 1 thread");
        double fastest = Double.MAX_VALUE;
        long findings = 0;
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            findings = examineEach(c, cells.values());
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1e9);
        }
        return new CellsResult(c.detectors().size(), passes, fastest, cells.values().size(), cells.chars(), cells.utf8Bytes(), findings);
    }

    private static long examineEach(Classifier c, List<String> values) {
        long findings = 0;
        for (String v : values) {
            findings += c.examine(v).findings().size();
        }
        return findings;
    }

    private static void warmUp(Classifier c, BenchCorpus corpus, int threads) {
        List<String> slice = new ArrayList<>();
        long bytes = 0;
        for (String d : corpus.documents()) {
            if (bytes >= WARM_UP_BYTES) {
                break;
            }
            slice.add(d);
            bytes += d.length();
        }
        detectAll(c, slice, Math.max(1, threads));
    }

    static Result time(String name, int detectorCount, Classifier c, BenchCorpus corpus, int threads, int passes) {
        double fastest = Double.MAX_VALUE;
        long findings = 0;
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            findings = detectAll(c, corpus.documents(), threads);
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1e9);
        }
        return new Result(name, detectorCount, threads, passes, fastest, corpus.chars(), corpus.utf8Bytes(), findings);
    }

    private static long detectAll(Classifier c, List<String> documents, int threads) {
        AtomicInteger next = new AtomicInteger();
        if (threads == 1) {
            return drain(c, documents, next);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "piimap-bench");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                parts.add(pool.submit(() -> drain(c, documents, next)));
            }
            long findings = 0;
            for (Future<Long> f : parts) {
                findings += f.get();
            }
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long drain(Classifier c, List<String> documents, AtomicInteger next) {
        long findings = 0;
        for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
            findings += c.detect(documents.get(i)).size();
        }
        return findings;
    }

    /**
     * The results as a small table, with the environment line first, then the cell values' line when
     * {@code cells} is not null, and the Presidio comparison last.
     */
    public static String table(List<Result> results, CellsResult cells, BenchCorpus corpus, long seed) {
        Runtime rt = Runtime.getRuntime();
        int cores = rt.availableProcessors();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "JVM %s %s (%s), %d cores available, max heap %.1f GB; input %.1f MB UTF-8 (%,d chars, %,d documents of "
                        + "prose, logs, CSV and JSON; %.1f%% of tokens are entities), seed %d%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("java.vm.vendor"), cores,
                rt.maxMemory() / 1e9, corpus.utf8Bytes() / MB, corpus.chars(), corpus.documents().size(), 100 * corpus.entityTokenShare(), seed));
        out.append(String.format(Locale.ROOT, "%-32s %7s %8s %10s %13s %14s %13s %10s%n", "detectors", "threads", "seconds", "MB/s total",
                "MB/s per core", "chars/s total", "chars/s/core", "findings"));
        for (Result r : results) {
            int busyCores = Math.min(r.threads(), cores);
            out.append(String.format(Locale.ROOT, "%-32s %7d %8.2f %10.2f %13.2f %,14.0f %,13.0f %,10d%n",
                    r.detectors() + " (" + r.detectorCount() + " detectors)", r.threads(), r.seconds(), r.megabytesPerSecond(),
                    r.megabytesPerSecond() / busyCores, r.charsPerSecond(), r.charsPerSecond() / busyCores, r.findings()));
        }
        if (cells != null) {
            out.append(String.format(Locale.ROOT, "%-32s %7d %8.2f %10.2f %13.2f %,14.0f %,13.0f %,10d%n",
                    "cell values (" + cells.detectorCount() + " detectors)", 1, cells.seconds(), cells.megabytesPerSecond(),
                    cells.megabytesPerSecond(), cells.chars() / cells.seconds(), cells.chars() / cells.seconds(), cells.findings()));
            out.append(String.format(Locale.ROOT, "cell values, one thread: %,.0f cells/s per core (%,d values of %.1f chars on average, "
                            + "each through Classifier.examine)%n", cells.cellsPerSecond(), cells.cells(),
                    cells.cells() == 0 ? 0.0 : (double) cells.chars() / cells.cells()));
        }
        results.stream().filter(r -> r.threads() == 1).forEach(r -> out.append(String.format(Locale.ROOT,
                "%s, one thread: %,.0f chars/s = %,.0fx Presidio's ~%,.0f chars/s%n", r.detectors(), r.charsPerSecond(),
                r.charsPerSecond() / PRESIDIO_CHARS_PER_SECOND, PRESIDIO_CHARS_PER_SECOND)));
        out.append(String.format(Locale.ROOT, "MB = 1,048,576 bytes of UTF-8 text; per core = total / min(threads, cores); seconds = fastest of %d "
                + "wall-clock passes after a warm-up%n", results.isEmpty() ? 0 : results.get(0).passes()));
        return out.toString();
    }
}

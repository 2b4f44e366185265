package dev.piimap.scanner.bench;

import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.SupportsShardedListing;
import dev.piimap.scanner.source.files.FilesConnector;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What listing a large folder costs the driver: a tree of {@code n} small files is listed whole on the
 * driver (what every source did before listing in shards), then planned in shards
 * ({@link SupportsShardedListing#planListing}), whose shards Spark tasks then list. For each, the heap the
 * driver holds for the result (live heap after a full collection, with the result reachable, minus before)
 * and the time; the executors' listing is checked to find every file.
 */
public final class ListingBenchmark {
    /** Files per generated folder. */
    static final int FILES_PER_FOLDER = 1_000;

    /** One size's figures. */
    public record Result(long objects, long wholeHeapBytes, double wholeSeconds, long planHeapBytes, int shards,
                         double planSeconds, long listedByExecutors, double executorSeconds) {
    }

    private ListingBenchmark() {
    }

    /**
     * Writes {@code n} files of a few bytes under {@code dir} ({@value #FILES_PER_FOLDER} per folder, folders
     * two levels deep), unless a previous call left them complete there.
     */
    public static void generate(Path dir, long n, Consumer<String> progress) throws IOException {
        Path done = dir.resolve(".complete-" + n);
        if (Files.exists(done)) {
            return;
        }
        progress.accept("writing " + n + " files under " + dir);
        byte[] text = "ticket 1\n".getBytes(StandardCharsets.UTF_8);
        long folders = (n + FILES_PER_FOLDER - 1) / FILES_PER_FOLDER;
        for (long f = 0; f < folders; f++) {
            Path folder = Files.createDirectories(dir.resolve("tree").resolve(String.format("a%03d/b%04d", f / 100, f)));
            for (long i = f * FILES_PER_FOLDER; i < Math.min(n, (f + 1) * FILES_PER_FOLDER); i++) {
                Files.write(folder.resolve("f" + i + ".txt"), text);
            }
        }
        Files.writeString(done, "");
    }

    /** Measures the listing of the {@code n} files generated under {@code dir}. */
    public static Result run(Path dir, long n, int driverLimit, JavaSparkContext sc) throws SourceException {
        FilesConnector connector = new FilesConnector(new FilesSourceConfig("bench", dir.resolve("tree").toString(), null, null));
        long before = liveHeap();
        long start = System.nanoTime();
        List<ScanItem> whole = connector.listItems();
        double wholeSeconds = (System.nanoTime() - start) / 1e9;
        long wholeHeap = liveHeap() - before;
        if (whole.size() != n) {
            throw new IllegalStateException("listed " + whole.size() + " files of " + n);
        }
        whole = null;

        before = liveHeap();
        start = System.nanoTime();
        SupportsShardedListing.Plan plan = connector.planListing(driverLimit);
        double planSeconds = (System.nanoTime() - start) / 1e9;
        long planHeap = liveHeap() - before;

        start = System.nanoTime();
        long listed = plan.items().size() + sc.parallelize(plan.shards(), Math.max(1, Math.min(plan.shards().size(), sc.defaultParallelism() * 4)))
                .map(shard -> (long) connector.listShard(shard).items().size()).fold(0L, Long::sum);
        double executorSeconds = (System.nanoTime() - start) / 1e9;
        if (listed != n) {
            throw new IllegalStateException("the shards held " + listed + " files of " + n);
        }
        return new Result(n, Math.max(0, wholeHeap), wholeSeconds, Math.max(0, planHeap), plan.shards().size(),
                planSeconds, listed, executorSeconds);
    }

    /** The heap in use after full collections: the live data, to within what other threads allocate meanwhile. */
    static long liveHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

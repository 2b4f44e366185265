package dev.piimap.scanner.job;

import dev.piimap.classifiers.EntityType;
import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.SourceConfig;
import dev.piimap.scanner.datamap.DataMapWriter;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scan, end to end: list every source's items on the driver, scan them in Spark tasks (read,
 * extract, classify), and commit assets, findings and the run record to the data map in one run.
 * A source that cannot be listed becomes one {@code error} asset and the others go on; an item whose
 * scan throws becomes one {@code error} asset. Only a failure to commit fails the run.
 */
public final class ScanJob {
    /** Items per Spark partition are kept small so one slow file does not hold back many others. */
    static final int MAX_ITEMS_PER_PARTITION = 16;

    private final PrintStream console;
    private final long progressIntervalSeconds;

    /** @param console where progress lines go (standard error in the CLI) */
    public ScanJob(PrintStream console) {
        this(console, ScanProgress.DEFAULT_INTERVAL_SECONDS);
    }

    ScanJob(PrintStream console, long progressIntervalSeconds) {
        this.console = console;
        this.progressIntervalSeconds = progressIntervalSeconds;
    }

    public RunSummary run(ScanConfig config, String runId) {
        if (!RunIds.isValid(runId)) {
            throw new IllegalArgumentException("run id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        long started = System.currentTimeMillis();
        SparkSession spark = SparkSessions.getOrCreate(config.sparkMaster(), "piimap scan " + runId);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());

        List<SourceConnector> connectors = new ArrayList<>();
        List<ScanTask> tasks = new ArrayList<>();
        List<AssetOutcome> unreachable = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            SourceConnector connector = source.connector();
            int index = connectors.size();
            connectors.add(connector);
            sc.setJobDescription("piimap " + runId + ": listing " + source.name());
            try {
                for (String warning : connector.preflight()) {
                    console.printf("piimap: %s (%s): warning: %s%n", source.name(), source.type(), warning);
                }
                List<ScanItem> items = connector.listItems();
                console.printf("piimap: %s (%s): %,d items listed%n", source.name(), source.type(), items.size());
                items.forEach(item -> tasks.add(new ScanTask(index, item)));
            } catch (SourceException | RuntimeException e) {
                String reason = e instanceof SourceException ? e.getMessage() : "listing failed (" + e.getClass().getSimpleName() + ")";
                console.printf("piimap: %s (%s): cannot be listed: %s%n", source.name(), source.type(), reason);
                unreachable.add(new AssetOutcome(source.name(), source.name(), "source", ItemStatus.ERROR, reason, null, null));
            }
        }
        // Largest items first, so the long tail of a scan is made of small items.
        tasks.sort(Comparator.comparingLong((ScanTask t) -> -t.item().bytes())
                .thenComparing(t -> t.item().source()).thenComparing(t -> t.item().locator()));

        ScanContext context = new ScanContext(runId, config.limits(), config.keepSamples(), config.detectors());
        Broadcast<List<SourceConnector>> shared = sc.broadcast(List.copyOf(connectors));
        long[] totalItems = new long[connectors.size()];
        long[] totalBytes = new long[connectors.size()];
        for (ScanTask t : tasks) {
            totalItems[t.connectorIndex()]++;
            totalBytes[t.connectorIndex()] += Math.max(0, t.item().bytes());
        }
        ScanProgress progress = new ScanProgress(spark.sparkContext(), console,
                config.sources().stream().map(SourceConfig::name).toList(), totalItems, totalBytes, progressIntervalSeconds);
        ScanProgress.Counters counters = progress.counters();
        List<List<ScanTask>> groups = TaskGroups.of(tasks, connectors, sc.defaultParallelism(), MAX_ITEMS_PER_PARTITION);
        StringBuilder perSource = new StringBuilder();
        for (int i = 0; i < connectors.size(); i++) {
            perSource.append(i == 0 ? "" : ", ").append(connectors.get(i).name()).append(' ').append(totalItems[i]);
        }
        sc.setJobDescription("piimap " + runId + ": scanning " + tasks.size() + " items (" + perSource + ")");
        // One element per partition: each group is one Spark task, scanned in order.
        JavaRDD<ItemResult> results = sc.parallelize(groups, Math.max(1, groups.size()))
                .flatMap(group -> group.stream().map(task -> {
                    ItemResult result = scanOne(shared.value().get(task.connectorIndex()), task.item(), context);
                    counters.itemDone(task.connectorIndex(), task.item().bytes());
                    return result;
                }).iterator())
                .union(sc.parallelize(unreachable.isEmpty() ? List.<ItemResult>of()
                        : unreachable.stream().map(ItemResult::of).toList(), 1))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            JavaRDD<AssetOutcome> assets = results.flatMap(r -> r.assets().iterator());
            JavaRDD<AssetFinding> findings = results.flatMap(r -> r.findings().iterator());
            if (!config.keepSamples()) {
                findings = findings.map(ScanJob::withoutSample);
            }
            Map<String, Long> byStatus = new TreeMap<>(assets.map(a -> a.status().wireName()).countByValue());
            progress.close();
            Map<EntityType, Long> perType = new EnumMap<>(EntityType.class);
            perType.putAll(findings.map(AssetFinding::type).countByValue());
            long findingRows = perType.values().stream().mapToLong(Long::longValue).sum();
            long assetCount = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long assetsWithFindings = findings.map(f -> f.source() + "\u0000" + f.asset()).distinct().count();

            sc.setJobDescription("piimap " + runId + ": committing to the data map");
            RunRecord run = RunRecord.committed(runId, Instant.ofEpochMilli(started), Instant.now(),
                    config.sources().stream().map(SourceConfig::name).toList(), tasks.size() + unreachable.size(),
                    assetCount, findingRows, byStatus.getOrDefault("error", 0L), ScannerVersion.current());
            try {
                DataMapWriter.commit(spark, config.datamap(), run, DataMapWriter.assetsFrame(spark, assets),
                        DataMapWriter.findingsFrame(spark, findings));
            } catch (RuntimeException e) {
                throw new RunFailedException("run " + runId + " could not be committed to " + config.datamap()
                        + " (" + e.getClass().getSimpleName() + "); the data map is unchanged", e);
            }
            return new RunSummary(runId, config.datamap(), tasks.size() + unreachable.size(), assetCount,
                    assetsWithFindings, byStatus, perType, findingRows, System.currentTimeMillis() - started);
        } finally {
            progress.close();
            results.unpersist(false);
            shared.destroy();
            sc.setJobDescription(null);
        }
    }

    /** Runs on executors. A connector must not throw, but a bug must still cost one item only. */
    static ItemResult scanOne(SourceConnector connector, ScanItem item, ScanContext context) {
        try {
            return connector.scan(item, context);
        } catch (Throwable t) { // NOPMD: the contract is one outcome per item, whatever happened
            if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) {
                throw (VirtualMachineError) t;
            }
            return ItemResult.of(new AssetOutcome(item.source(), item.locator(), "item", ItemStatus.ERROR,
                    "internal error while scanning (" + t.getClass().getSimpleName() + ")",
                    item.bytes() < 0 ? null : item.bytes(), item.modifiedMillis() < 0 ? null : item.modifiedMillis()));
        }
    }

    private static AssetFinding withoutSample(AssetFinding f) {
        return new AssetFinding(f.source(), f.asset(), f.assetKind(), f.type(), f.count(), f.confidence(), null,
                f.explanation(), f.detector());
    }
}

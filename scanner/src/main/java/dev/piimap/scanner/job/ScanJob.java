package dev.piimap.scanner.job;

import dev.piimap.classifiers.EntityType;
import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.config.ConfigException;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.SourceConfig;
import dev.piimap.scanner.datamap.DataMapWriter;
import dev.piimap.scanner.datamap.ItemRow;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.FingerprintKey;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.SupportsShardedListing;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One scan, end to end: list every source's items on the driver (or, for a source with more items than
 * the driver should hold, on the executors in shards), scan them in Spark tasks (read,
 * extract, classify), and commit assets, findings, items, the subject index, row dates and the run record to the data map in one
 * run. Incremental by default: items unchanged since the previous run are carried forward, not
 * scanned (see {@link #run(ScanConfig, String, boolean)}).
 * A source that cannot be listed becomes one {@code error} asset and the others go on; an item whose
 * scan throws becomes one {@code error} asset. Only a failure to commit fails the run.
 * An item listed in parts (a large table's key or page ranges, {@link dev.piimap.scanner.source.SupportsItemParts})
 * is scanned part by part in parallel tasks and merged back into one result, one {@code items} row, before
 * anything is written ({@link PartMerge}); it is carried forward or rescanned whole.
 */
public final class ScanJob {
    /** Items per Spark partition are kept small so one slow file does not hold back many others. */
    static final int MAX_ITEMS_PER_PARTITION = 16;
    static final String NO_KEY_WARNING = "piimap: warning: no fingerprint-key: this run keeps no subject index, so"
            + " 'bin/scan dsr locate' finds nothing in it; set fingerprint-key: ${env:PIIMAP_FINGERPRINT_KEY}"
            + " (32+ random characters) in scan.yaml";

    /**
     * Items of one source the driver lists itself at most; a source with more is listed in shards on the
     * executors ({@link SupportsShardedListing}, {@link ShardedListings}), so the driver's memory does not
     * grow with the number of objects.
     */
    public static final int DEFAULT_DRIVER_LISTING_LIMIT = 100_000;

    private final PrintStream console;
    private final long progressIntervalSeconds;
    private final int driverListingLimit;

    /** @param console where progress lines go (standard error in the CLI) */
    public ScanJob(PrintStream console) {
        this(console, ScanProgress.DEFAULT_INTERVAL_SECONDS, DEFAULT_DRIVER_LISTING_LIMIT);
    }

    ScanJob(PrintStream console, long progressIntervalSeconds) {
        this(console, progressIntervalSeconds, DEFAULT_DRIVER_LISTING_LIMIT);
    }

    /** With another driver listing limit, so tests can list a few files in shards. */
    ScanJob(PrintStream console, long progressIntervalSeconds, int driverListingLimit) {
        this.console = console;
        this.progressIntervalSeconds = progressIntervalSeconds;
        if (driverListingLimit < 0) {
            throw new IllegalArgumentException("driver listing limit must be >= 0, was " + driverListingLimit);
        }
        this.driverListingLimit = driverListingLimit;
    }

    /** An incremental run: unchanged items are carried forward (see {@link #run(ScanConfig, String, boolean)}). */
    public RunSummary run(ScanConfig config, String runId) {
        return run(config, runId, false);
    }

    /**
     * Scans the config's sources and commits run {@code runId}.
     *
     * <p>Unless {@code full}, the run is incremental: for each source, the latest committed run that
     * scanned it (other than {@code runId}) is looked up, and an item listed with the same revision
     * (change token) as there, whose scan did not fail and used the same detection config and source
     * settings ({@link Fingerprints}), is not scanned again: its assets and findings rows are copied
     * from that run into this one and it is recorded as {@code carried}. The run is still a complete
     * snapshot of every source, committed at once. Items without a revision are always scanned.
     */
    public RunSummary run(ScanConfig config, String runId, boolean full) {
        if (!RunIds.isValid(runId)) {
            throw new IllegalArgumentException("run id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        long started = System.currentTimeMillis();
        String keyId = subjectKeyId(config);
        SparkSession spark = SparkSessions.getOrCreate(config.sparkMaster(), "piimap scan " + runId);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String detection = Fingerprints.detection(config, keyId);
        DataMapReader previousRuns = full || !DataMapReader.exists(spark, DataMapLayout.at(config.datamap())) ? null
                : DataMapReader.open(spark, config.datamap());
        List<SourceConnector> connectors = new ArrayList<>();
        List<ScanTask> tasks = new ArrayList<>();
        List<AssetOutcome> unreachable = new ArrayList<>();
        List<CarriedRows.Carried> carried = new ArrayList<>();
        List<ItemRow> carriedItems = new ArrayList<>();
        Map<String, String> scanFingerprints = new HashMap<>();
        List<RunSummary.SourceItems> perSourceItems = new ArrayList<>();
        // First every source is listed, or planned in shards when it has more items than the driver should hold.
        List<Listed> listings = new ArrayList<>();
        List<String> shardedNames = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            SourceConnector connector = source.connector();
            int index = connectors.size();
            connectors.add(connector);
            String scanFingerprint = Fingerprints.scan(detection, source);
            scanFingerprints.put(source.name(), scanFingerprint);
            sc.setJobDescription("piimap " + runId + ": listing " + source.name());
            try {
                for (String warning : connector.preflight()) {
                    console.printf("piimap: %s (%s): warning: %s%n", source.name(), source.type(), warning);
                }
                if (connector instanceof SupportsShardedListing sharded) {
                    SupportsShardedListing.Plan plan = sharded.planListing(driverListingLimit);
                    if (!plan.isComplete()) {
                        console.printf("piimap: %s (%s): more than %,d items: listed on the executors in %,d shards (folders or"
                                + " prefixes)%n", source.name(), source.type(), driverListingLimit, plan.shards().size());
                        shardedNames.add(source.name());
                    }
                    listings.add(new Listed(source, scanFingerprint, plan));
                } else {
                    listings.add(new Listed(source, scanFingerprint,
                            SupportsShardedListing.Plan.complete(connector.listItems())));
                }
            } catch (SourceException | RuntimeException e) {
                String reason = e instanceof SourceException ? e.getMessage() : "listing failed (" + e.getClass().getSimpleName() + ")";
                console.printf("piimap: %s (%s): cannot be listed: %s%n", source.name(), source.type(), reason);
                unreachable.add(new AssetOutcome(source.name(), source.name(), "source", ItemStatus.ERROR, reason, null, null));
                listings.add(null);
            }
        }
        // Outside the try: a data map that cannot be read fails the run, not a source's listing.
        PreviousScan.Lookup earlier = previousRuns == null ? null
                : new PreviousScan.Lookup(previousRuns, runId, detection, Set.copyOf(shardedNames));
        List<ShardedListings.Source> shardedSources = new ArrayList<>();
        for (int index = 0; index < listings.size(); index++) {
            Listed listing = listings.get(index);
            SourceConfig source = config.sources().get(index);
            if (listing == null) {
                perSourceItems.add(new RunSummary.SourceItems(source.name(), 0, 0));
                continue;
            }
            if (!listing.plan().isComplete()) {
                shardedSources.add(new ShardedListings.Source(index, source.name(), listing.scanFingerprint(),
                        earlier == null ? null : earlier.latest(source.name()), listing.plan()));
                perSourceItems.add(null); // counted once the executors have listed it
                continue;
            }
            PreviousScan previous = earlier == null ? PreviousScan.none() : earlier.of(source.name());
            long listed = 0;
            long toScan = 0;
            long split = 0;
            long parts = 0;
            // An item split into parts is carried or scanned whole: its first part decides for all of them.
            Set<String> carriedSplit = new HashSet<>();
            for (ScanItem item : listing.plan().items()) {
                if (item.isPart() && item.partIndex() > 0) {
                    if (!carriedSplit.contains(item.locator())) {
                        tasks.add(new ScanTask(index, item));
                        parts++;
                    }
                    continue;
                }
                listed++;
                Optional<PreviousScan.Item> unchanged = previous.carriable(item.whole(), listing.scanFingerprint());
                if (unchanged.isPresent()) {
                    carried.add(new CarriedRows.Carried(source.name(), item.locator(), previous.run().orElseThrow()));
                    carriedItems.add(new ItemRow(source.name(), item.locator(), item.revision(),
                            DataMapLayout.ITEM_CARRIED, unchanged.get().scannedRunId(), knownOrNull(item.bytes()),
                            knownOrNull(item.modifiedMillis()), listing.scanFingerprint()));
                    if (item.isPart()) {
                        carriedSplit.add(item.locator());
                    }
                } else {
                    tasks.add(new ScanTask(index, item));
                    toScan++;
                    if (item.isPart()) {
                        split++;
                        parts++;
                    }
                }
            }
            perSourceItems.add(new RunSummary.SourceItems(source.name(), toScan, listed - toScan));
            console.printf("piimap: %s (%s): %,d items listed, %,d to scan, %,d unchanged%s%n", source.name(),
                    source.type(), listed, toScan, listed - toScan,
                    previous.run().map(r -> " (carried from run " + r.runId() + ")")
                            .orElse(full ? " (--full)" : " (no comparable earlier run)"));
            if (split > 0) {
                console.printf("piimap: %s (%s): %,d of them read in %,d parts (key or page ranges), in parallel tasks%n",
                        source.name(), source.type(), split, parts);
            }
        }
        // Largest items first, so the long tail of a scan is made of small items.
        tasks.sort(Comparator.comparingLong((ScanTask t) -> -t.item().bytes())
                .thenComparing(t -> t.item().source()).thenComparing(t -> t.item().locator()));

        ScanContext context = new ScanContext(runId, config.limits(), config.keepSamples(), config.detectors())
                .withSubjectKey(config.fingerprintKey());
        Broadcast<List<SourceConnector>> shared = sc.broadcast(List.copyOf(connectors));
        long[] totalItems = new long[connectors.size()];
        long[] totalBytes = new long[connectors.size()];
        for (ScanTask t : tasks) {
            totalItems[t.connectorIndex()]++;
            totalBytes[t.connectorIndex()] += Math.max(0, t.item().bytes());
        }
        ShardedListings sharded = null;
        long shardedCarried = 0;
        if (!shardedSources.isEmpty()) {
            sc.setJobDescription("piimap " + runId + ": listing " + String.join(", ", shardedNames) + " on the executors");
            sharded = ShardedListings.decide(sc, shared, connectors.size(), shardedSources, previousRuns);
            ShardedListings.Counts counts = sharded.counts();
            for (ShardedListings.Source s : shardedSources) {
                int i = s.connectorIndex();
                totalItems[i] += counts.toScan[i];
                totalBytes[i] += counts.bytesToScan[i];
                perSourceItems.set(i, new RunSummary.SourceItems(s.name(), counts.toScan[i], counts.carried(i)));
                console.printf("piimap: %s (%s): %,d items listed, %,d to scan, %,d unchanged%s%s%n", s.name(),
                        config.sources().get(i).type(), counts.listed[i], counts.toScan[i], counts.carried(i),
                        s.previousRun() != null ? " (carried from run " + s.previousRun().runId() + ")"
                                : full ? " (--full)" : " (no comparable earlier run)",
                        counts.failed[i] > 0 ? "; " + counts.failed[i] + " shards could not be listed" : "");
            }
            for (ShardedListings.Entry failure : counts.failures) {
                String name = connectors.get(failure.connectorIndex()).name();
                console.printf("piimap: %s: cannot be listed in part: %s%n", name, failure.failure());
                unreachable.add(new AssetOutcome(name, failure.shard().isEmpty() ? name : failure.shard(), "source",
                        ItemStatus.ERROR, failure.failure(), null, null));
            }
            shardedCarried = counts.totalCarried();
        }
        ScanProgress progress = new ScanProgress(spark.sparkContext(), console,
                config.sources().stream().map(SourceConfig::name).toList(), totalItems, totalBytes, progressIntervalSeconds);
        ScanProgress.Counters counters = progress.counters();
        List<List<ScanTask>> groups = TaskGroups.of(tasks, connectors, sc.defaultParallelism(), MAX_ITEMS_PER_PARTITION);
        StringBuilder perSource = new StringBuilder();
        long allTasks = 0;
        for (int i = 0; i < connectors.size(); i++) {
            perSource.append(i == 0 ? "" : ", ").append(connectors.get(i).name()).append(' ').append(totalItems[i]);
            allTasks += totalItems[i];
        }
        sc.setJobDescription("piimap " + runId + ": scanning " + allTasks + " items (" + perSource + ")");
        SourceBudget budget = SourceBudget.from(config.maxTimePerSource(), System.currentTimeMillis());
        // One element per partition: each group is one Spark task, scanned in order.
        JavaRDD<Scanned> scanned = sc.parallelize(groups, Math.max(1, groups.size()))
                .flatMap(group -> {
                    TaskFaults.check("scan");
                    return group.stream().map(task -> scanTask(task, shared.value(), context, counters, budget)).iterator();
                });
        long shardedToScan = sharded == null ? 0 : sharded.counts().totalToScan();
        if (shardedToScan > 0) {
            int partitions = (int) Math.min(Integer.MAX_VALUE, Math.max(Math.min(sc.defaultParallelism(), shardedToScan),
                    (shardedToScan + MAX_ITEMS_PER_PARTITION - 1) / MAX_ITEMS_PER_PARTITION));
            scanned = scanned.union(sharded.tasks(partitions).mapPartitions(group -> {
                TaskFaults.check("scan");
                List<Scanned> out = new ArrayList<>();
                group.forEachRemaining(task -> out.add(scanTask(task, shared.value(), context, counters, budget)));
                return out.iterator();
            }));
        }
        boolean anySplit = tasks.stream().anyMatch(t -> t.item().isPart());
        long itemsToScan = tasks.stream().filter(t -> t.item().partIndex() == 0).count() + shardedToScan;
        // With split items, every result goes through one shuffle that brings each item's parts together in order.
        // The results are kept on disk, not in memory: read by every frame the commit writes, they grow with the
        // number of items scanned, and a JVM's heap must not (on local[N] the executors share the driver's heap).
        JavaRDD<ItemScan> results = (anySplit
                ? PartMerge.merged(scanned, (int) Math.max(1, Math.min(itemsToScan, sc.defaultParallelism())), shared, context)
                : scanned.map(Scanned::whole))
                .persist(StorageLevel.DISK_ONLY());
        try {
            JavaPairRDD<String, AssetOutcome> assets = results
                    .flatMapToPair(r -> r.result().assets().stream()
                            .map(a -> new Tuple2<>(r.item().locator(), a)).iterator())
                    .union(sc.parallelize(unreachable, 1).mapToPair(a -> new Tuple2<>((String) null, a)));
            JavaPairRDD<String, AssetFinding> findings = results
                    .flatMapToPair(r -> r.result().findings().stream()
                            .map(f -> new Tuple2<>(r.item().locator(), f)).iterator());
            if (!config.keepSamples()) {
                findings = findings.mapValues(ScanJob::withoutSample);
            }
            Dataset<Row> assetRows = DataMapWriter.assetsFrame(spark, assets);
            Dataset<Row> findingRows = DataMapWriter.findingsFrame(spark, findings);
            Dataset<Row> subjectRows = DataMapWriter.subjectsFrame(spark, results
                    .flatMapToPair(r -> r.result().subjects().stream()
                            .map(e -> new Tuple2<>(r.item().locator(), e)).iterator()));
            Dataset<Row> dateRows = DataMapWriter.datesFrame(spark, results
                    .flatMapToPair(r -> r.result().dates().stream()
                            .map(d -> new Tuple2<>(r.item().locator(), d)).iterator()));
            JavaRDD<ItemRow> itemRows = results.map(r -> scannedItem(r, runId, scanFingerprints.get(r.item().source())));
            long carriedCount = carried.size() + shardedCarried;
            if (carriedCount > 0) {
                CarriedRows carriedRows = new CarriedRows(spark, previousRuns, carried);
                if (sharded != null) {
                    for (RunRecord from : sharded.carriedFromRuns()) {
                        carriedRows.add(from, sharded.carriedKeys(spark, from));
                    }
                    itemRows = itemRows.union(sharded.carriedItems());
                }
                assetRows = assetRows.unionByName(carriedRows.assets());
                findingRows = findingRows.unionByName(carriedRows.findings());
                subjectRows = subjectRows.unionByName(carriedRows.subjects());
                dateRows = dateRows.unionByName(carriedRows.dates());
                itemRows = itemRows.union(sc.parallelize(carriedItems, 1));
            }
            // The first count runs the scan; carried rows are read from the earlier run in the same jobs.
            Map<String, Long> byStatus = new TreeMap<>();
            for (Row row : assetRows.groupBy(DataMapLayout.STATUS).count().collectAsList()) {
                byStatus.put(Rows.string(row, DataMapLayout.STATUS), Rows.longOrZero(row, "count"));
            }
            progress.close();
            Map<EntityType, Long> perType = new EnumMap<>(EntityType.class);
            for (Row row : findingRows.groupBy("type").count().collectAsList()) {
                perType.put(EntityType.valueOf(Rows.string(row, "type")), Rows.longOrZero(row, "count"));
            }
            long findingCount = perType.values().stream().mapToLong(Long::longValue).sum();
            long assetCount = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long assetsWithFindings = findingRows.select("source", "asset").distinct().count();

            sc.setJobDescription("piimap " + runId + ": committing to the data map");
            long listed = itemsToScan + carriedCount + unreachable.size();
            RunRecord run = RunRecord.committed(runId, Instant.ofEpochMilli(started), Instant.now(),
                    config.sources().stream().map(SourceConfig::name).toList(), listed,
                    assetCount, findingCount, byStatus.getOrDefault("error", 0L), ScannerVersion.current())
                    .withIncremental(detection, carriedCount).withFingerprintKeyId(keyId);
            try {
                // Without index entries or row dates (no fingerprint-key, no dated tables) their tables need no commit.
                boolean anySubjects = carriedCount > 0 || results.map(r -> r.result().subjects().size()).fold(0, Integer::sum) > 0;
                boolean anyDates = carriedCount > 0 || results.map(r -> r.result().dates().size()).fold(0, Integer::sum) > 0;
                DataMapWriter.commit(spark, config.datamap(), run, assetRows, findingRows,
                        DataMapWriter.itemsFrame(spark, itemRows), anySubjects ? subjectRows : null, anyDates ? dateRows : null);
            } catch (RuntimeException e) {
                throw new RunFailedException("run " + runId + " could not be committed to " + config.datamap()
                        + " (" + e.getClass().getSimpleName() + "); the data map is unchanged", e);
            }
            return new RunSummary(runId, config.datamap(), listed, assetCount, assetsWithFindings, byStatus, perType,
                    findingCount, System.currentTimeMillis() - started, perSourceItems);
        } finally {
            progress.close();
            results.unpersist(false);
            if (sharded != null) {
                sharded.release();
            }
            shared.destroy();
            sc.setJobDescription(null);
        }
    }

    /**
     * The id of the run's subject key, read on the driver before anything runs; null (and a warning) without a key.
     *
     * @throws ConfigException naming the reference when the key cannot be read here
     */
    private String subjectKeyId(ScanConfig config) {
        if (config.fingerprintKey() == null) {
            console.println(NO_KEY_WARNING);
            return null;
        }
        try {
            return FingerprintKey.load(config.fingerprintKey()).keyId();
        } catch (FingerprintKey.UnavailableException e) {
            throw ConfigException.invalidSecret("fingerprint-key", e.getMessage(), "make the variable or file it names hold"
                    + " 32+ random characters (e.g. openssl rand -hex 32), or remove fingerprint-key to scan without a subject index");
        }
    }

    /**
     * One scanned item's row in {@code items}: failed when any of its assets ended in error or the item was
     * skipped for its source's time budget (never carried: scanned again next run).
     */
    private static ItemRow scannedItem(ItemScan scan, String runId, String scanFingerprint) {
        ScanItem item = scan.item();
        boolean failed = scan.result().assets().stream().anyMatch(a -> a.status() == ItemStatus.ERROR
                || a.status() == ItemStatus.SKIPPED && a.detail() != null && a.detail().startsWith(SourceBudget.REASON));
        return new ItemRow(item.source(), item.locator(), item.revision(),
                failed ? DataMapLayout.ITEM_FAILED : DataMapLayout.ITEM_SCANNED, runId, knownOrNull(item.bytes()),
                knownOrNull(item.modifiedMillis()), scanFingerprint);
    }

    private static Long knownOrNull(long value) {
        return value < 0 ? null : value;
    }

    /** One source's listing: complete, or planned in shards. */
    private record Listed(SourceConfig source, String scanFingerprint, SupportsShardedListing.Plan plan) {
    }

    /**
     * Runs on executors: scans one task (a whole item, or one part of a split one) and counts it done; once the
     * source's time budget is used up, marks it skipped instead of reading it.
     */
    private static Scanned scanTask(ScanTask task, List<SourceConnector> connectors, ScanContext context,
                                    ScanProgress.Counters counters, SourceBudget budget) {
        SourceConnector connector = connectors.get(task.connectorIndex());
        ScanItem item = task.item();
        Scanned done;
        if (budget.usedUp(System.currentTimeMillis())) {
            done = item.isPart() ? new Scanned(null, PartMerge.PartScan.skipped(task.connectorIndex(), item, budget.reason()))
                    : new Scanned(new ItemScan(item, skippedForBudget(item, budget.reason())), null);
        } else {
            done = item.isPart() ? new Scanned(null, PartMerge.scan(connector, task.connectorIndex(), item, context))
                    : new Scanned(new ItemScan(item, scanOne(connector, item, context)), null);
        }
        counters.itemDone(task.connectorIndex(), item.bytes());
        return done;
    }

    /** The one outcome of an item (or a split item) not read because its source's time budget was used up. */
    static ItemResult skippedForBudget(ScanItem item, String reason) {
        return ItemResult.of(new AssetOutcome(item.source(), item.locator(), "item", ItemStatus.SKIPPED, reason,
                item.bytes() < 0 ? null : item.bytes(), item.modifiedMillis() < 0 ? null : item.modifiedMillis()));
    }

    /** One listed item and what scanning it gave. */
    record ItemScan(ScanItem item, ItemResult result) implements java.io.Serializable {
    }

    /** What one task did with one item: the result of a whole item, or the state of one part of a split one. */
    record Scanned(ItemScan whole, PartMerge.PartScan part) implements java.io.Serializable {
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

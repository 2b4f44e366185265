package dev.piimap.scanner.job;

import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.datamap.ItemRow;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SupportsShardedListing;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sources listed in shards ({@link SupportsShardedListing}): listed on the executors, and decided there
 * too (scan, or carry forward from the source's earlier run, by a join with that run's {@code items}), so
 * that the driver holds only the shards and a few counts per source, never one entry per object. The rule
 * for carrying is {@link PreviousScan#carriable}, as for sources listed on the driver.
 *
 * <p>{@link #decide} runs one Spark job (the listing, the join and the counts); the decided entries stay
 * persisted for {@link #tasks}, {@link #carriedItems} and {@link #carriedKeys} until {@link #release}.
 */
final class ShardedListings {
    /** One source listed in shards. */
    record Source(int connectorIndex, String name, String scanFingerprint, RunRecord previousRun,
                  SupportsShardedListing.Plan plan) {
        Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * One listed entry and what the run does with it: an item to scan ({@code carriedFrom} null), an item
     * carried forward from run {@code carriedFrom} (whose rows it copies; {@code scannedRunId} is where they
     * were last scanned), or a shard that could not be listed ({@code item} null, {@code failure} its reason).
     */
    record Entry(int connectorIndex, ScanItem item, String carriedFrom, String scannedRunId, String shard, String failure)
            implements Serializable {
        boolean toScan() {
            return item != null && carriedFrom == null;
        }

        boolean carried() {
            return item != null && carriedFrom != null;
        }
    }

    /** Counts per connector index, and the shards that could not be listed (at most {@value #MAX_FAILURES} kept). */
    static final class Counts implements Serializable {
        static final int MAX_FAILURES = 100;
        final long[] listed;
        final long[] toScan;
        final long[] bytesToScan;
        final long[] failed;
        final List<Entry> failures = new ArrayList<>();

        Counts(int connectors) {
            listed = new long[connectors];
            toScan = new long[connectors];
            bytesToScan = new long[connectors];
            failed = new long[connectors];
        }

        Counts add(Entry e) {
            int i = e.connectorIndex();
            if (e.item() == null) {
                failed[i]++;
                if (failures.size() < MAX_FAILURES) {
                    failures.add(e);
                }
            } else {
                listed[i]++;
                if (e.toScan()) {
                    toScan[i]++;
                    bytesToScan[i] += Math.max(0, e.item().bytes());
                }
            }
            return this;
        }

        Counts merge(Counts o) {
            for (int i = 0; i < listed.length; i++) {
                listed[i] += o.listed[i];
                toScan[i] += o.toScan[i];
                bytesToScan[i] += o.bytesToScan[i];
                failed[i] += o.failed[i];
            }
            for (Entry e : o.failures) {
                if (failures.size() < MAX_FAILURES) {
                    failures.add(e);
                }
            }
            return this;
        }

        long carried(int i) {
            return listed[i] - toScan[i];
        }

        long totalToScan() {
            long n = 0;
            for (long v : toScan) {
                n += v;
            }
            return n;
        }

        long totalCarried() {
            long n = 0;
            for (int i = 0; i < listed.length; i++) {
                n += carried(i);
            }
            return n;
        }
    }

    private final List<Source> sources;
    private final JavaRDD<Entry> entries;
    private final Counts counts;

    private ShardedListings(List<Source> sources, JavaRDD<Entry> entries, Counts counts) {
        this.sources = sources;
        this.entries = entries;
        this.counts = counts;
    }

    /**
     * Lists every shard of {@code sources} on the executors, joins the items with their sources' earlier
     * runs and counts the outcome (one job).
     *
     * @param connectors all connectors of the run, by index
     * @param reader     the data map, or null when nothing may be carried (a full run, a new data map)
     */
    static ShardedListings decide(JavaSparkContext sc, Broadcast<List<SourceConnector>> connectors, int connectorCount,
                                  List<Source> sources, DataMapReader reader) {
        List<Tuple2<Integer, SupportsShardedListing.Shard>> shards = new ArrayList<>();
        List<Entry> plannedItems = new ArrayList<>();
        Map<String, String> fingerprints = fingerprintsOf(sources);
        for (Source s : sources) {
            s.plan().shards().forEach(shard -> shards.add(new Tuple2<>(s.connectorIndex(), shard)));
            s.plan().items().forEach(item -> plannedItems.add(new Entry(s.connectorIndex(), item, null, null, null, null)));
        }
        JavaRDD<Entry> listed = sc.parallelize(shards, Math.max(1, Math.min(shards.size(), sc.defaultParallelism() * 4)))
                .flatMap(t -> {
                    SupportsShardedListing source = (SupportsShardedListing) connectors.value().get(t._1());
                    SupportsShardedListing.ShardListing listing = source.listShard(t._2());
                    List<Entry> out = new ArrayList<>(listing.items().size() + 1);
                    listing.items().forEach(item -> out.add(new Entry(t._1(), item, null, null, null, null)));
                    if (listing.failure() != null) {
                        out.add(new Entry(t._1(), null, null, null, t._2().path(), listing.failure()));
                    }
                    return out.iterator();
                })
                .union(sc.parallelize(plannedItems, 1));
        JavaRDD<Entry> decided = reader == null ? listed : joined(sc, listed, sources, reader, fingerprints);
        decided = decided.persist(StorageLevel.MEMORY_AND_DISK());
        Counts counts = decided.aggregate(new Counts(connectorCount), Counts::add, Counts::merge);
        return new ShardedListings(List.copyOf(sources), decided, counts);
    }

    /** Each listed item next to its entry in the earlier run of its source, when there is one, decided. */
    private static JavaRDD<Entry> joined(JavaSparkContext sc, JavaRDD<Entry> listed, List<Source> sources, DataMapReader reader,
                                         Map<String, String> fingerprints) {
        JavaPairRDD<Tuple2<String, String>, PreviousScan.Item> earlier = null;
        Map<String, String> fromRun = new HashMap<>();
        for (Source s : sources) {
            if (s.previousRun() == null) {
                continue;
            }
            fromRun.put(s.name(), s.previousRun().runId());
            JavaPairRDD<Tuple2<String, String>, PreviousScan.Item> items = reader.items(s.previousRun())
                    .where(org.apache.spark.sql.functions.col("source").equalTo(s.name()))
                    .select("source", DataMapLayout.ITEM, "revision", DataMapLayout.STATUS, "scanned_run_id", "scan_fingerprint")
                    .javaRDD()
                    .mapToPair(ShardedListings::earlierItem);
            earlier = earlier == null ? items : earlier.union(items);
        }
        if (earlier == null) {
            return listed;
        }
        JavaPairRDD<Tuple2<String, String>, Entry> byKey = listed.mapToPair(e -> new Tuple2<>(
                new Tuple2<>(e.item() == null ? null : e.item().source(), e.item() == null ? e.shard() : e.item().locator()), e));
        return byKey.leftOuterJoin(earlier).values().map(pair -> {
            Entry e = pair._1();
            Optional<PreviousScan.Item> before = pair._2();
            if (e.item() == null || !before.isPresent()) {
                return e;
            }
            String fingerprint = fingerprints.get(e.item().source());
            return PreviousScan.carriable(e.item(), before.get(), fingerprint)
                    ? new Entry(e.connectorIndex(), e.item(), fromRun.get(e.item().source()), before.get().scannedRunId(), null, null)
                    : e;
        });
    }

    private static Tuple2<Tuple2<String, String>, PreviousScan.Item> earlierItem(Row row) {
        return new Tuple2<>(new Tuple2<>(Rows.string(row, "source"), Rows.string(row, DataMapLayout.ITEM)),
                new PreviousScan.Item(Rows.string(row, "revision"), Rows.string(row, DataMapLayout.STATUS),
                        Rows.string(row, "scanned_run_id"), Rows.string(row, "scan_fingerprint")));
    }

    /** Each source's scan fingerprint by name (a serializable map, shipped to the tasks that need it). */
    private static Map<String, String> fingerprintsOf(List<Source> sources) {
        Map<String, String> out = new HashMap<>();
        sources.forEach(s -> out.put(s.name(), s.scanFingerprint()));
        return out;
    }

    Counts counts() {
        return counts;
    }

    List<Source> sources() {
        return sources;
    }

    /** The items to scan, in {@code partitions} partitions, each largest first. */
    JavaRDD<ScanTask> tasks(int partitions) {
        return entries.filter(Entry::toScan)
                .map(e -> new ScanTask(e.connectorIndex(), e.item()))
                .repartition(Math.max(1, partitions))
                .mapPartitions(tasks -> {
                    List<ScanTask> all = new ArrayList<>();
                    tasks.forEachRemaining(all::add);
                    all.sort(Comparator.comparingLong((ScanTask t) -> -t.item().bytes())
                            .thenComparing(t -> t.item().locator()));
                    return all.iterator();
                });
    }

    /** The {@code items} rows of the carried items. */
    JavaRDD<ItemRow> carriedItems() {
        Map<String, String> fingerprints = fingerprintsOf(sources);
        return entries.filter(Entry::carried).map(e -> new ItemRow(e.item().source(), e.item().locator(), e.item().revision(),
                DataMapLayout.ITEM_CARRIED, e.scannedRunId(), e.item().bytes() < 0 ? null : e.item().bytes(),
                e.item().modifiedMillis() < 0 ? null : e.item().modifiedMillis(), fingerprints.get(e.item().source())));
    }

    /** The (source, item) keys of the items carried from {@code run}, as {@link CarriedRows} joins them. */
    Dataset<Row> carriedKeys(SparkSession spark, RunRecord run) {
        String runId = run.runId();
        return spark.createDataFrame(entries.filter(e -> e.carried() && e.carriedFrom().equals(runId))
                .map(e -> RowFactory.create(e.item().source(), e.item().locator())), CarriedRows.KEYS);
    }

    /** The earlier runs items are carried from. */
    List<RunRecord> carriedFromRuns() {
        List<RunRecord> runs = new ArrayList<>();
        for (Source s : sources) {
            if (s.previousRun() != null && counts.carried(s.connectorIndex()) > 0
                    && runs.stream().noneMatch(r -> r.runId().equals(s.previousRun().runId()))) {
                runs.add(s.previousRun());
            }
        }
        return runs;
    }

    void release() {
        entries.unpersist(false);
    }
}

package dev.piimap.scanner.source;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SourceConnector} whose listing may be too large to hold on the driver (a folder or bucket with
 * millions of objects). The driver asks for a {@link Plan} with a bound on what it may hold: a source that
 * fits gives its complete listing (exactly {@link SourceConnector#listItems()}); a larger one gives
 * {@link Shard}s instead (folders or key prefixes, a bounded number), which executors list with
 * {@link #listShard}. The job then decides what to scan and what to carry forward on the executors too,
 * so the driver never holds one entry per object.
 *
 * <p>Contract: the items of all shards of a plan, plus the plan's own items, are exactly the items
 * {@code listItems()} would give at the same moment, each once.
 */
public interface SupportsShardedListing {
    /**
     * Driver side: lists the source when it has at most {@code driverLimit} items, else plans shards.
     *
     * @throws SourceException exactly when {@code listItems()} would (the source cannot be reached or listed at all)
     */
    Plan planListing(int driverLimit) throws SourceException;

    /**
     * Executor side: the items of one shard of a plan. Never throws: a shard that cannot be listed
     * gives its reason (no secret, no data), and the run records it as an error of the source.
     */
    ShardListing listShard(Shard shard);

    /**
     * Part of a source's namespace, listed by one task.
     *
     * @param path            a folder or key prefix relative to the source root ("" for the root itself), ending in "/" unless empty
     * @param recursive       everything under {@code path}; when false, only the objects directly in it
     * @param listedAtMillis  when the plan was made (the driver's clock), for revisions that depend on it
     */
    record Shard(String path, boolean recursive, long listedAtMillis) implements Serializable {
        public Shard {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A listing plan: {@code shards} is empty when {@code items} is the whole listing. With shards,
     * {@code items} holds what the driver met while planning and no shard covers (a folder it may not read).
     */
    record Plan(List<ScanItem> items, List<Shard> shards) {
        public Plan {
            items = List.copyOf(items);
            shards = List.copyOf(shards);
        }

        public static Plan complete(List<ScanItem> items) {
            return new Plan(items, List.of());
        }

        public boolean isComplete() {
            return shards.isEmpty();
        }
    }

    /**
     * What listing one shard gave.
     *
     * @param failure null when the shard was listed; else why not, and {@code items} holds what was listed before it failed
     */
    record ShardListing(List<ScanItem> items, String failure) implements Serializable {
        public ShardListing {
            items = List.copyOf(items);
        }
    }
}

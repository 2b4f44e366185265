package dev.piimap.scanner.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists every shard of a plan as the executors would, for comparison with a whole listing. */
public final class ShardedListingsAssert {
    private ShardedListingsAssert() {
    }

    /** The plan's items and those of all its shards (none may fail), each once, by locator. */
    public static List<ScanItem> union(SupportsShardedListing source, SupportsShardedListing.Plan plan) {
        List<ScanItem> all = new ArrayList<>(plan.items());
        for (SupportsShardedListing.Shard shard : plan.shards()) {
            SupportsShardedListing.ShardListing listing = source.listShard(shard);
            assertThat(listing.failure()).as("shard '%s'", shard.path()).isNull();
            all.addAll(listing.items());
        }
        assertThat(all).extracting(ScanItem::locator).doesNotHaveDuplicates();
        return sorted(all);
    }

    public static List<ScanItem> sorted(List<ScanItem> items) {
        return items.stream().sorted(Comparator.comparing(ScanItem::locator)).toList();
    }
}

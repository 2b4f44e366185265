package dev.piimap.scanner.job;

import dev.piimap.scanner.source.ScanItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts a run prints and commits for sources listed in shards, merged across partitions. */
class ShardedListingsCountsTest {
    private static ShardedListings.Entry scan(int source, long bytes) {
        return new ShardedListings.Entry(source, new ScanItem("s" + source, "f" + bytes, bytes, 1L, "r"), null, null, null, null);
    }

    private static ShardedListings.Entry carried(int source) {
        return new ShardedListings.Entry(source, new ScanItem("s" + source, "c", 5, 1L, "r"), "run-1", "run-0", null, null);
    }

    private static ShardedListings.Entry failed(int source, String shard) {
        return new ShardedListings.Entry(source, null, null, null, shard, "cannot list " + shard);
    }

    @Test
    void countsListedScannedCarriedAndFailedShardsPerSourceAcrossPartitions() {
        ShardedListings.Counts one = new ShardedListings.Counts(2).add(scan(0, 10)).add(carried(0)).add(failed(1, "a/"));
        ShardedListings.Counts two = new ShardedListings.Counts(2).add(scan(0, 30)).add(scan(1, -1)).add(carried(1));

        ShardedListings.Counts all = one.merge(two);

        assertThat(all.listed).containsExactly(3, 2);
        assertThat(all.toScan).containsExactly(2, 1);
        assertThat(all.bytesToScan).as("an unknown size counts 0").containsExactly(40, 0);
        assertThat(all.failed).containsExactly(0, 1);
        assertThat(all.carried(0)).isEqualTo(1);
        assertThat(all.totalToScan()).isEqualTo(3);
        assertThat(all.totalCarried()).isEqualTo(2);
        assertThat(all.failures).extracting(ShardedListings.Entry::shard).containsExactly("a/");
    }

    @Test
    void keepsAtMostAHundredFailuresButCountsThemAll() {
        ShardedListings.Counts a = new ShardedListings.Counts(1);
        ShardedListings.Counts b = new ShardedListings.Counts(1);
        for (int i = 0; i < 80; i++) {
            a.add(failed(0, "a" + i + "/"));
            b.add(failed(0, "b" + i + "/"));
        }

        ShardedListings.Counts all = a.merge(b);

        assertThat(all.failed).containsExactly(160);
        assertThat(all.failures).hasSize(ShardedListings.Counts.MAX_FAILURES);
    }
}

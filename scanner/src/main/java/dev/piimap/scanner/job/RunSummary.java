package dev.piimap.scanner.job;

import dev.piimap.classifiers.EntityType;

import java.util.List;
import java.util.Map;

/**
 * What a committed run did, for the console: items listed (per source: scanned or carried forward
 * unchanged), assets by status, and how many assets hold each entity type.
 */
public record RunSummary(String runId, String datamap, long itemsListed, long assets, long assetsWithFindings,
                         Map<String, Long> assetsByStatus, Map<EntityType, Long> assetsPerType, long findingRows,
                         long elapsedMillis, List<SourceItems> itemsPerSource) {
    /** A source's listed items: how many the run scanned and how many it carried forward unchanged. */
    public record SourceItems(String source, long scanned, long carried) {
    }

    public RunSummary {
        assetsByStatus = Map.copyOf(assetsByStatus);
        assetsPerType = Map.copyOf(assetsPerType);
        itemsPerSource = List.copyOf(itemsPerSource);
    }

    public long itemsCarried() {
        return itemsPerSource.stream().mapToLong(SourceItems::carried).sum();
    }

    public long errors() {
        return assetsByStatus.getOrDefault("error", 0L);
    }
}

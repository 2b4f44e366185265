package dev.piimap.scanner.job;

import dev.piimap.classifiers.EntityType;

import java.util.Map;

/**
 * What a committed run did, for the console: items listed, assets looked at by status, and how many
 * assets hold each entity type.
 */
public record RunSummary(String runId, String datamap, long itemsListed, long assets, long assetsWithFindings,
                         Map<String, Long> assetsByStatus, Map<EntityType, Long> assetsPerType, long findingRows,
                         long elapsedMillis) {
    public RunSummary {
        assetsByStatus = Map.copyOf(assetsByStatus);
        assetsPerType = Map.copyOf(assetsPerType);
    }

    public long errors() {
        return assetsByStatus.getOrDefault("error", 0L);
    }
}

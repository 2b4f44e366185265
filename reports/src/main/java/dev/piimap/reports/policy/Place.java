package dev.piimap.reports.policy;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One place a declaration allows its categories: a finding is there when its source matches one of
 * {@code sources} and its asset one of {@code assets} ({@link Glob#matchesAsset}). An empty list
 * matches everything, so {@code {sources: [app-db]}} is the whole source and {@code {assets: ["billing.*"]}}
 * that asset name in any source. A place names at least one of the two.
 */
public record Place(List<Glob> sources, List<Glob> assets) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Place {
        sources = List.copyOf(sources);
        assets = List.copyOf(assets);
        if (sources.isEmpty() && assets.isEmpty()) {
            throw new IllegalArgumentException("a place names sources, assets or both");
        }
    }

    public boolean contains(String source, String asset) {
        return (sources.isEmpty() || sources.stream().anyMatch(glob -> glob.matches(source)))
                && (assets.isEmpty() || assets.stream().anyMatch(glob -> glob.matchesAsset(asset)));
    }

    /** For messages: {@code app-db: billing.*, payments.*}, {@code helpdesk-db, support-inbox}, or {@code billing.*} (any source). */
    public String describe() {
        String sourceText = join(sources);
        String assetText = join(assets);
        if (assets.isEmpty()) {
            return sourceText;
        }
        return sources.isEmpty() ? assetText : sourceText + ": " + assetText;
    }

    private static String join(List<Glob> globs) {
        return globs.stream().map(Glob::text).collect(Collectors.joining(", "));
    }
}

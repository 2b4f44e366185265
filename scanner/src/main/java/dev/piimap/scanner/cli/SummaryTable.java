package dev.piimap.scanner.cli;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.job.RunSummary;

import java.util.Locale;
import java.util.Map;

/** The short plain-text table printed after a run: counts only, never values. */
final class SummaryTable {
    private SummaryTable() {
    }

    static String render(RunSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "run %s committed to %s in %.1f s%n", s.runId(), s.datamap(), s.elapsedMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "  %-34s %,10d%n", "items listed", s.itemsListed()));
        for (RunSummary.SourceItems source : s.itemsPerSource()) {
            out.append(String.format(Locale.ROOT, "    %-32s %,10d scanned, %,d carried forward unchanged%n",
                    source.source(), source.scanned(), source.carried()));
        }
        out.append(String.format(Locale.ROOT, "  %-34s %,10d%n", "assets scanned", s.assets()));
        for (Map.Entry<String, Long> e : s.assetsByStatus().entrySet()) {
            out.append(String.format(Locale.ROOT, "    %-32s %,10d%n", e.getKey(), e.getValue()));
        }
        out.append(String.format(Locale.ROOT, "  %-34s %,10d%n", "assets with personal data", s.assetsWithFindings()));
        for (EntityType t : EntityType.values()) {
            Long n = s.assetsPerType().get(t);
            if (n != null) {
                out.append(String.format(Locale.ROOT, "    %-32s %,10d%n", t.name(), n));
            }
        }
        out.append(String.format(Locale.ROOT, "  %-34s %,10d%n", "errors", s.errors()));
        return out.toString();
    }
}

package dev.piimap.scanner.job;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanItem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RELIABILITY.md 4, per source: once a source's time budget ({@code extraction.max-seconds-per-source}) is used
 * up, its remaining items are not read; each gets one {@code skipped} outcome naming the budget, the run still
 * commits, listed = outcomes, and the next run scans them instead of carrying the skip forward.
 */
class SourceBudgetScanTest {
    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");

    @TempDir
    Path tmp;

    @Test
    void itemsStartedAfterTheBudgetAreSkippedWithTheReasonAndScannedByTheNextRun() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share"));
        for (int i = 0; i < 5; i++) {
            Path file = Files.writeString(share.resolve("note" + i + ".txt"), "Write to person" + i + "@example.com\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        ScanConfig config = new ScanConfigLoader().parse("""
                datamap: %s
                sources:
                  - {name: share, type: files, root: %s}
                """.formatted(tmp.resolve("datamap"), share), tmp);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

        // A budget of a millisecond is used up before any task starts: nothing is read.
        RunSummary cut = new ScanJob(quiet, 3600).run(config.withMaxTimePerSource(Duration.ofMillis(1)), "cut");

        DataMapReader reader = DataMapReader.open(spark, config.datamap());
        List<Row> assets = reader.assets("cut").collectAsList();
        assertThat(assets).hasSize(5).allSatisfy(a -> {
            assertThat(Rows.string(a, DataMapLayout.STATUS)).isEqualTo("skipped");
            assertThat(Rows.string(a, "detail")).startsWith(SourceBudget.REASON + " (extraction.max-seconds-per-source: 0)");
        });
        assertThat(reader.findings("cut").count()).isZero();
        assertThat(cut.itemsListed()).isEqualTo(5);
        assertThat(reader.items(reader.requireCommitted("cut")).collectAsList())
                .extracting(r -> Rows.string(r, DataMapLayout.STATUS)).containsOnly(DataMapLayout.ITEM_FAILED);

        new ScanJob(quiet, 3600).run(config, "next");

        assertThat(reader.items(reader.requireCommitted("next")).collectAsList())
                .extracting(r -> Rows.string(r, DataMapLayout.STATUS)).hasSize(5).containsOnly(DataMapLayout.ITEM_SCANNED);
        assertThat(reader.findings("next").collectAsList()).extracting(r -> Rows.string(r, "type"))
                .hasSize(5).containsOnly("EMAIL_ADDRESS");
    }

    @Test
    void aBudgetIsUsedUpOnlyAfterItsDeadline() {
        SourceBudget none = SourceBudget.from(Duration.ZERO, 1_000);
        SourceBudget minute = SourceBudget.from(Duration.ofMinutes(1), 1_000);

        assertThat(none.usedUp(Long.MAX_VALUE - 1)).isFalse();
        assertThat(minute.usedUp(61_000)).isFalse();
        assertThat(minute.usedUp(61_001)).isTrue();
        assertThat(minute.reason()).startsWith(SourceBudget.REASON).contains("max-seconds-per-source: 60");
    }

    @Test
    void aSkippedPartMakesItsWholeItemOneSkippedOutcome() {
        ScanItem whole = new ScanItem("db", "crm.big", 100, 1, "r1");
        ScanItem part0 = new ScanItem("db", "crm.big", 100, 1, "r1", java.util.Map.of(ScanItem.PART, "0/2"));
        ScanItem part1 = new ScanItem("db", "crm.big", 100, 1, "r1", java.util.Map.of(ScanItem.PART, "1/2"));
        String reason = SourceBudget.from(Duration.ofSeconds(5), 0).reason();
        var sorted = List.of(
                new scala.Tuple2<>(new PartMerge.PartKey("db", "crm.big", 0),
                        new ScanJob.Scanned(null, PartMerge.PartScan.skipped(0, part0, reason))),
                new scala.Tuple2<>(new PartMerge.PartKey("db", "crm.big", 1),
                        new ScanJob.Scanned(null, PartMerge.PartScan.skipped(0, part1, reason)))).iterator();

        List<ScanJob.ItemScan> merged = new java.util.ArrayList<>();
        PartMerge.fold(sorted, List.of(), null).forEachRemaining(merged::add);

        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).item()).isEqualTo(whole);
        assertThat(merged.get(0).result().assets()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ItemStatus.SKIPPED);
            assertThat(a.detail()).isEqualTo(reason);
        });
    }
}

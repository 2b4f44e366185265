package dev.piimap.scanner.job;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.ScanConfigLoader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A files source with more items than the driver may list ({@code driverListingLimit} 2 here) is listed in
 * shards on the executors, decided there against its earlier run, and commits exactly what a driver
 * listing commits: the same assets and findings on a first run, and on an incremental run the same
 * rows but the changed file's, which alone is scanned again while the rest is carried forward.
 */
class ShardedListingScanTest {
    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");

    @TempDir
    Path tmp;

    @Test
    void aSourceListedInShardsCommitsWhatADriverListingCommitsAndCarriesUnchangedItems() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share"));
        write(share.resolve("top.txt"), "Reach me at top.level@example.com or +44 20 7946 0958.");
        write(share.resolve("clean.txt"), "The roadmap meeting moved to Thursday.");
        for (String dir : List.of("billing", "support/2025", "support/2026/march")) {
            write(share.resolve(dir + "/note.txt"), "Customer " + dir.replace('/', '.') + "@example.org, IBAN DE89 3704 0044 0532 0130 00");
            write(share.resolve(dir + "/plain.txt"), "nothing personal in " + dir);
        }
        ScanConfig sharded = config(share, "sharded");
        ScanConfig whole = config(share, "whole");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new ScanJob(new PrintStream(console, true, StandardCharsets.UTF_8), 3600, 2).run(sharded, "s1");
        new ScanJob(new PrintStream(OutputStream.nullOutputStream()), 3600).run(whole, "w1");

        assertThat(console.toString(StandardCharsets.UTF_8))
                .containsPattern("share \\(files\\): more than 2 items: listed on the executors in \\d+ shards")
                .contains("share (files): 8 items listed, 8 to scan, 0 unchanged");
        assertThat(rows(sharded, "s1", "findings")).hasSizeGreaterThanOrEqualTo(4).isEqualTo(rows(whole, "w1", "findings"));
        assertThat(rows(sharded, "s1", "assets")).isEqualTo(rows(whole, "w1", "assets"));
        assertThat(rows(sharded, "s1", "items")).isEqualTo(rows(whole, "w1", "items"));

        write(share.resolve("billing/note.txt"), "Changed: billing.owner@example.net");
        console.reset();
        new ScanJob(new PrintStream(console, true, StandardCharsets.UTF_8), 3600, 2).run(sharded, "s2");

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("share (files): 8 items listed, 1 to scan, 7 unchanged (carried from run s1)");

        assertThat(statuses(sharded, "s2")).hasSize(8).containsEntry("billing/note.txt", DataMapLayout.ITEM_SCANNED)
                .containsEntry("support/2026/march/note.txt", DataMapLayout.ITEM_CARRIED)
                .containsEntry("top.txt", DataMapLayout.ITEM_CARRIED)
                .satisfies(s -> assertThat(s.values().stream().filter(DataMapLayout.ITEM_CARRIED::equals).count()).isEqualTo(7));
        assertThat(withoutBilling(rows(sharded, "s2", "findings"))).isEqualTo(withoutBilling(rows(sharded, "s1", "findings")));
        assertThat(withoutBilling(rows(sharded, "s2", "assets"))).isEqualTo(withoutBilling(rows(sharded, "s1", "assets")));
        assertThat(rows(sharded, "s2", "findings")).filteredOn(r -> r.contains("billing/note.txt"))
                .anyMatch(r -> r.contains("EMAIL_ADDRESS")).noneMatch(r -> r.contains("IBAN"));
        assertThat(DataMapReader.open(spark, sharded.datamap()).requireCommitted("s2").itemsCarried()).isEqualTo(7);
    }

    private static List<String> withoutBilling(List<String> rows) {
        return rows.stream().filter(r -> !r.contains("billing/note.txt")).toList();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n");
        // Files written in the last 2 s get no change token: these are an hour old (a changed one differs in size).
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    private ScanConfig config(Path share, String name) {
        String yaml = """
                datamap: %s
                sources:
                  - name: share
                    type: files
                    root: %s
                """.formatted(tmp.resolve(name + "-datamap"), share);
        return new ScanConfigLoader().parse(yaml, tmp);
    }

    /** A run's rows of one table, without the run id and the columns naming when or in which run they were scanned. */
    private List<String> rows(ScanConfig config, String runId, String table) {
        DataMapReader reader = DataMapReader.open(spark, config.datamap());
        Dataset<Row> rows = switch (table) {
            case "findings" -> reader.findings(runId);
            case "assets" -> reader.assets(runId);
            default -> reader.items(reader.requireCommitted(runId));
        };
        for (String column : List.of("run_id", "scanned_run_id", "scan_fingerprint", "scanned_at")) {
            rows = rows.drop(column);
        }
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private Map<String, String> statuses(ScanConfig config, String runId) {
        DataMapReader reader = DataMapReader.open(spark, config.datamap());
        Map<String, String> out = new TreeMap<>();
        for (Row row : reader.items(reader.requireCommitted(runId)).collectAsList()) {
            out.put(Rows.string(row, DataMapLayout.ITEM), Rows.string(row, DataMapLayout.STATUS));
        }
        return out;
    }
}

package dev.piimap.scanner.job;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.testdata.ChildJvm;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RELIABILITY 9, end to end with {@code bin/scan run} in child JVMs: a run killed (SIGKILL) in the middle of
 * its commit leaves the data map as it was, and running the same run id again completes it without
 * duplicating rows; a run whose tasks all fail their first attempt (injected by {@link TaskFaults}, retried by a
 * {@code local[2,3]} master) commits exactly the rows of an undisturbed run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {
    private static final int FILES = 24;

    @TempDir
    static Path tmp;
    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
    private Path config;
    private Set<String> firstRunFindings;

    @BeforeAll
    void scanOnce() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share"));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(share.resolve(String.format(Locale.ROOT, "ticket-%02d.txt", i)), String.format(Locale.ROOT,
                    "Ticket %d from customer%d@example.org, call +44 20 7946 %04d. Card 4111 1111 1111 1111 on file.%n",
                    i, i, 1000 + i));
        }
        config = tmp.resolve("scan.yaml");
        Files.writeString(config, """
                datamap: ./datamap
                spark: {master: "local[2]"}
                sources:
                  - name: share
                    type: files
                    root: ./share
                """);
        String log = runToEnd(List.of(), "run", "--config", config.toString(), "--run-id", "night-1");
        assertThat(log).contains("run night-1 committed");
        firstRunFindings = findingKeys("night-1");
        assertThat(firstRunFindings).hasSizeGreaterThanOrEqualTo(FILES * 2);
    }

    @Test
    @Order(1)
    void aRunKilledDuringItsCommitLeavesTheDataMapAsItWasAndARetryCompletesIt() throws Exception {
        Files.writeString(tmp.resolve("share").resolve("late.txt"), "Escalated by late.customer@example.org\n");
        DataMapLayout layout = DataMapLayout.at(tmp.resolve("datamap").toString());
        long assetCommits = deltaCommits(layout.assetsTable());
        long runCommits = deltaCommits(layout.runsTable());

        Process run = ChildJvm.scan(tmp, List.of(), "run", "--config", config.toString(), "--run-id", "night-2");
        Thread drain = drain(run);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        // The assets table commits first of the six; the run row, the commit point, comes four table writes later.
        while (deltaCommits(layout.assetsTable()) == assetCommits && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        run.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
        drain.join();
        assertThat(deltaCommits(layout.assetsTable())).as("the run was killed after writing its assets").isGreaterThan(assetCommits);
        assertThat(deltaCommits(layout.runsTable())).as("and before its run row, the commit point").isEqualTo(runCommits);

        DataMapReader reader = DataMapReader.open(spark, layout.root());
        assertThat(reader.committedRuns()).extracting(RunRecord::runId).containsExactly("night-1");
        assertThat(findingKeys("night-1")).isEqualTo(firstRunFindings);
        assertThat(spark.read().format("delta").load(layout.assetsTable())
                .filter("run_id = 'night-2'").count()).as("the killed run's rows are on disk but hidden").isPositive();

        String retry = runToEnd(List.of(), "run", "--config", config.toString(), "--run-id", "night-2");
        assertThat(retry).contains("run night-2 committed");
        RunRecord second = reader.requireLatestCommittedRun();
        assertThat(second.runId()).isEqualTo("night-2");
        List<String> assets = reader.assets(second).select("asset").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(assets).as("one row per file, none duplicated by the killed attempt").hasSize(FILES + 1).doesNotHaveDuplicates();
        Set<String> expected = new TreeSet<>(firstRunFindings);
        assertThat(findingKeys("night-2")).containsAll(expected).anyMatch(k -> k.startsWith("late.txt|EMAIL_ADDRESS|1"));
    }

    @Test
    @Order(2)
    void aRunWhoseTasksFailTheirFirstAttemptCommitsEveryRowOnce() throws Exception {
        String log = runToEnd(List.of("-D" + TaskFaults.FAIL_FIRST_ATTEMPTS + "=true"),
                "run", "--config", config.toString(), "--run-id", "flaky-1", "--master", "local[2,3]", "--full");

        assertThat(log).contains("run flaky-1 committed").contains("injected failure of the first attempt");
        DataMapReader reader = DataMapReader.open(spark, tmp.resolve("datamap").toString());
        List<String> assets = reader.assets("flaky-1").select("asset").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(assets).hasSize(FILES + 1).doesNotHaveDuplicates();
        assertThat(findingKeys("flaky-1")).isEqualTo(findingKeys("night-2"));
        assertThat(reader.requireCommitted("flaky-1").errors()).isZero();
    }

    /** (asset, type, count) of a committed run's findings. */
    private Set<String> findingKeys(String runId) {
        Set<String> keys = new TreeSet<>();
        for (Row row : DataMapReader.open(spark, tmp.resolve("datamap").toString()).findings(runId).collectAsList()) {
            keys.add(Rows.string(row, "asset") + "|" + Rows.string(row, "type") + "|" + Rows.longOrZero(row, "count"));
        }
        return keys;
    }

    private static long deltaCommits(String table) throws IOException {
        Path log = Path.of(table, "_delta_log");
        if (!Files.isDirectory(log)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json")).count();
        }
    }

    private static String runToEnd(List<String> jvmOptions, String... args) throws Exception {
        Process p = ChildJvm.scan(tmp, jvmOptions, args);
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return log;
    }

    /** Keeps the child's output pipe empty so it never blocks on a full pipe. */
    private static Thread drain(Process p) {
        Thread t = new Thread(() -> {
            try {
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}

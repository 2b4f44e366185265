package dev.piimap.reports.datamap;

import dev.piimap.reports.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataMapReaderTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private final SparkSession spark = TestSpark.session();

    @Test
    void explainsWhereNoDataMapIs(@TempDir Path dir) {
        String location = dir.resolve("nothing-here").toString();

        assertThatThrownBy(() -> DataMapReader.open(spark, location))
                .isInstanceOf(DataMapNotFoundException.class)
                .hasMessage("no data map at " + location + ": run `bin/scan run` first");
    }

    @Test
    void seesOnlyCommittedRunsInCommitOrder(@TempDir Path dir) {
        new DataMapFixture(spark, dir.toString())
                .run("r2", "committed", T0.plusSeconds(3600), "db")
                .run("r1", "committed", T0, "db")
                .run("r3", "incomplete", T0.plusSeconds(7200), "db")
                .asset("r3", "db", "s.t.c", "column", "ok", null, null, null)
                .write();

        DataMapReader reader = DataMapReader.open(spark, dir.toString());

        assertThat(reader.committedRuns()).extracting(RunRecord::runId).containsExactly("r1", "r2");
        assertThat(reader.latestCommittedRunId()).contains("r2");
        assertThat(reader.requireLatestCommittedRun().finishedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(reader.committedRun("r3")).isEmpty();
        assertThatThrownBy(() -> reader.assets("r3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run r3 has not committed");
    }

    @Test
    void explainsADataMapWithoutCommittedRuns(@TempDir Path dir) {
        new DataMapFixture(spark, dir.toString()).run("r1", "incomplete", T0).write();

        DataMapReader reader = DataMapReader.open(spark, dir.toString());

        assertThat(reader.latestCommittedRunId()).isEmpty();
        assertThatThrownBy(reader::requireLatestCommittedRun)
                .isInstanceOf(DataMapNotFoundException.class)
                .hasMessageContaining("has no committed run yet: run `bin/scan run` first");
    }
}

package dev.piimap.scanner.job;

import dev.piimap.reports.SparkSessions;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanProgressTest {
    @Test
    void reportsItemsDoneThroughputAndEta() {
        SparkContext sc = SparkSessions.getOrCreate("local[2]", "piimap tests").sparkContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ScanProgress progress = new ScanProgress(sc, new PrintStream(out, true, StandardCharsets.UTF_8),
                List.of("share", "db"), new long[]{4, 2}, new long[]{4_000_000, 0}, 3600)) {
            progress.counters().itemDone(0, 1_000_000);
            progress.counters().itemDone(1, -1);
            assertThat(progress.line(0)).startsWith("piimap: progress share: 1/4 items (25%), ").contains(" MB/s").contains("ETA ");
            assertThat(progress.line(1)).startsWith("piimap: progress db: 1/2 items (50%), ").contains(" items/s");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("progress share: 1/4").contains("progress db: 1/2");
    }

    @Test
    void formatsDurations() {
        assertThat(ScanProgress.duration(42)).isEqualTo("42s");
        assertThat(ScanProgress.duration(125)).isEqualTo("2m05s");
        assertThat(ScanProgress.duration(7380)).isEqualTo("2h03m");
    }
}

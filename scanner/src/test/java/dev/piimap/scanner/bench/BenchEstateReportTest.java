package dev.piimap.scanner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.scanner.bench.EstateBenchmark.EstateFacts;
import dev.piimap.scanner.bench.EstateBenchmark.Result;
import dev.piimap.scanner.bench.EstateBenchmark.Settings;
import dev.piimap.scanner.bench.EstateBenchmark.SizeResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The figures, targets and both report formats, from hand-made measurements (no estate, no Spark). */
class BenchEstateReportTest {
    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    @Test
    void derivesPerCoreRatesRatiosAndSpeedUpFromTheMeasurements() {
        SizeResult size = size("1GB", GB, 3.0, run(1, 100, 80, 40, 50, 400), run(2, 50, 40, 42, 52, 420));

        EstateReport.Figures one = EstateReport.figures(size).get(0);
        EstateReport.Figures two = EstateReport.figures(size).get(1);

        assertThat(one.jdbcRowsPerCoreSecond()).isCloseTo(1_000_000 / 40.0, within(1e-6));
        assertThat(one.filesMbPerCoreSecond()).isCloseTo(512 / 50.0, within(1e-6));
        assertThat(one.scanMbPerCoreSecond()).isCloseTo(1024 / 90.0, within(1e-6));
        assertThat(one.wallOverRead()).isCloseTo(100 / 3.0, within(1e-6));
        assertThat(one.secondsPerGb()).isCloseTo(100, within(1e-6));
        assertThat(two.speedupWall()).isCloseTo(2.0, within(1e-6));
        assertThat(two.speedupJob()).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void judgesTheFourTargets() {
        Result met = result(
                size("100MB", 100 * MB, 1.0, run(1, 10, 8, 4, 4, 300), run(2, 5.5, 4, 4, 4, 300)),
                size("1GB", GB, 9.0, run(1, 100, 90, 40, 50, 320), run(2, 55, 50, 40, 50, 330)));
        assertThat(EstateReport.targets(met)).extracting(EstateReport.Target::verdict)
                .containsExactly("met", "met", "NOT MET", "met");

        Result missed = result(
                size("100MB", 100 * MB, 1.0, run(1, 10, 8, 4, 4, 300), run(2, 5, 4, 4, 4, 300)),
                size("1GB", GB, 100.0, run(1, 150, 140, 70, 70, 600), run(2, 120, 110, 70, 70, 700)));
        List<EstateReport.Target> targets = EstateReport.targets(missed);
        assertThat(targets).extracting(EstateReport.Target::verdict).containsExactly("NOT MET", "NOT MET", "met", "NOT MET");
        assertThat(targets.get(0).measured()).contains("local[1] worst step 1.46x");
        assertThat(targets.get(1).measured()).isEqualTo("1GB: 1.25x wall (1.27x job)");
        assertThat(EstateReport.linearityLine(missed, 1)).isEqualTo("local[1]: 100MB 102.4 -> 1GB 150.0 (1.46x SUPER-LINEAR): super-linear");
    }

    @Test
    void leavesTargetsOpenThatOneSizeOrOneMasterCannotJudge() {
        Result single = new Result(new Settings(List.of(new EstateSize("4MB", 4 * MB)), List.of(1), Path.of("."), false, 1, 0), null,
                List.of(size("4MB", 4 * MB, 0.5, run(1, 30, 20, 1, 1, 200))));

        assertThat(EstateReport.targets(single)).extracting(EstateReport.Target::verdict).containsExactly("n/a", "n/a", "NOT MET", "n/a");
        assertThat(EstateReport.table(single)).contains("detect reference: skipped").contains("local[1]: 4MB 7680.0: one size");
    }

    @Test
    void writesOneJsonObjectPerLineInTheDocumentedOrder() throws Exception {
        Result result = result(
                size("100MB", 100 * MB, 1.0, run(1, 10, 8, 4, 4, 300), run(2, 5.5, 4, 4, 4, 300)),
                size("1GB", GB, 9.0, run(1, 100, 90, 40, 50, 320), run(2, 55, 50, 40, 50, 330)));

        List<JsonNode> records = new ArrayList<>();
        for (String line : EstateReport.jsonLines(result).lines().toList()) {
            records.add(new ObjectMapper().readTree(line));
        }

        assertThat(records).extracting(r -> r.get("record").asText()).containsExactly("environment", "estate", "run", "run",
                "estate", "run", "run", "target", "target", "target", "target");
        assertThat(records.get(0).get("detect_all_types_mb_per_s_per_core").asDouble()).isEqualTo(6.5);
        JsonNode run = records.get(6);
        assertThat(run.get("size").asText()).isEqualTo("1GB");
        assertThat(run.get("executors").asInt()).isEqualTo(2);
        assertThat(run.get("speedup_wall").asDouble()).isCloseTo(100 / 55.0, within(1e-3));
        assertThat(run.get("jdbc_rows_per_s_per_core").asDouble()).isEqualTo(25_000.0);
        assertThat(run.get("cpu_seconds").asDouble()).isEqualTo(82.5);
        assertThat(run.get("cores_busy").asDouble()).isEqualTo(1.5);
        assertThat(run.get("assets_by_status").get("ok").asLong()).isEqualTo(10);
        assertThat(records.get(8).get("met").asBoolean()).isTrue();
    }

    @Test
    void warnsWhenARunDidNotClassifyEverything() {
        ScanRun truncated = new ScanRun(1, 10, 8, 300 * MB, 200 * MB, 100 * MB, 12.5, time(4, 10), time(4, 3), 10,
                Map.of("ok", 8L, "truncated", 2L));
        Result result = new Result(new Settings(List.of(new EstateSize("100MB", 100 * MB)), List.of(1), Path.of("."), false, 1, 0), null,
                List.of(new SizeResult(facts("100MB", 100 * MB), new BaselineRead(0.5, 50 * MB, 0.5, 50 * MB), List.of(truncated))));

        assertThat(EstateReport.table(result)).contains("warning: 100MB local[1]: 2 of 10 assets did not end ok");
    }

    private static Result result(SizeResult... sizes) {
        List<EstateSize> list = List.of(sizes).stream().map(s -> s.estate().size()).toList();
        return new Result(new Settings(list, List.of(1, 2), Path.of("."), false, 1, 16),
                new EstateBenchmark.DetectReference(16, 6.5, 16.0), List.of(sizes));
    }

    /** An estate of {@code bytes}, half a million rows per GB of database, half files. */
    private static SizeResult size(String label, long bytes, double readSeconds, ScanRun... runs) {
        return new SizeResult(facts(label, bytes), new BaselineRead(readSeconds / 2, bytes / 2, readSeconds / 2, bytes / 2), List.of(runs));
    }

    private static EstateFacts facts(String label, long bytes) {
        return new EstateFacts(new EstateSize(label, bytes), (int) Math.max(4, bytes / (4 * MB)), bytes / 2 * 2_000_000L / GB,
                bytes / 2, bytes / 2 / MB, bytes / 2, 1.0);
    }

    private static ScanRun run(int executors, double wall, double job, double databaseSeconds, double fileSeconds, long liveHeapMb) {
        return new ScanRun(executors, wall, job, 1_000 * MB, 2 * liveHeapMb * MB, liveHeapMb * MB, 1.5 * wall, time(4, databaseSeconds),
                time(50, fileSeconds), 10, Map.of("ok", 10L));
    }

    private static ScanTaskTimes.SourceTime time(long items, double seconds) {
        return new ScanTaskTimes.SourceTime(2, items, 0, seconds, 0, 0);
    }
}

package dev.piimap.scanner.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.scanner.bench.EstateBenchmark.EstateFacts;
import dev.piimap.scanner.bench.EstateBenchmark.Result;
import dev.piimap.scanner.bench.EstateBenchmark.SizeResult;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's figures, derived from what was measured, and the two ways they are printed: a plain
 * text table and JSON Lines (one object per line: {@code environment}, then per size {@code estate}
 * and its {@code run}s, then the {@code target}s). Also the checks against issue 6's targets.
 */
public final class EstateReport {
    /** A step in seconds per GB above this ratio to the next smaller size counts as super-linear. */
    static final double SUPER_LINEAR_STEP = 1.3;
    /** The speed-up 2 executors must reach over 1 at the largest size. */
    static final double TARGET_SPEEDUP = 1.7;
    /** End-to-end time allowed, as a multiple of the time to merely read the data. */
    static final double TARGET_READ_RATIO = 3.0;
    /** Growth of the largest live heap from the smallest to the largest size still counted as independent of the object count. */
    static final double MEMORY_GROWTH_LIMIT = 1.5;

    /** The table's run columns, in order (the test reads them). */
    public static final List<String> RUN_COLUMNS = List.of("estate", "master", "wall s", "job s", "jdbc rows/s/core",
            "files MB/s/core", "scan MB/s/core", "peak RSS MB", "peak heap MB", "live heap MB", "cpu s", "cores busy", "wall/read",
            "speed-up", "s/GB");
    /** The table's estate columns, in order. */
    public static final List<String> ESTATE_COLUMNS = List.of("estate", "tables", "rows", "db MB", "files", "files MB",
            "generate s", "read s", "COPY s", "files read s");

    /** Figures of one run, derived from its measurement, its estate and the first run of the same estate. */
    record Figures(EstateFacts estate, ScanRun run, double jdbcRowsPerCoreSecond, double filesMbPerCoreSecond,
                   double scanMbPerCoreSecond, double wallOverRead, double speedupWall, double speedupJob, double secondsPerGb) {
        static Figures of(SizeResult size, ScanRun run) {
            EstateFacts e = size.estate();
            ScanRun first = size.runs().get(0);
            double coreSeconds = run.database().taskSeconds() + run.files().taskSeconds();
            return new Figures(e, run, e.rows() / run.database().taskSeconds(), e.fileBytes() / Units.MB / run.files().taskSeconds(),
                    e.totalBytes() / Units.MB / coreSeconds, run.wallSeconds() / size.read().seconds(),
                    first.wallSeconds() / run.wallSeconds(), first.jobSeconds() / run.jobSeconds(),
                    run.wallSeconds() / (e.totalBytes() / Units.GB));
        }
    }

    /**
     * One target of issue 6 and where it stands.
     *
     * @param met null when the run does not allow a verdict (one size only, no 1 and 2 executors)
     */
    record Target(String name, String measured, Boolean met) {
        String verdict() {
            return met == null ? "n/a" : met ? "met" : "NOT MET";
        }
    }

    private EstateReport() {
    }

    static List<Figures> figures(SizeResult size) {
        return size.runs().stream().map(r -> Figures.of(size, r)).toList();
    }

    /** The plain-text report: environment, estates, runs, linearity, targets, and how each number is measured. */
    public static String table(Result result) {
        StringBuilder out = new StringBuilder();
        out.append(environmentLine(result)).append('\n');
        EstateBenchmark.DetectReference d = result.detect();
        out.append(d == null ? "detect reference: skipped (--detect-mb 0)\n" : String.format(Locale.ROOT,
                "detect reference (in memory, %.1f MB, 1 thread, as bin/scan bench): all types %.2f MB/s per core, structured types %.2f MB/s per core%n",
                d.megabytes(), d.allTypesMbPerSecond(), d.structuredMbPerSecond()));

        out.append('\n').append(String.format(Locale.ROOT, "%-8s %7s %12s %8s %7s %9s %11s %8s %8s %13s%n", ESTATE_COLUMNS.toArray()));
        for (SizeResult s : result.sizes()) {
            EstateFacts e = s.estate();
            out.append(String.format(Locale.ROOT, "%-8s %,7d %,12d %8.1f %,7d %9.1f %11.1f %8.3f %8.3f %13.3f%n", e.size().label(),
                    e.tables(), e.rows(), e.databaseBytes() / Units.MB, e.files(), e.fileBytes() / Units.MB, e.generateSeconds(),
                    s.read().seconds(), s.read().databaseSeconds(), s.read().fileSeconds()));
        }

        String runFormat = "%-8s %-9s %8s %8s %16s %15s %14s %11s %12s %12s %7s %10s %9s %8s %8s%n";
        out.append('\n').append(String.format(Locale.ROOT, runFormat, RUN_COLUMNS.toArray()));
        List<String> warnings = new ArrayList<>();
        for (SizeResult s : result.sizes()) {
            for (Figures f : figures(s)) {
                ScanRun r = f.run();
                out.append(String.format(Locale.ROOT, runFormat, s.estate().size().label(), "local[" + r.executors() + "]",
                        fixed(r.wallSeconds(), 1), fixed(r.jobSeconds(), 1), grouped(f.jdbcRowsPerCoreSecond()),
                        fixed(f.filesMbPerCoreSecond(), 2), fixed(f.scanMbPerCoreSecond(), 2), megabytes(r.peakRssBytes()),
                        megabytes(r.peakHeapBytes()), megabytes(r.liveHeapBytes()), fixed(known(r.cpuSeconds()), 1), fixed(known(r.coresBusy()), 2),
                        fixed(f.wallOverRead(), 1) + "x",
                        fixed(f.speedupWall(), 2) + "x", fixed(f.secondsPerGb(), 1)));
                if (r.assetsNotOk() > 0) {
                    warnings.add(String.format(Locale.ROOT, "warning: %s local[%d]: %,d of %,d assets did not end ok %s: less was classified than generated",
                            s.estate().size().label(), r.executors(), r.assetsNotOk(), r.assets(), r.assetsByStatus()));
                }
            }
        }
        warnings.forEach(w -> out.append(w).append('\n'));
        if (result.sizes().stream().anyMatch(s -> !s.incrementalRuns().isEmpty())) {
            out.append('\n').append("incremental runs (the same estate again, nothing changed: what a nightly run costs):\n");
            out.append(String.format(Locale.ROOT, "%-8s %-9s %12s %12s %12s %12s %10s%n", "estate", "master", "full wall s",
                    "incr. wall s", "incr. job s", "carried", "incr./full"));
            for (SizeResult s : result.sizes()) {
                for (int i = 0; i < s.incrementalRuns().size(); i++) {
                    ScanRun full = s.runs().get(i);
                    ScanRun again = s.incrementalRuns().get(i);
                    out.append(String.format(Locale.ROOT, "%-8s %-9s %12s %12s %12s %12s %9.1f%%%n", s.estate().size().label(),
                            "local[" + again.executors() + "]", fixed(full.wallSeconds(), 1), fixed(again.wallSeconds(), 1),
                            fixed(again.jobSeconds(), 1), grouped(again.itemsCarried()),
                            100 * again.wallSeconds() / full.wallSeconds()));
                }
            }
        }

        out.append('\n').append(String.format(Locale.ROOT, "linearity (wall s per GB; a step above %.1fx the next smaller size is super-linear):%n",
                SUPER_LINEAR_STEP));
        for (int executors : result.settings().executors()) {
            out.append("  ").append(linearityLine(result, executors)).append('\n');
        }
        out.append("targets (issue 6):\n");
        for (Target t : targets(result)) {
            out.append(String.format(Locale.ROOT, "  %-58s %s: %s%n", t.name(), t.measured(), t.verdict()));
        }
        out.append('\n').append("""
                how: MB = 1,048,576 bytes. wall = child JVM start to exit (bin/scan run --full, fresh data map); job = the run's own
                  time (listing, scan, commit). Core seconds of a source = sum of the durations of the Spark tasks that scanned its items
                  (a listener on the scan's progress accumulators); jdbc rows/s/core = rows / database core seconds; files MB/s/core = file
                  MB / files core seconds; scan MB/s/core = estate MB / all scan core seconds. read = COPY (SELECT * FROM t) TO STDOUT of
                  every table into a null sink plus reading every file once, one thread, warm page cache. peak RSS = the child's VmHWM
                  (driver and executors are one JVM on local[N]); peak heap = most heap in use before a GC; live heap = most still in use
                  after a full GC, which the child forces every %d s. cpu s = CPU time of the child JVM, all threads (executors,
                  driver, GC, JIT compiler); cores busy = cpu s / wall s. speed-up = wall of the first master / wall of this one. The
                  database server runs on the same machine; its CPU time is not in cpu s.
                """.formatted(MeasuredScan.LIVE_HEAP_INTERVAL.toSeconds()));
        return out.toString();
    }

    /** The report as JSON Lines: environment, estate and run records, then targets. */
    public static String jsonLines(Result result) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("record", "environment");
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("seed", result.settings().seed());
        EstateBenchmark.DetectReference d = result.detect();
        env.put("detect_mb", d == null ? null : round(d.megabytes()));
        env.put("detect_all_types_mb_per_s_per_core", d == null ? null : round(d.allTypesMbPerSecond()));
        env.put("detect_structured_types_mb_per_s_per_core", d == null ? null : round(d.structuredMbPerSecond()));
        line(json, out, env);
        for (SizeResult s : result.sizes()) {
            EstateFacts e = s.estate();
            Map<String, Object> estate = new LinkedHashMap<>();
            estate.put("record", "estate");
            estate.put("size", e.size().label());
            estate.put("target_bytes", e.size().bytes());
            estate.put("tables", e.tables());
            estate.put("rows", e.rows());
            estate.put("db_bytes", e.databaseBytes());
            estate.put("files", e.files());
            estate.put("file_bytes", e.fileBytes());
            estate.put("generate_seconds", round(e.generateSeconds()));
            estate.put("read_seconds", round(s.read().seconds()));
            estate.put("read_copy_seconds", round(s.read().databaseSeconds()));
            estate.put("read_copy_bytes", s.read().databaseBytes());
            estate.put("read_files_seconds", round(s.read().fileSeconds()));
            estate.put("read_file_bytes", s.read().fileBytes());
            line(json, out, estate);
            for (Figures f : figures(s)) {
                ScanRun r = f.run();
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("record", "run");
                run.put("size", e.size().label());
                run.put("executors", r.executors());
                run.put("wall_seconds", round(r.wallSeconds()));
                run.put("job_seconds", round(r.jobSeconds()));
                run.put("jdbc_core_seconds", round(r.database().taskSeconds()));
                run.put("jdbc_tasks", r.database().tasks());
                run.put("jdbc_rows_per_s_per_core", round(f.jdbcRowsPerCoreSecond()));
                run.put("files_core_seconds", round(r.files().taskSeconds()));
                run.put("files_tasks", r.files().tasks());
                run.put("files_mb_per_s_per_core", round(f.filesMbPerCoreSecond()));
                run.put("scan_mb_per_s_per_core", round(f.scanMbPerCoreSecond()));
                run.put("peak_rss_bytes", r.peakRssBytes());
                run.put("peak_heap_bytes", r.peakHeapBytes());
                run.put("live_heap_bytes", r.liveHeapBytes());
                run.put("cpu_seconds", round(r.cpuSeconds()));
                run.put("cores_busy", round(r.coresBusy()));
                run.put("wall_over_read", round(f.wallOverRead()));
                run.put("speedup_wall", round(f.speedupWall()));
                run.put("speedup_job", round(f.speedupJob()));
                run.put("seconds_per_gb", round(f.secondsPerGb()));
                run.put("assets", r.assets());
                run.put("assets_by_status", r.assetsByStatus());
                line(json, out, run);
            }
            for (int i = 0; i < s.incrementalRuns().size(); i++) {
                ScanRun r = s.incrementalRuns().get(i);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("record", "incremental_run");
                run.put("size", e.size().label());
                run.put("executors", r.executors());
                run.put("wall_seconds", round(r.wallSeconds()));
                run.put("job_seconds", round(r.jobSeconds()));
                run.put("items_carried", r.itemsCarried());
                run.put("peak_rss_bytes", r.peakRssBytes());
                run.put("cpu_seconds", round(r.cpuSeconds()));
                run.put("wall_over_full_wall", round(r.wallSeconds() / s.runs().get(i).wallSeconds()));
                line(json, out, run);
            }
        }
        for (Target t : targets(result)) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("record", "target");
            target.put("name", t.name());
            target.put("measured", t.measured());
            target.put("met", t.met());
            line(json, out, target);
        }
        return out.toString();
    }

    /** Issue 6's four targets, judged on what was measured. */
    static List<Target> targets(Result result) {
        List<SizeResult> bySize = result.sizes().stream().sorted(Comparator.comparingLong(s -> s.estate().size().bytes())).toList();
        SizeResult largest = bySize.get(bySize.size() - 1);
        SizeResult smallest = bySize.get(0);
        List<Target> targets = new ArrayList<>();

        if (bySize.size() < 2) {
            targets.add(new Target("time linear in size (no step > 1.3x in s/GB)", "one size", null));
        } else {
            List<String> steps = new ArrayList<>();
            boolean linear = true;
            for (int executors : result.settings().executors()) {
                double worst = 0;
                for (int i = 1; i < bySize.size(); i++) {
                    worst = Math.max(worst, secondsPerGb(bySize.get(i), executors) / secondsPerGb(bySize.get(i - 1), executors));
                }
                linear &= worst <= SUPER_LINEAR_STEP;
                steps.add(String.format(Locale.ROOT, "local[%d] worst step %.2fx", executors, worst));
            }
            targets.add(new Target("time linear in size (no step > 1.3x in s/GB)", String.join(", ", steps), linear));
        }

        String label = largest.estate().size().label();
        ScanRun one = run(largest, 1);
        ScanRun two = run(largest, 2);
        if (one == null || two == null) {
            targets.add(new Target("2 executors >= 1.7x 1 executor at the largest size", "needs --executors 1,2", null));
        } else {
            double wall = one.wallSeconds() / two.wallSeconds();
            targets.add(new Target("2 executors >= 1.7x 1 executor at the largest size",
                    String.format(Locale.ROOT, "%s: %.2fx wall (%.2fx job)", label, wall, one.jobSeconds() / two.jobSeconds()),
                    wall >= TARGET_SPEEDUP));
        }

        List<Figures> largestFigures = figures(largest);
        double best = largestFigures.stream().mapToDouble(Figures::wallOverRead).min().orElseThrow();
        targets.add(new Target("end-to-end <= 3x merely reading, largest size", label + ": " + largestFigures.stream()
                .map(f -> String.format(Locale.ROOT, "local[%d] %.1fx", f.run().executors(), f.wallOverRead()))
                .collect(Collectors.joining(", ")), best <= TARGET_READ_RATIO));

        if (bySize.size() < 2) {
            targets.add(new Target("peak memory independent of the objects listed", "one size", null));
        } else {
            List<String> growth = new ArrayList<>();
            boolean flat = true;
            for (int executors : result.settings().executors()) {
                ScanRun small = run(smallest, executors);
                ScanRun large = run(largest, executors);
                double ratio = (double) large.liveHeapBytes() / Math.max(1, small.liveHeapBytes());
                flat &= ratio <= MEMORY_GROWTH_LIMIT;
                growth.add(String.format(Locale.ROOT, "local[%d] live heap %s -> %s MB (%.2fx), peak RSS %s -> %s MB", executors,
                        megabytes(small.liveHeapBytes()), megabytes(large.liveHeapBytes()), ratio, megabytes(small.peakRssBytes()),
                        megabytes(large.peakRssBytes())));
            }
            targets.add(new Target("peak memory independent of the objects listed", String.format(Locale.ROOT,
                    "objects %,d -> %,d; %s (limit %.1fx)", smallest.estate().objects(), largest.estate().objects(),
                    String.join("; ", growth), MEMORY_GROWTH_LIMIT), flat));
        }
        return targets;
    }

    /** {@code local[1]: 100MB 752.0 -> 1GB 400.1 (0.53x): linear}, sizes in increasing order. */
    static String linearityLine(Result result, int executors) {
        List<SizeResult> bySize = result.sizes().stream().sorted(Comparator.comparingLong(s -> s.estate().size().bytes())).toList();
        StringBuilder line = new StringBuilder("local[" + executors + "]:");
        boolean superLinear = false;
        for (int i = 0; i < bySize.size(); i++) {
            double perGb = secondsPerGb(bySize.get(i), executors);
            line.append(i == 0 ? " " : " -> ").append(bySize.get(i).estate().size().label()).append(' ').append(fixed(perGb, 1));
            if (i > 0) {
                double step = perGb / secondsPerGb(bySize.get(i - 1), executors);
                superLinear |= step > SUPER_LINEAR_STEP;
                line.append(String.format(Locale.ROOT, " (%.2fx%s)", step, step > SUPER_LINEAR_STEP ? " SUPER-LINEAR" : ""));
            }
        }
        return line.append(bySize.size() < 2 ? ": one size" : superLinear ? ": super-linear" : ": linear").toString();
    }

    private static double secondsPerGb(SizeResult size, int executors) {
        ScanRun run = run(size, executors);
        return run == null ? Double.NaN : run.wallSeconds() / (size.estate().totalBytes() / Units.GB);
    }

    private static ScanRun run(SizeResult size, int executors) {
        return size.runs().stream().filter(r -> r.executors() == executors).findFirst().orElse(null);
    }

    private static String environmentLine(Result result) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "bench-estate: %s %s, %d cores, seed %d, sizes %s, masters %s; half of each size database rows, half files",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), rt.availableProcessors(), result.settings().seed(),
                result.settings().sizes().stream().map(EstateSize::label).collect(Collectors.joining(",")),
                result.settings().executors().stream().map(e -> "local[" + e + "]").collect(Collectors.joining(",")));
    }

    /** A figure that is -1 when unknown, as NaN (printed n/a). */
    private static double known(double value) {
        return value < 0 ? Double.NaN : value;
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
    }

    private static String grouped(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "n/a";
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", bytes / Units.MB);
    }

    private static Double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
    }

    private static void line(ObjectMapper json, StringBuilder out, Map<String, Object> record) {
        try {
            out.append(json.writeValueAsString(record)).append('\n');
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.piimap.scanner.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code bin/scan run --full} over an estate in a child JVM ({@link MeasuredScan}), one per
 * measurement, since a JVM holds one Spark session and its memory is what is measured. The child gets
 * this JVM's class path and the JVM options that matter to Spark and to memory (the {@code --add-opens}
 * set {@code bin/scan} passes, {@code -Dio.netty...}, {@code -Xmx}/{@code -Xms}), and
 * {@code SPARK_LOCAL_IP=127.0.0.1} unless set. Its standard output goes to {@code run.out}, its standard
 * error to {@code run.log} (lines starting {@code piimap:} are also passed on as progress), both in the
 * run's folder. Its peak RSS is polled from {@code /proc} every {@value #POLL_MILLIS} ms as well as
 * reported by the child itself; the larger counts.
 */
final class ChildScan {
    static final long POLL_MILLIS = 100;
    private static final List<String> FORWARDED_OPTIONS = List.of("--add-opens", "--enable-native-access", "-Dio.netty",
            "-XX:+IgnoreUnrecognizedVMOptions", "-Xmx", "-Xms", "-XX:MaxRAMPercentage");
    private static final Pattern COMMITTED = Pattern.compile("^run \\S+ committed to .+ in ([0-9.]+) s$");
    private static final Pattern ASSETS = Pattern.compile("^  assets scanned\\s+([\\d,]+)$");
    private static final Pattern STATUS = Pattern.compile("^    (ok|truncated|skipped|error)\\s+([\\d,]+)$");
    private static final Pattern CARRIED = Pattern.compile("^    \\S.* +[\\d,]+ scanned, ([\\d,]+) carried forward unchanged$");
    private static final int LOG_TAIL_LINES = 15;

    private ChildScan() {
    }

    /**
     * Scans {@code estate} on {@code local[executors]} with a fresh data map under
     * {@code <estate>/runs/local-<executors>/}.
     *
     * @throws BenchException when the child cannot start, exits non-zero or prints no committed run;
     *                        the message carries the end of its log and the log's path
     */
    static ScanRun run(Estate estate, int executors, int maxConnections, Consumer<String> progress) throws BenchException {
        return run(estate, executors, maxConnections, true, progress);
    }

    /**
     * @param full {@code --full} on a fresh data map; else an incremental run over the data map the full run of the
     *             same master left, with nothing changed since (the run a nightly schedule makes)
     */
    static ScanRun run(Estate estate, int executors, int maxConnections, boolean full, Consumer<String> progress) throws BenchException {
        Path folder = estate.folder().resolve("runs").resolve("local-" + executors);
        String kind = full ? "" : "incremental-";
        try {
            Path config = full ? estate.writeConfig(folder, maxConnections) : folder.resolve("scan.yaml");
            Path result = folder.resolve(kind + "measured.json");
            Path out = folder.resolve(kind + "run.out");
            Path log = folder.resolve(kind + "run.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> FORWARDED_OPTIONS.stream().anyMatch(a::startsWith)).forEach(command::add);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MeasuredScan.class.getName(), result.toString(),
                    "run", "--config", config.toString(), "--master", "local[" + executors + "]"));
            command.addAll(full ? List.of("--full", "--run-id", "bench-local-" + executors)
                    : List.of("--run-id", "bench-local-" + executors + "-incremental"));
            ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE);
            pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
            String label = estate.size().label() + " local[" + executors + "]" + (full ? "" : " incremental");
            progress.accept(label + ": scanning in a child JVM (log: " + log + ")");

            long start = System.nanoTime();
            Process child = pb.start();
            Deque<String> tail = new ArrayDeque<>();
            Thread logger = new Thread(() -> copyLog(child, log, tail, line -> progress.accept(label + ": " + line)), "piimap-bench-log");
            logger.setDaemon(true);
            logger.start();
            AtomicLong polledRss = new AtomicLong(ProcStatus.UNKNOWN);
            String pid = String.valueOf(child.pid());
            while (!child.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                polledRss.accumulateAndGet(ProcStatus.peakRssBytes(pid), Math::max);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            logger.join(TimeUnit.SECONDS.toMillis(10));
            if (child.exitValue() != 0 || !Files.exists(result)) {
                throw new BenchException(String.format(Locale.ROOT, "the scan of %s exited with status %d; its log is %s, ending:%n%s",
                        label, child.exitValue(), log, String.join(System.lineSeparator(), snapshot(tail))));
            }
            MeasuredScan.Result measured = MeasuredScan.read(result);
            return parse(executors, wall, measured, Math.max(polledRss.get(), measured.peakRssBytes()), Files.readAllLines(out), out);
        } catch (IOException | UncheckedIOException e) {
            throw new BenchException("cannot run the scan of " + estate.size().label() + " on local[" + executors + "] in "
                    + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while scanning " + estate.size().label(), e);
        }
    }

    /** Builds the measurement from the child's own report and its printed summary. */
    static ScanRun parse(int executors, double wall, MeasuredScan.Result measured, long peakRss, List<String> summary, Path out)
            throws BenchException {
        double job = -1;
        long assets = -1;
        Map<String, Long> byStatus = new TreeMap<>();
        long carried = 0;
        for (String line : summary) {
            Matcher m;
            if ((m = CARRIED.matcher(line)).matches()) {
                carried += Long.parseLong(m.group(1).replace(",", ""));
            } else if ((m = COMMITTED.matcher(line)).matches()) {
                job = Double.parseDouble(m.group(1));
            } else if ((m = ASSETS.matcher(line)).matches()) {
                assets = Long.parseLong(m.group(1).replace(",", ""));
            } else if ((m = STATUS.matcher(line)).matches()) {
                byStatus.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
            }
        }
        if (job < 0 || assets < 0) {
            throw new BenchException("the scan's summary in " + out + " has no 'run ... committed to ... in N s' or 'assets scanned' line");
        }
        ScanTaskTimes.SourceTime none = new ScanTaskTimes.SourceTime(0, 0, 0, 0, 0, 0);
        return new ScanRun(executors, wall, job, peakRss, measured.peakHeapBytes(), measured.liveHeapBytes(), measured.cpuSeconds(),
                measured.sources().getOrDefault(Estate.DATABASE_SOURCE, none), measured.sources().getOrDefault(Estate.FILES_SOURCE, none),
                assets, byStatus, carried);
    }

    private static void copyLog(Process child, Path log, Deque<String> tail, Consumer<String> progress) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
             BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                writer.write(line);
                writer.newLine();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > LOG_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (line.startsWith("piimap: ")) {
                    progress.accept(line.substring("piimap: ".length()));
                }
            }
        } catch (IOException e) {
            progress.accept("cannot keep the child's log " + log + ": " + e.getMessage());
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }
}

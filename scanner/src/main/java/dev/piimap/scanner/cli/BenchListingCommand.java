package dev.piimap.scanner.cli;

import dev.piimap.reports.SparkSessions;
import dev.piimap.scanner.bench.ListingBenchmark;
import dev.piimap.scanner.job.ScanJob;
import dev.piimap.scanner.source.SourceException;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/scan bench-listing}: what listing a folder of many files costs the driver, whole or in shards
 * ({@link ListingBenchmark}). A table on standard output, progress on standard error. Exit 0 when every
 * size was measured, 2 for bad flags.
 */
@Command(name = "bench-listing", mixinStandardHelpOptions = true,
        description = {"Generates folders of many small files and lists each twice: whole on the driver, and as a scan does when a "
                + "source has more items than the driver listing limit (" + "in shards planned on the driver, listed by Spark tasks).",
                "Reports the heap the driver holds for each listing, the number of shards, and the times."})
public final class BenchListingCommand implements Callable<Integer> {
    static final long MAX_OBJECTS = 100_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--objects", paramLabel = "N1,N2", split = ",", defaultValue = "100000,1000000",
            description = "Numbers of files, one folder tree each (default: ${DEFAULT-VALUE}).")
    List<Long> objects;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the generated trees; kept, and re-used by later runs with the same sizes.")
    Path out;

    @Option(names = "--driver-limit", paramLabel = "N", defaultValue = "" + ScanJob.DEFAULT_DRIVER_LISTING_LIMIT,
            description = "Items the driver lists itself at most, as in a scan (default: ${DEFAULT-VALUE}).")
    int driverLimit;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master of the shard listing (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws IOException, SourceException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        for (long n : objects) {
            if (n < 1 || n > MAX_OBJECTS) {
                throw new UsageException("--objects", String.valueOf(n), "each must be 1-" + MAX_OBJECTS, "pass e.g. --objects 100000,1000000");
            }
        }
        if (driverLimit < 0) {
            throw new UsageException("--driver-limit", String.valueOf(driverLimit), "must be >= 0", "pass e.g. --driver-limit 100000");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkSessions.getOrCreate(master, "piimap bench-listing").sparkContext());
        outWriter.printf("%-10s | %-22s | %-32s | %-24s%n", "objects", "whole listing (driver)", "shard plan (driver)", "shards listed (tasks)");
        outWriter.printf("%-10s | %10s %11s | %10s %8s %12s | %10s %13s%n", "", "heap", "time", "heap", "shards", "time", "time", "items");
        for (long n : objects) {
            Path dir = Files.createDirectories(out.resolve(n + "-objects"));
            ListingBenchmark.generate(dir, n, m -> err.println("piimap: bench-listing: " + m));
            err.println("piimap: bench-listing: listing " + n + " files");
            err.flush();
            ListingBenchmark.Result r = ListingBenchmark.run(dir, n, driverLimit, sc);
            outWriter.printf("%,10d | %7.1f MB %9.2f s | %7.1f MB %8d %10.2f s | %8.2f s %,13d%n", r.objects(), r.wholeHeapBytes() / 1048576.0,
                    r.wholeSeconds(), r.planHeapBytes() / 1048576.0, r.shards(), r.planSeconds(), r.executorSeconds(), r.listedByExecutors());
            outWriter.flush();
        }
        return Main.EXIT_OK;
    }
}

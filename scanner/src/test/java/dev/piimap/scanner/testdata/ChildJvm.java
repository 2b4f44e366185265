package dev.piimap.scanner.testdata;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/scan} in a JVM of its own, from this test JVM's classpath and with the JVM flags Spark needs
 * (as the build gave them to this JVM). For tests that need their own Spark master, a heap cap, a
 * system property, or a process they can kill, since a test JVM holds exactly one SparkSession.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Starts {@code Main} with {@code args} in {@code workDir}; standard error is merged into standard output.
     *
     * @param jvmOptions extra JVM options such as {@code -Xmx768m} or {@code -Dkey=value}
     */
    public static Process scan(Path workDir, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A child scan lives for seconds over test-sized data: compiling with C1 alone starts it faster than
        // waiting for C2, which pays off only in long runs (the bench commands measure with the default JIT).
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-XX:+IgnoreUnrecognized"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.piimap.scanner.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}

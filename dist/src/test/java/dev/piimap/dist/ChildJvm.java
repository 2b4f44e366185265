package dev.piimap.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Java program started in its own JVM, the way a launcher script would start it: the {@code java} of the
 * JVM running the tests, an explicit classpath, the JVM flags Spark needs on Java 17, and an environment
 * with {@code SPARK_LOCAL_IP=127.0.0.1}. Standard output goes to one file and standard error to another,
 * so the test can read a command's result apart from its logs.
 *
 * <p>The caller owns a started process: {@link Running#close()} ends it and every process it started
 * (Spark's Workers start executor JVMs of their own).
 */
final class ChildJvm {
    private final List<String> classpath = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final String mainClass;
    private final List<String> args = new ArrayList<>();

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        jvmOptions.addAll(Arrays.asList(BuildPaths.sparkJvmFlags().trim().split("\\s+")));
    }

    static ChildJvm of(String mainClass) {
        return new ChildJvm(mainClass);
    }

    /** Entries are joined with the path separator; an entry may be a {@code dir/*} wildcard. */
    ChildJvm classpath(List<String> entries) {
        classpath.addAll(entries);
        return this;
    }

    ChildJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    ChildJvm args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Starts the program; its standard output goes to {@code logBase.out}, standard error to {@code logBase.err}. */
    Running start(Path logBase) throws IOException {
        Files.createDirectories(logBase.getParent());
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectOutput(logBase.resolveSibling(logBase.getFileName() + ".out").toFile())
                .redirectError(logBase.resolveSibling(logBase.getFileName() + ".err").toFile());
        builder.environment().putAll(environment);
        return new Running(builder.start(), logBase);
    }

    /**
     * Runs the program to its end.
     *
     * @throws IllegalStateException when it is still running after {@code timeout} (it is ended first)
     */
    Finished run(Path logBase, Duration timeout) throws IOException, InterruptedException {
        try (Running running = start(logBase)) {
            if (!running.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(mainClass + " " + args + " still running after " + timeout
                        + "; its log: " + running.stderrFile());
            }
            return new Finished(running.process.exitValue(), Files.readString(running.stdoutFile(), StandardCharsets.UTF_8),
                    Files.readString(running.stderrFile(), StandardCharsets.UTF_8));
        }
    }

    /** A finished program: its exit status and what it printed. */
    record Finished(int status, String out, String err) {
        /** The last lines of standard error, for assertion messages. */
        String errTail() {
            String[] lines = err.split("\n");
            return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 60), lines.length));
        }
    }

    /** A started program. Closing it ends its descendants first, then the program itself, and waits for both. */
    static final class Running implements AutoCloseable {
        private static final Duration GRACE = Duration.ofSeconds(10);
        final Process process;
        private final Path logBase;

        private Running(Process process, Path logBase) {
            this.process = process;
            this.logBase = logBase;
        }

        Path stdoutFile() {
            return logBase.resolveSibling(logBase.getFileName() + ".out");
        }

        Path stderrFile() {
            return logBase.resolveSibling(logBase.getFileName() + ".err");
        }

        /** Asks the whole tree to stop (SIGTERM), and kills what is still running after 10 s, or at once if interrupted. */
        @Override
        public void close() {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + GRACE.toNanos();
            for (ProcessHandle handle : tree) {
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    handle.destroyForcibly();
                } catch (InterruptedException e) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

package dev.piimap.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1: one Master and some Workers, each in its own JVM started from
 * Spark's jars alone, as {@code sbin/start-master.sh} and {@code sbin/start-worker.sh} would start them
 * from a distribution.
 *
 * <p>There is no Spark distribution here, so {@link #sparkHome(Path, List)} lays one out: a directory whose
 * {@code jars/} links every jar of Spark's classpath. A Worker builds each executor's command from
 * {@code SPARK_HOME/jars}, so executors see Spark and nothing of the application: the application reaches
 * them the way it reaches a real cluster's executors ({@code spark.jars} from spark-submit, or a classpath
 * the workers share). Logs and the Workers' application directories go under the given directory.
 *
 * <p>Closing the cluster ends the Workers (and the executors they started), then the Master.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    /** Enough for one executor of Spark's default 1 GiB. */
    static final String WORKER_MEMORY = "1g";

    private final List<ChildJvm.Running> processes = new ArrayList<>();
    private final String masterUrl;

    private StandaloneCluster(String masterUrl) {
        this.masterUrl = masterUrl;
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return masterUrl;
    }

    /**
     * Starts a Master and {@code workers} Workers of one core each, and returns once the Master lists them
     * all as alive.
     *
     * @param sparkHome a directory made by {@link #sparkHome(Path, List)}
     * @param dir       where logs and the Workers' directories go
     * @throws IllegalStateException when the Workers have not registered within 90 s (the cluster is ended)
     */
    static StandaloneCluster start(Path sparkHome, int workers, Path dir) throws IOException, InterruptedException {
        int masterPort = freePort();
        int masterUiPort = freePort();
        StandaloneCluster cluster = new StandaloneCluster("spark://127.0.0.1:" + masterPort);
        try {
            cluster.processes.add(daemon(sparkHome, "org.apache.spark.deploy.master.Master")
                    .args("--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                            "--webui-port", String.valueOf(masterUiPort))
                    .start(dir.resolve("logs/master")));
            for (int i = 1; i <= workers; i++) {
                Path workerDir = Files.createDirectories(dir.resolve("worker-" + i));
                cluster.processes.add(daemon(sparkHome, "org.apache.spark.deploy.worker.Worker")
                        .args("--host", "127.0.0.1", "--cores", "1", "--memory", WORKER_MEMORY,
                                "--webui-port", String.valueOf(freePort()), "--work-dir", workerDir.toString(),
                                cluster.masterUrl)
                        .start(dir.resolve("logs/worker-" + i)));
            }
            cluster.awaitWorkers(masterUiPort, workers, dir);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Lays out a Spark home without a distribution: {@code sparkHome/jars} links each of {@code sparkJars}. */
    static void sparkHome(Path sparkHome, List<Path> sparkJars) throws IOException {
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (Path jar : sparkJars) {
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
    }

    /** A program of Spark's started from the Spark home's jars, with the environment a Spark daemon has. */
    static ChildJvm daemon(Path sparkHome, String mainClass) {
        return ChildJvm.of(mainClass)
                .classpath(List.of(sparkHome.resolve("jars").resolve("*").toString()))
                .env("SPARK_HOME", sparkHome.toString())
                .env("SPARK_SCALA_VERSION", "2.13")
                .jvmOption("-Xmx512m");
    }

    private void awaitWorkers(int masterUiPort, int expected, Path dir) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest state = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ChildJvm.Running p : processes) {
                if (!p.process.isAlive()) {
                    throw new IllegalStateException("a Spark daemon exited with status " + p.process.exitValue()
                            + " while the cluster started; its log: " + p.stderrFile());
                }
            }
            try {
                Matcher alive = ALIVE_WORKERS.matcher(http.send(state, HttpResponse.BodyHandlers.ofString()).body());
                if (alive.find() && Integer.parseInt(alive.group(1)) >= expected) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the Master's web UI is not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(expected + " Workers did not register with the Master within " + START_TIMEOUT
                + "; logs in " + dir.resolve("logs"));
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Workers first (each ends its executors), then the Master.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
    }
}

package dev.piimap.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan on a real Spark standalone cluster (a Master and two one-core Workers on 127.0.0.1, each its own
 * JVM started from Spark's jars alone) writes the same data map as the same scan on {@code local[2]}:
 * the same assets with the same statuses, details, sizes and links, and the same findings rows (type,
 * category, count, confidence, masked sample); only the run ids differ. The estate is a folder of real
 * documents and a PostgreSQL database, both read on the executors.
 *
 * <p>Two ways of driving the cluster, each a driver in its own JVM:
 * <ul>
 *   <li>{@code bin/scan run --config scan.yaml --master spark://...}: the CLI from the scanner module's
 *   classpath with bin/scan's JVM flags; executors get that classpath from the driver.</li>
 *   <li>{@code spark-submit --master spark://... --class dev.piimap.scanner.cli.Main piimap-app.jar run ...}:
 *   Spark's own SparkSubmit from Spark's jars alone and the shaded jar, which executors fetch from the
 *   driver. This proves the jar holds everything a Spark distribution lacks.</li>
 * </ul>
 * The three scans run once, before the tests; each test judges one of them. The test JVM starts no Spark
 * of its own: the data maps are read back by {@code bin/scan export} in one child JVM. Files and logs stay
 * in {@code dist/target/cluster-test} for a post-mortem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterTest {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Spark's defaults (200 shuffle partitions, 50 for Delta's snapshot) are for big clusters: on two one-core
     * executors they cost minutes of tiny tasks. These are the values SparkSessions uses on a local master.
     */
    private static final List<String> SMALL_CLUSTER_CONF = List.of(
            "spark.sql.shuffle.partitions=4", "spark.databricks.delta.snapshotPartitions=2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Path sparkHome;
    private EmbeddedPostgres postgres;
    private StandaloneCluster cluster;
    private String jdbcUrl;
    private final Map<String, Scan> scans = new LinkedHashMap<>();

    /** One scan: how its driver ended, the executor directories it made, its data map read back (null if none). */
    private record Scan(ChildJvm.Finished driver, String failure, Set<Path> executors, DataMap dataMap) {
    }

    @BeforeAll
    void scanTheEstateThreeWays() throws Exception {
        dir = BuildPaths.workDir();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        ClusterEstate.seedFiles(dir.resolve("share"));
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true).start();
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
        ClusterEstate.seedDatabase(jdbcUrl);
        sparkHome = dir.resolve("spark-home");
        StandaloneCluster.sparkHome(sparkHome, BuildPaths.sparkJars());
        cluster = StandaloneCluster.start(sparkHome, 2, dir);

        scan("local", binScan("run", "--config", config("local").toString(), "--run-id", "local", "--master", "local[2]"));

        ChildJvm cli = binScan("run", "--config", config("cluster").toString(), "--run-id", "cluster",
                "--master", cluster.masterUrl());
        SMALL_CLUSTER_CONF.forEach(conf -> cli.jvmOption("-D" + conf));
        scan("cluster", cli);

        // What bin/spark-submit runs: SparkSubmit from Spark's jars, with the JVM flags its launcher adds.
        ChildJvm submit = StandaloneCluster.daemon(sparkHome, "org.apache.spark.deploy.SparkSubmit")
                .jvmOption("-Xmx1g")
                .args("--master", cluster.masterUrl(), "--deploy-mode", "client");
        SMALL_CLUSTER_CONF.forEach(conf -> submit.args("--conf", conf));
        scan("submit", submit.args("--class", "dev.piimap.scanner.cli.Main", BuildPaths.appJar().toString(),
                "run", "--config", config("submit").toString(), "--run-id", "submit"));

        readBackDataMaps();
    }

    @AfterAll
    void stopClusterAndDatabase() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void localRunFindsWhatTheEstateHolds() {
        DataMap local = committed("local");
        assertThat(local.findings()).extracting(f -> f.get("source").asText() + " " + f.get("asset").asText() + " "
                        + f.get("type").asText())
                .contains("crm-db crm.customers.email EMAIL_ADDRESS", "crm-db crm.customers.iban IBAN",
                        "share invoice.pdf IBAN", "share letter.docx US_SSN", "share complaint.eml!/repro.txt IP_ADDRESS",
                        "share bundle.zip!/debug.log EMAIL_ADDRESS", "share contacts/contacts-0.txt EMAIL_ADDRESS");
        assertThat(local.assets()).extracting(a -> a.get("asset").asText() + " " + a.get("status").asText())
                .contains("corrupt.pdf error", "empty.txt skipped", "clean.txt ok", "crm.plans.price ok");
        assertThat(scans.get("local").executors()).as("a local run starts no executor on the cluster").isEmpty();
    }

    @Test
    void binScanRunWithASparkMasterWritesTheSameDataMapAsLocal() {
        assertRanOnBothWorkers("cluster");
        assertSameDataMapAsLocal("cluster");
    }

    @Test
    void sparkSubmitOfTheAppJarWritesTheSameDataMapAsLocal() {
        assertRanOnBothWorkers("submit");
        assertSameDataMapAsLocal("submit");
    }

    private void scan(String name, ChildJvm driver) throws IOException, InterruptedException {
        Set<Path> before = executorDirs();
        ChildJvm.Finished finished = null;
        String failure = null;
        try {
            finished = driver.run(dir.resolve("logs/run-" + name), RUN_TIMEOUT);
            if (finished.status() != 0 || !finished.out().contains("run " + name + " committed")) {
                failure = "exit status " + finished.status() + "\n" + finished.errTail();
            }
        } catch (IllegalStateException timedOut) {
            failure = timedOut.getMessage();
        }
        Set<Path> started = new TreeSet<>(executorDirs());
        started.removeAll(before);
        scans.put(name, new Scan(finished, failure, started, null));
    }

    /** Exports the assets and findings of every committed scan in one child JVM. */
    private void readBackDataMaps() throws IOException, InterruptedException, URISyntaxException {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, Scan> scan : scans.entrySet()) {
            if (scan.getValue().failure() == null) {
                for (String what : List.of("assets", "findings")) {
                    args.addAll(List.of(datamap(scan.getKey()).toString(), what, exportFile(scan.getKey(), what).toString()));
                }
            }
        }
        if (args.isEmpty()) {
            return;
        }
        List<String> classpath = new ArrayList<>(BuildPaths.scannerClasspath());
        classpath.add(Path.of(ExportAll.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        ChildJvm.Finished export = ChildJvm.of(ExportAll.class.getName()).classpath(classpath).args(args.toArray(String[]::new))
                .run(dir.resolve("logs/export"), EXPORT_TIMEOUT);
        assertThat(export.status()).as(export.errTail()).isZero();
        for (Map.Entry<String, Scan> scan : scans.entrySet()) {
            Scan s = scan.getValue();
            if (s.failure() == null) {
                scan.setValue(new Scan(s.driver(), null, s.executors(),
                        new DataMap(rows(exportFile(scan.getKey(), "assets")), rows(exportFile(scan.getKey(), "findings")))));
            }
        }
    }

    private DataMap committed(String name) {
        Scan scan = scans.get(name);
        assertThat(scan.failure()).as("the " + name + " scan did not commit; its log: " + dir.resolve("logs/run-" + name + ".err"))
                .isNull();
        return scan.dataMap();
    }

    private void assertSameDataMapAsLocal(String name) {
        DataMap local = committed("local");
        DataMap other = committed(name);
        assertThat(other.assets()).as("assets rows without run_id").containsExactlyElementsOf(local.assets());
        assertThat(other.findings()).as("findings rows without run_id").containsExactlyElementsOf(local.findings());
    }

    /** Each Worker started an executor for the run: a new {@code app-ID/EXECUTOR} directory in its work directory. */
    private void assertRanOnBothWorkers(String name) {
        committed(name);
        assertThat(scans.get(name).executors()).extracting(p -> p.getParent().getParent().getFileName().toString())
                .as("workers that ran an executor of the " + name + " scan").containsExactlyInAnyOrder("worker-1", "worker-2");
    }

    private Set<Path> executorDirs() throws IOException {
        Set<Path> dirs = new TreeSet<>();
        for (String worker : List.of("worker-1", "worker-2")) {
            try (Stream<Path> apps = Files.list(dir.resolve(worker))) {
                for (Path app : apps.toList()) {
                    try (Stream<Path> executors = Files.list(app)) {
                        executors.filter(Files::isDirectory).forEach(dirs::add);
                    }
                }
            }
        }
        return dirs;
    }

    private Path config(String name) throws IOException {
        return ClusterEstate.writeConfig(dir, "scan-" + name + ".yaml", "./datamap-" + name, jdbcUrl);
    }

    private Path datamap(String name) {
        return dir.resolve("datamap-" + name);
    }

    private Path exportFile(String name, String what) {
        return dir.resolve("export-" + name + "-" + what + ".jsonl");
    }

    /** The CLI in a child JVM as {@code bin/scan} starts it: its flags, the scanner module's classpath. */
    private static ChildJvm binScan(String... args) throws IOException {
        return ChildJvm.of("dev.piimap.scanner.cli.Main").classpath(BuildPaths.scannerClasspath()).args(args);
    }

    /** Export lines, each without its run id, in a fixed order. */
    private static List<JsonNode> rows(Path export) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(export, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ObjectNode row = (ObjectNode) JSON.readTree(line);
                assertThat(row.remove("run_id")).as("run_id of " + line).isNotNull();
                rows.add(row);
            }
        }
        assertThat(rows).as(export.toString()).isNotEmpty();
        rows.sort(Comparator.comparing(JsonNode::toString));
        return rows;
    }

    /** A data map's latest run as {@code bin/scan export} prints it. */
    private record DataMap(List<JsonNode> assets, List<JsonNode> findings) {
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.piimap.scanner.source.objectstore;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.scanner.cli.Main;
import dev.piimap.scanner.config.FilesSourceConfig.S3Options;
import dev.piimap.scanner.s3a.DataMapStorage;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data map on {@code s3a://}: {@code bin/scan run} commits a scan into a bucket of s3proxy through
 * Hadoop's S3A and Delta, the data map reads back from there, and the Hadoop configuration holds only
 * credential references, never the keys.
 */
class S3DataMapTest {
    @TempDir
    Path tmp;

    @Test
    void aScanCommitsToADataMapInABucketAndReadsBack() throws Exception {
        try (S3TestServer server = S3TestServer.start(tmp.resolve("s3"))) {
            server.createBucket("datamaps");
            Path share = Files.createDirectories(tmp.resolve("share"));
            Files.writeString(share.resolve("note.txt"), "Escalation from marta.kowalski@example.org, call back today.\n");
            Path config = tmp.resolve("scan.yaml");
            Files.writeString(config, """
                    datamap: s3a://datamaps/piimap/dm
                    datamap-s3: {endpoint: "%s", path-style: true, access-key: "${file:%s}", secret-key: "${file:%s}"}
                    spark: {master: "local[2]"}
                    sources:
                      - name: share
                        type: files
                        root: ./share
                    """.formatted(server.endpoint(), server.accessKeyFile(), server.secretKeyFile()));

            assertThat(Main.execute("run", "--config", config.toString(), "--run-id", "s3-dm-1")).isZero();

            SparkSession spark = SparkSessions.getOrCreate("local[2]", "test");
            DataMapReader reader = DataMapReader.open(spark, "s3a://datamaps/piimap/dm");
            assertThat(reader.requireLatestCommittedRun().runId()).isEqualTo("s3-dm-1");
            List<Row> findings = reader.findings("s3-dm-1").collectAsList();
            assertThat(findings).extracting(r -> r.<String>getAs("asset") + " " + r.<String>getAs("type"))
                    .contains("note.txt EMAIL_ADDRESS");
            assertThat(server.admin().listObjectsV2(b -> b.bucket("datamaps").prefix("piimap/dm/runs/_delta_log/"))
                    .contents()).isNotEmpty();
            var conf = spark.sparkContext().hadoopConfiguration();
            assertThat(StreamSupport.stream(Spliterators.spliteratorUnknownSize(conf.iterator(), Spliterator.ORDERED), false)
                    .map(Map.Entry::getValue)).noneMatch(v -> v.contains(S3TestServer.SECRET_KEY))
                    .anyMatch(v -> v.equals("${file:" + server.secretKeyFile() + "}"));
        }
    }

    @Test
    void readCommandsTakeTheBucketSettingsFromTheStandardAwsEnvironment() {
        S3Options options = DataMapStorage.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9000",
                "PIIMAP_S3_PATH_STYLE", "true", "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s"));

        assertThat(options.endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(options.pathStyle()).isTrue();
        assertThat(options.accessKey()).hasToString("${env:AWS_ACCESS_KEY_ID}");
        assertThat(options.secretKey()).hasToString("${env:AWS_SECRET_ACCESS_KEY}");
        assertThat(DataMapStorage.fromEnvironment(Map.of("HOME", "/root"))).isNull();
    }
}

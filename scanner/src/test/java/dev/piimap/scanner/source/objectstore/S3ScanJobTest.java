package dev.piimap.scanner.source.objectstore;

import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.job.RunSummary;
import dev.piimap.scanner.job.ScanJob;
import dev.piimap.scanner.testdata.SampleDocuments;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.piimap.scanner.source.objectstore.ObjectStoreFilesTest.bytes;
import static dev.piimap.scanner.source.objectstore.ObjectStoreFilesTest.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A scan.yaml with {@code s3a} files sources run through the Spark job (local[2], the data map on local
 * disk) against s3proxy: exact findings in the data map, one error asset for the unreachable bucket,
 * and the credentials nowhere in Spark's or Hadoop's configuration or in the data map.
 */
class S3ScanJobTest {
    @TempDir
    Path tmp;

    @Test
    void scansAnS3aFilesSourceIntoTheDataMap() throws Exception {
        try (S3TestServer server = S3TestServer.start(tmp.resolve("s3"))) {
            server.createBucket("lake");
            server.put("lake", "estate/notes.txt", bytes("Contact alice@example.com, phone +1 212-555-0187"));
            server.put("lake", "estate/clean.txt", bytes("Nothing personal in here."));
            Path pdf = tmp.resolve("letter.pdf");
            SampleDocuments.pdf(pdf, List.of("Dear customer,", "write to carol@example.net"));
            server.put("lake", "estate/docs/letter.pdf", pdf);
            Path zip = tmp.resolve("bundle.zip");
            SampleDocuments.zip(zip, Map.of("readme.txt", bytes("Ask ivan@example.com from 10.1.2.3")));
            server.put("lake", "estate/archive/bundle.zip", zip);
            server.put("lake", "estate/logs/app.log.gz", gzip(bytes("login ok for oscar@example.com\n")));
            server.put("lake", "elsewhere/skip.txt", bytes("outside@example.com"));
            Path base = Files.createDirectories(tmp.resolve("project"));
            String s3 = """
                    {endpoint: "%s", path-style: true, access-key: "${file:%s}", secret-key: "${file:%s}"}"""
                    .formatted(server.endpoint(), server.accessKeyFile(), server.secretKeyFile());
            String yaml = """
                    datamap: ./datamap
                    spark: {master: "local[2]"}
                    sources:
                      - name: lake
                        type: files
                        root: s3a://lake/estate/
                        s3: %s
                        include: ["**"]
                      - name: gone
                        type: files
                        root: s3a://no-such-bucket/
                        s3: %s
                    """.formatted(s3, s3);
            ScanConfig config = new ScanConfigLoader().parse(yaml, base);

            RunSummary summary = new ScanJob(System.err).run(config, "s3-run");

            SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
            DataMapReader reader = DataMapReader.open(spark, config.datamap());
            List<Row> findings = reader.findings("s3-run").collectAsList();
            List<Row> assets = reader.assets("s3-run").collectAsList();
            assertThat(findings).extracting(r -> r.getAs("source"), r -> r.getAs("asset"), r -> r.getAs("type"))
                    .containsExactlyInAnyOrder(
                            tuple("lake", "notes.txt", "EMAIL_ADDRESS"),
                            tuple("lake", "notes.txt", "PHONE_NUMBER"),
                            tuple("lake", "docs/letter.pdf", "EMAIL_ADDRESS"),
                            tuple("lake", "archive/bundle.zip!/readme.txt", "EMAIL_ADDRESS"),
                            tuple("lake", "archive/bundle.zip!/readme.txt", "IP_ADDRESS"),
                            tuple("lake", "logs/app.log.gz", "EMAIL_ADDRESS"));
            assertThat(assets).extracting(r -> r.getAs("source"), r -> r.getAs("asset"), r -> r.getAs("status"))
                    .containsExactlyInAnyOrder(
                            tuple("lake", "notes.txt", "ok"), tuple("lake", "clean.txt", "ok"),
                            tuple("lake", "docs/letter.pdf", "ok"), tuple("lake", "archive/bundle.zip", "ok"),
                            tuple("lake", "archive/bundle.zip!/readme.txt", "ok"), tuple("lake", "logs/app.log.gz", "ok"),
                            tuple("gone", "gone", "error"));
            Row gone = assets.stream().filter(r -> r.getAs("source").equals("gone")).findFirst().orElseThrow();
            assertThat((String) gone.getAs("detail")).contains("bucket 'no-such-bucket'", "S3 404 NoSuchBucket");
            Row notes = assets.stream().filter(r -> r.getAs("asset").equals("notes.txt")).findFirst().orElseThrow();
            assertThat((Long) notes.getAs("bytes")).isEqualTo(48L);
            assertThat(summary.itemsListed()).isEqualTo(6); // five objects and the unlisted source

            assertThat(configurationText(spark)).doesNotContain(S3TestServer.SECRET_KEY, S3TestServer.ACCESS_KEY);
            try (Stream<Path> files = Files.walk(Path.of(config.datamap()))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(file.toString()).doesNotContain(S3TestServer.SECRET_KEY);
                }
            }
        }
    }

    private static String configurationText(SparkSession spark) {
        List<String> entries = new ArrayList<>();
        for (scala.Tuple2<String, String> e : spark.sparkContext().getConf().getAll()) {
            entries.add(e._1() + "=" + e._2());
        }
        spark.sparkContext().hadoopConfiguration().forEach(e -> entries.add(e.getKey() + "=" + e.getValue()));
        spark.conf().getAll().foreach(e -> entries.add(e._1() + "=" + e._2()));
        return String.join("\n", entries);
    }
}

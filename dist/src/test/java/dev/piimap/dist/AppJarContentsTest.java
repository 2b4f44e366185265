package dev.piimap.dist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What spark-submit needs from {@code piimap-app.jar}: the CLI as its main class, the service files of
 * Tika, Delta, the JDBC drivers and our validators merged rather than overwritten, no signature files
 * left from signed jars, and no class that Spark's own classpath already has (Spark loads its copy first,
 * so a second copy in the jar is dead weight at best and a version clash at worst).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppJarContentsTest {
    private JarFile jar;
    private Set<String> entries;

    @BeforeAll
    void openJar() throws IOException {
        jar = new JarFile(BuildPaths.appJar().toFile());
        entries = new HashSet<>();
        jar.stream().map(ZipEntry::getName).forEach(entries::add);
    }

    @AfterAll
    void closeJar() throws IOException {
        jar.close();
    }

    @Test
    void manifestNamesTheCliAndKeepsMultiReleaseClasses() throws IOException {
        Attributes main = jar.getManifest().getMainAttributes();
        assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("dev.piimap.scanner.cli.Main");
        assertThat(main.getValue(Attributes.Name.MULTI_RELEASE)).isEqualTo("true");
    }

    @Test
    void holdsTheApplicationAndWhatSparkDoesNotShip() {
        assertThat(entries).contains(
                "dev/piimap/scanner/cli/Main.class",
                "dev/piimap/classifiers/detect/Detector.class",
                "dev/piimap/reports/SparkSessions.class",
                "io/delta/tables/DeltaTable.class",
                "org/apache/tika/parser/AutoDetectParser.class",
                "org/apache/pdfbox/pdmodel/PDDocument.class",
                "opennlp/tools/tokenize/TokenizerME.class",
                "picocli/CommandLine.class",
                "org/postgresql/Driver.class",
                "org/apache/hadoop/fs/s3a/S3AFileSystem.class",
                "software/amazon/awssdk/services/s3/S3Client.class",
                "log4j2.properties");
    }

    @Test
    void leavesOutSparkScalaHadoopClientAndTheDemoDatabaseBinaries() {
        // Delta adds classes to some of Spark's packages; Spark's own classes must not be here.
        assertThat(entries).doesNotContain("org/apache/spark/SparkContext.class", "org/apache/spark/sql/SparkSession.class")
                .noneMatch(e -> e.startsWith("scala/"))
                .noneMatch(e -> e.startsWith("org/apache/hadoop/fs/FileSystem"))
                .noneMatch(e -> e.startsWith("com/fasterxml/jackson/databind/"))
                .noneMatch(e -> e.endsWith(".txz"));
    }

    @Test
    void mergesServiceFilesOfEveryJar() throws IOException {
        assertThat(service("org.apache.tika.parser.Parser")).contains(
                "org.apache.tika.parser.pdf.PDFParser",
                "org.apache.tika.parser.microsoft.ooxml.OOXMLParser",
                "org.apache.tika.parser.mail.RFC822Parser",
                "org.apache.tika.parser.pkg.PackageParser");
        assertThat(service("org.apache.spark.sql.sources.DataSourceRegister"))
                .contains("org.apache.spark.sql.delta.sources.DeltaDataSource");
        assertThat(service("java.sql.Driver")).contains("org.postgresql.Driver", "org.mariadb.jdbc.Driver");
        assertThat(service("dev.piimap.classifiers.validators.Validator"))
                .contains("dev.piimap.classifiers.validators.LuhnValidator", "dev.piimap.classifiers.validators.IbanMod97Validator");
    }

    @Test
    void hasNoSignatureFiles() {
        assertThat(entries).noneMatch(e -> e.startsWith("META-INF/") && e.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
    }

    @Test
    void hasNoClassThatSparksClasspathAlreadyHas() throws IOException {
        Set<String> ours = new TreeSet<>();
        for (String e : entries) {
            if (e.endsWith(".class") && !e.startsWith("META-INF/")) {
                ours.add(e);
            }
        }
        Set<String> twice = new TreeSet<>();
        for (Path sparkJar : BuildPaths.sparkJars()) {
            try (ZipFile spark = new ZipFile(sparkJar.toFile())) {
                spark.stream().map(ZipEntry::getName).filter(ours::contains).forEach(e -> twice.add(sparkJar.getFileName() + ": " + e));
            }
        }
        assertThat(twice).as("classes in both the app jar and Spark's classpath; exclude their library from the "
                + "scanner dependency in dist/pom.xml (or relocate it if the versions differ)").isEmpty();
    }

    private List<String> service(String name) throws IOException {
        ZipEntry entry = jar.getEntry("META-INF/services/" + name);
        assertThat(entry).as("META-INF/services/" + name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}

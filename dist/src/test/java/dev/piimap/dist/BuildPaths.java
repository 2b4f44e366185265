package dev.piimap.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build made for these tests, as the surefire execution of this module names it in system
 * properties: the shaded jar, Spark's classpath without the application, and the scanner module's
 * classpath that {@code bin/scan} runs from. Each accessor fails with the property and the fix when the
 * tests are started some other way.
 */
final class BuildPaths {
    private BuildPaths() {
    }

    /** {@code dist/target/piimap-app-VERSION.jar}. */
    static Path appJar() {
        return existingFile("piimap.appJar");
    }

    /** The jars of Spark 4.2 and what it brings: a Spark distribution's {@code jars/} for this build. */
    static List<Path> sparkJars() throws IOException {
        return jarsIn(existingFile("piimap.sparkClasspath"));
    }

    /** What {@code bin/scan} puts on its classpath: the scanner jar, then {@code scanner/target/runtime-classpath.txt}. */
    static List<String> scannerClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(existingFile("piimap.scannerJar").toString());
        jarsIn(existingFile("piimap.scannerClasspath")).forEach(p -> entries.add(p.toString()));
        return entries;
    }

    /** The JVM flags of the root POM's {@code spark.jvm.flags}, the list {@code bin/scan} uses too. */
    static String sparkJvmFlags() {
        return property("piimap.sparkJvmFlags");
    }

    /** A directory under {@code dist/target} for this module's test files and logs. */
    static Path workDir() {
        return Path.of(property("piimap.workDir"));
    }

    private static List<Path> jarsIn(Path classpathFile) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(classpathFile, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    private static Path existingFile(String name) {
        Path path = Path.of(property(name));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("system property " + name + " names " + path
                    + ", which does not exist; fix: run ./mvnw -pl dist -am verify (it builds it before these tests)");
        }
        return path;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; fix: run these tests through"
                    + " Maven (./mvnw -pl dist -am verify), whose surefire execution sets it");
        }
        return value;
    }
}

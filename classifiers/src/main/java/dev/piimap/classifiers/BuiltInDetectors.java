package dev.piimap.classifiers;

import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.DetectorSpec;
import dev.piimap.classifiers.detect.DetectorSpecs;
import dev.piimap.classifiers.nlp.PersonDetector;
import dev.piimap.classifiers.nlp.StreetAddressDetector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The detectors shipped with the library, in id order: every {@code detectors/*.yaml} resource (case
 * files, {@code *.cases.yaml}, excepted) on this library's class path, compiled; plus the few detectors
 * written in Java because no spec can express them ({@link #JAVA_DETECTORS}: the NLP ones). Adding a
 * declarative detector is adding a spec file; adding a Java detector is one line in that list.
 */
final class BuiltInDetectors {
    static final String FOLDER = "detectors";

    /**
     * The Java detectors, each built once per {@link #load}. Their constructors must be cheap (models
     * load on first use) and throw {@link IllegalStateException} when a required resource is missing.
     */
    static final List<Supplier<Detector>> JAVA_DETECTORS = List.of(PersonDetector::new, StreetAddressDetector::new);

    private BuiltInDetectors() {
    }

    /**
     * @throws IllegalStateException when a shipped spec is invalid or a Java detector lacks a resource (a
     *     build defect, named with its file), or two detectors share an id
     */
    static List<Detector> load() {
        ClassLoader loader = BuiltInDetectors.class.getClassLoader();
        List<DetectorSpec> specs = new ArrayList<>();
        Map<String, String> sourceById = new HashMap<>();
        for (String resource : specResources(loader)) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                DetectorSpec spec = DetectorSpecs.read(in, resource);
                String earlier = sourceById.putIfAbsent(spec.id(), resource);
                if (earlier != null) {
                    throw new IllegalStateException("detector id '" + spec.id() + "' is used by both " + earlier
                            + " and " + resource + ": give each spec its own id");
                }
                specs.add(spec);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read built-in detector spec " + resource, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("built-in " + e.getMessage(), e);
            }
        }
        List<Detector> detectors = new ArrayList<>();
        specs.forEach(spec -> detectors.add(DetectorSpecs.compile(spec)));
        for (Supplier<Detector> java : JAVA_DETECTORS) {
            Detector d = java.get();
            String earlier = sourceById.putIfAbsent(d.id(), d.getClass().getName());
            if (earlier != null) {
                throw new IllegalStateException("detector id '" + d.id() + "' is used by both " + earlier + " and "
                        + d.getClass().getName() + ": give each detector its own id");
            }
            detectors.add(d);
        }
        detectors.sort(Comparator.comparing(Detector::id));
        return List.copyOf(detectors);
    }

    /** Resource names such as {@code detectors/email.yaml}, from every class-path folder or jar, sorted. */
    static List<String> specResources(ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(FOLDER);
            while (roots.hasMoreElements()) {
                collect(roots.nextElement(), names);
            }
            URL self = BuiltInDetectors.class.getResource(BuiltInDetectors.class.getSimpleName() + ".class");
            if (self != null && "jar".equals(self.getProtocol())) {
                collect(self, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the built-in detector specs under " + FOLDER + "/", e);
        }
        return List.copyOf(names);
    }

    private static void collect(URL url, TreeSet<String> names) throws IOException {
        switch (url.getProtocol()) {
            case "file" -> {
                Path folder;
                try {
                    folder = Path.of(url.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException("unreadable class-path folder " + url, e);
                }
                if (!Files.isDirectory(folder)) {
                    return;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    files.map(p -> p.getFileName().toString()).filter(BuiltInDetectors::isSpec)
                            .forEach(n -> names.add(FOLDER + "/" + n));
                }
            }
            case "jar" -> {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                if (!(connection instanceof JarURLConnection jar)) {
                    return;
                }
                try (JarFile file = jar.getJarFile()) {
                    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(FOLDER + "/") && name.indexOf('/', FOLDER.length() + 1) < 0
                                && isSpec(name.substring(FOLDER.length() + 1))) {
                            names.add(name);
                        }
                    }
                }
            }
            default -> {
                // Other URL schemes (e.g. a custom class loader) are not listable; their specs are not built in.
            }
        }
    }

    private static boolean isSpec(String fileName) {
        return fileName.endsWith(".yaml") && !fileName.endsWith(".cases.yaml");
    }
}

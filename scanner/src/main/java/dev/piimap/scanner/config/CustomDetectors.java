package dev.piimap.scanner.config;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.DetectorSpec;
import dev.piimap.classifiers.detect.DetectorSpecs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * User detector specs from the folder named by {@code detectors:} in scan.yaml (or {@code --detectors}
 * of {@code detect}): every {@code *.yaml} file in it, in name order, in the same format as the built-in
 * specs. The spec texts travel with the job (not the path), so executors on other machines need no
 * copy of the folder. The resulting classifier is the built-in one plus these detectors, built once
 * per JVM for a given set of specs.
 */
public record CustomDetectors(List<Spec> specs) implements Serializable {
    private static final Map<List<Spec>, Classifier> CLASSIFIERS = new ConcurrentHashMap<>();

    /** One spec file: its name (for messages) and its YAML text. */
    public record Spec(String file, String yaml) implements Serializable {
    }

    public CustomDetectors {
        specs = List.copyOf(specs);
    }

    public static CustomDetectors none() {
        return new CustomDetectors(List.of());
    }

    /**
     * Reads and validates every {@code *.yaml} file of {@code folder}.
     *
     * @param key the config key or flag named in errors
     * @throws ConfigException naming the file and what is wrong with it
     */
    public static CustomDetectors load(Path folder, String key) {
        if (!Files.isDirectory(folder)) {
            throw ConfigException.invalid(key, folder, "is not a folder", "name a folder holding detector specs (*.yaml)");
        }
        List<Spec> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList()) {
                specs.add(new Spec(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw ConfigException.invalid(key, folder, "cannot be read (" + e.getClass().getSimpleName() + ")", "check the folder's permissions");
        }
        CustomDetectors custom = new CustomDetectors(specs);
        try {
            custom.compile();
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(key, folder, e.getMessage().replace('\n', ' '), "correct the spec; see classifiers/README.md for the format");
        }
        return custom;
    }

    /** The built-in classifier plus these detectors; the built-in one when there are none. */
    public Classifier classifier() {
        if (specs.isEmpty()) {
            return Classifier.defaults();
        }
        return CLASSIFIERS.computeIfAbsent(specs, s -> {
            List<Detector> all = new ArrayList<>(Classifier.defaults().detectors());
            all.addAll(compile());
            return Classifier.of(all);
        });
    }

    private List<Detector> compile() {
        Set<String> ids = new HashSet<>();
        Classifier.defaults().detectors().forEach(d -> ids.add(d.id()));
        List<Detector> out = new ArrayList<>();
        for (Spec spec : specs) {
            DetectorSpec parsed = DetectorSpecs.read(new ByteArrayInputStream(spec.yaml().getBytes(StandardCharsets.UTF_8)), spec.file());
            if (!ids.add(parsed.id())) {
                throw new IllegalArgumentException("detector spec " + spec.file() + ": id '" + parsed.id()
                        + "' is already taken by another detector; give it a unique id");
            }
            out.add(DetectorSpecs.compile(parsed));
        }
        return out;
    }
}

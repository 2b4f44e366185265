package dev.piimap.classifiers.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.piimap.classifiers.EntityType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The detector case tables: {@code detectors/<id>.cases.yaml} on the test class path. Each case is a
 * text and every finding the default classifier must report for it (type, exact span text, optional
 * score bounds); an empty {@code expect} is a "must not match" case.
 */
final class DetectorCases {
    record Expected(EntityType type, String text, double minScore, double maxScore) {
    }

    record Case(String file, String detector, int index, String name, String text, List<Expected> expect) {
        boolean isNegative() {
            return expect.isEmpty();
        }

        @Override
        public String toString() {
            return detector + " #" + index + " " + (isNegative() ? "must not match: " : "") + name;
        }
    }

    private DetectorCases() {
    }

    /** Every case file, by detector id. */
    static TreeMap<String, List<Case>> byDetector() {
        TreeMap<String, List<Case>> out = new TreeMap<>();
        YAMLMapper yaml = new YAMLMapper();
        for (Path file : caseFiles()) {
            try {
                JsonNode root = yaml.readTree(file.toFile());
                String detector = root.path("detector").asText();
                String expectedName = detector + ".cases.yaml";
                if (!file.getFileName().toString().equals(expectedName)) {
                    throw new IllegalStateException(file + " declares detector '" + detector + "': name it " + expectedName);
                }
                List<Case> cases = new ArrayList<>();
                int index = 0;
                for (JsonNode c : root.path("cases")) {
                    List<Expected> expect = new ArrayList<>();
                    for (JsonNode e : c.path("expect")) {
                        expect.add(new Expected(EntityType.valueOf(e.path("type").asText()), e.path("text").asText(),
                                e.path("min-score").asDouble(0), e.path("max-score").asDouble(1)));
                    }
                    cases.add(new Case(file.getFileName().toString(), detector, ++index, c.path("name").asText(),
                            c.path("text").asText(), expect));
                }
                out.put(detector, cases);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read case file " + file, e);
            }
        }
        return out;
    }

    static List<Path> caseFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Enumeration<URL> roots = DetectorCases.class.getClassLoader().getResources("detectors");
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
                    list.filter(p -> p.getFileName().toString().endsWith(".cases.yaml")).sorted().forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}

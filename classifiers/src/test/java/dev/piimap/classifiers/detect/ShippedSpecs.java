package dev.piimap.classifiers.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/** The shipped detector specs ({@code detectors/*.yaml} on the class path, not the case files), for engine tests. */
final class ShippedSpecs {
    private ShippedSpecs() {
    }

    static List<DetectorSpec> all() {
        List<DetectorSpec> specs = new ArrayList<>();
        try {
            Enumeration<URL> roots = ShippedSpecs.class.getClassLoader().getResources("detectors");
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
                    for (Path p : list.sorted().toList()) {
                        String name = p.getFileName().toString();
                        if (name.endsWith(".yaml") && !name.endsWith(".cases.yaml")) {
                            try (InputStream in = Files.newInputStream(p)) {
                                specs.add(DetectorSpecs.read(in, name));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return specs;
    }
}

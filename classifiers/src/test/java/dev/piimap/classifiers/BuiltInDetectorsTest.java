package dev.piimap.classifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec files are found without an index, in class-path folders (tests, IDE) and in jars (Spark, bin/scan). */
class BuiltInDetectorsTest {
    @Test
    void listsSpecsInAJarButNotCaseFilesOrSubfolders(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("specs.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "detectors/", null);
            add(out, "detectors/zip-code.yaml", "id: zip-code");
            add(out, "detectors/alpha.yaml", "id: alpha");
            add(out, "detectors/alpha.cases.yaml", "detector: alpha");
            add(out, "detectors/drafts/beta.yaml", "id: beta");
            add(out, "other/gamma.yaml", "id: gamma");
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(BuiltInDetectors.specResources(loader))
                    .containsExactly("detectors/alpha.yaml", "detectors/zip-code.yaml");
        }
    }

    @Test
    void listsTheShippedSpecsFromTheClassPathFolder() {
        assertThat(BuiltInDetectors.specResources(BuiltInDetectors.class.getClassLoader()))
                .contains("detectors/api-token.yaml", "detectors/credit-card.yaml", "detectors/date-of-birth.yaml",
                        "detectors/de-tax-id.yaml", "detectors/email.yaml", "detectors/es-dni.yaml",
                        "detectors/eu-vat-id.yaml", "detectors/fr-insee.yaml", "detectors/geo-coordinates.yaml",
                        "detectors/geo-keyed.yaml", "detectors/iban.yaml", "detectors/ip-address.yaml",
                        "detectors/it-fiscal-code.yaml", "detectors/jwt.yaml", "detectors/mac-address.yaml",
                        "detectors/passport-number.yaml", "detectors/password-assignment.yaml",
                        "detectors/phone.yaml", "detectors/private-key.yaml", "detectors/secret-assignment.yaml",
                        "detectors/uk-nhs-number.yaml", "detectors/uk-nino.yaml", "detectors/url-with-pii.yaml",
                        "detectors/us-aba-routing.yaml", "detectors/us-itin.yaml", "detectors/us-ssn.yaml",
                        "detectors/user-agent.yaml")
                .isSorted()
                .allMatch(name -> name.startsWith("detectors/") && name.endsWith(".yaml") && !name.endsWith(".cases.yaml"));
    }

    private static void add(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (content != null) {
            OutputStream body = out;
            body.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}

package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Column headers of delimited text as context, and the {@code code-groups} boundary, as spec keys. */
class ColumnContextTest {
    private static Detector compile(String yaml) {
        return DetectorSpecs.compile(DetectorSpecs.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
    }

    private static List<String> found(Detector d, String text) {
        return d.detect(text).stream().map(f -> text.substring(f.start(), f.end())).toList();
    }

    private static final String NEAR = """
            id: ref
            type: CREDENTIAL
            patterns:
              - {name: ref, regex: '\\bR[0-9]{4}\\b', score: 0.4, requires-context: true}
            context: {words: [reference], window: 12, boost: 0.3}
            """;

    @Test
    void aColumnHeaderIsContextForEveryRowBelowIt() {
        Detector d = compile(NEAR);
        String csv = "id,reference,note\n1,R1234,x\n2,R2345,words that are far from the header\n3,R3456,y";

        assertThat(found(d, csv)).containsExactly("R1234", "R2345", "R3456");
        assertThat(d.detect(csv).get(2).evidence().contextHits()).containsExactly("reference");
        assertThat(found(d, "id,note\n1,R1234\n2,R2345")).as("another header").isEmpty();
    }

    @Test
    void wordsNearAMatchStillCountInATable() {
        Detector d = compile(NEAR);

        assertThat(found(d, "id,note\n1,reference R1234")).containsExactly("R1234");
    }

    @Test
    void columnContextNeedsTheHeaderAndTheWholeCell() {
        Detector d = compile("""
                id: ref
                type: CREDENTIAL
                patterns:
                  - {name: ref, regex: '\\bR[0-9]{4}\\b', score: 0.4, requires-context: column}
                context: {words: [reference], window: 40, boost: 0.3}
                """);

        assertThat(found(d, "id,reference\n1,R1234\n2,see R2345")).containsExactly("R1234");
        assertThat(found(d, "reference R1234")).as("a word near it is not a header").isEmpty();
        assertThat(found(d, "reference,created\nR1234,R2345")).as("the next column").containsExactly("R1234");
    }

    @Test
    void codeGroupsMakeAMatchInsideASpaceSeparatedRunAFragment() {
        String spec = """
                id: ref
                type: CREDENTIAL
                patterns:
                  - {name: ref, regex: '\\b0[0-9]{3} [0-9]{4}\\b', score: 0.4}
                boundary: {code-groups: %s}
                """;

        assertThat(found(compile(spec.formatted("true")), "AT14 0406 2233 and Tel 0406 2233")).containsExactly("0406 2233");
        assertThat(found(compile(spec.formatted("false")), "AT14 0406 2233 and Tel 0406 2233")).hasSize(2);
    }

    /** Every row asks for its header (no context word is near its values): one walk up the table in all. */
    @Test
    void allDetectorsStayLinearOnALongTableUnderContextHeaders() {
        StringBuilder csv = new StringBuilder("id,date_of_birth,mobile,iban\n");
        while (csv.length() < (1 << 18)) {
            csv.append("7,1985-03-14,612345678,DE40 2386 2595 0962 2524 94\n");
        }
        String text = csv.toString();
        Classifier classifier = Classifier.defaults();
        classifier.detect("warm up 0151 2345678");

        List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> classifier.detect(text));
        assertThat(findings).filteredOn(f -> f.type() == EntityType.DATE_OF_BIRTH).hasSizeGreaterThan(5_000);
        assertThat(findings).filteredOn(f -> f.type() == EntityType.PHONE_NUMBER).hasSizeGreaterThan(5_000);
    }

    @Test
    void rejectsAnUnknownRequiresContextValue() {
        assertThatThrownBy(() -> compile(NEAR.replace("requires-context: true", "requires-context: header")))
                .hasMessageContaining("requires-context").hasMessageContaining("header");
    }
}

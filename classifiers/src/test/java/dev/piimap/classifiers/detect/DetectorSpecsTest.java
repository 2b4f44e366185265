package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A spec is one YAML document; every invalid variant fails at load with the key, the value and the fix. */
class DetectorSpecsTest {
    private static final String VALID = """
            id: order-ref
            type: CREDENTIAL
            prefilter: {alphabet: "A-Z0-9-", min-digits: 6}
            patterns:
              - {name: ref, regex: '\\bREF-[0-9]{6}\\b', score: 0.5}
            context: {words: [reference], window: 20, boost: 0.4}
            deny-list: ["REF-000000"]
            column-hints: [ref]
            """;

    private static DetectorSpec read(String yaml) {
        return DetectorSpecs.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void aNewDetectorIsOneYamlDocument() {
        Detector d = DetectorSpecs.compile(read(VALID));

        assertThat(d.id()).isEqualTo("order-ref");
        assertThat(d.type()).isEqualTo(EntityType.CREDENTIAL);
        assertThat(d.columnNameHints()).containsExactly("ref");
        List<Finding> findings = d.detect("reference REF-123456, REF-000000, XREF-123456");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).start()).isEqualTo(10);
        assertThat(findings.get(0).score()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(findings.get(0).evidence().contextHits()).containsExactly("reference");
        assertThat(findings.get(0).evidence().scoreBefore()).isEqualTo(0.5);
    }

    @Test
    void rejectsAnEmptyContextWord() {
        assertThatThrownBy(() -> read(VALID.replace("words: [reference]", "words: [reference, \"\"]")))
                .hasMessageContaining("'context.words' is '[reference, ]'").hasMessageContaining("remove the empty word");
        assertThatThrownBy(() -> read(VALID + "deny-context: {words: [\" \"]}\n"))
                .hasMessageContaining("'deny-context.words'");
    }

    @Test
    void appliesDefaults() {
        DetectorSpec spec = read("""
                id: x
                type: PERSON
                patterns: [{name: p, regex: 'x', score: 0.5}]
                """);

        assertThat(spec.prefilter()).isEqualTo(DetectorSpec.Prefilter.NONE);
        assertThat(spec.boundary()).isEqualTo(DetectorSpec.Boundary.DEFAULT);
        assertThat(spec.context().window()).isEqualTo(DetectorSpec.Context.DEFAULT_WINDOW);
        assertThat(spec.validators()).isEmpty();
        assertThat(spec.shrinkOnFail()).isZero();
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThatThrownBy(() -> read(VALID + "colour: blue\n"))
                .hasMessageContaining("test.yaml").hasMessageContaining("unknown key 'colour'").hasMessageContaining("patterns");
    }

    @Test
    void rejectsAnUnknownNestedKey() {
        assertThatThrownBy(() -> read(VALID.replace("min-digits: 6", "min-digit: 6")))
                .hasMessageContaining("unknown key 'prefilter.min-digit'");
    }

    @Test
    void rejectsAnUnknownEntityType() {
        assertThatThrownBy(() -> read(VALID.replace("CREDENTIAL", "PASSPORT")))
                .hasMessageContaining("'type' is 'PASSPORT'").hasMessageContaining("EMAIL_ADDRESS");
    }

    @Test
    void rejectsAScoreOutOfRange() {
        assertThatThrownBy(() -> read(VALID.replace("score: 0.5", "score: 1.5")))
                .hasMessageContaining("'patterns.ref.score' is '1.5'").hasMessageContaining("(0, 1]");
    }

    @Test
    void rejectsAMissingScore() {
        assertThatThrownBy(() -> read(VALID.replace(", score: 0.5", "")))
                .hasMessageContaining("'patterns[0].score' is missing");
    }

    @Test
    void rejectsANonKebabId() {
        assertThatThrownBy(() -> read(VALID.replace("order-ref", "Order_Ref")))
                .hasMessageContaining("'id' is 'Order_Ref'").hasMessageContaining("kebab-case");
    }

    @Test
    void rejectsARequiredContextWithoutWords() {
        assertThatThrownBy(() -> read("""
                id: x
                type: PERSON
                patterns: [{name: p, regex: 'x', score: 0.5, requires-context: true}]
                """)).hasMessageContaining("requires-context").hasMessageContaining("context.words");
    }

    @Test
    void rejectsShrinkingWithoutValidators() {
        assertThatThrownBy(() -> read(VALID + "shrink-on-fail: 1\n")).hasMessageContaining("'shrink-on-fail' is '1'");
    }

    @Test
    void rejectsMalformedYaml() {
        assertThatThrownBy(() -> read("id: [unclosed")).hasMessageContaining("test.yaml is not valid YAML");
    }

    @Test
    void rejectsABacktrackingOnlyRegexAtCompile() {
        DetectorSpec spec = read(VALID.replace("\\bREF-[0-9]{6}\\b", "(?<=REF-)[0-9]{6}"));

        assertThatThrownBy(() -> DetectorSpecs.compile(spec))
                .hasMessageContaining("detector 'order-ref'").hasMessageContaining("pattern 'ref' does not compile")
                .hasMessageContaining("no lookaround");
    }

    @Test
    void rejectsAnUnknownValidatorAtCompile() {
        DetectorSpec spec = read(VALID + "validators: [lunh]\n");

        assertThatThrownBy(() -> DetectorSpecs.compile(spec))
                .hasMessageContaining("detector 'order-ref'").hasMessageContaining("unknown validator 'lunh'");
    }

    @Test
    void rejectsAReversedAlphabetRange() {
        DetectorSpec spec = read(VALID.replace("A-Z0-9-", "Z-A"));

        assertThatThrownBy(() -> DetectorSpecs.compile(spec)).hasMessageContaining("reversed range 'Z-A'");
    }

    @Test
    void aValueGroupIsTheReportedSpanWhileTheLabelMustMatch() {
        Detector d = DetectorSpecs.compile(read("""
                id: pin
                type: CREDENTIAL
                patterns:
                  - {name: labelled, regex: 'pin[:=] *(?P<value>[0-9]{4,8})', score: 0.7}
                """));

        List<Finding> findings = d.detect("card pin: 48213 and 99999");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).start()).isEqualTo(10);
        assertThat(findings.get(0).end()).isEqualTo(15);
    }

    @Test
    void rejectsOtherNamedGroupsAndShrinkingAValueGroup() {
        String spec = """
                id: pin
                type: CREDENTIAL
                validators: [luhn]
                patterns:
                  - {name: labelled, regex: 'pin[:=] *(?P<digits>[0-9]{4,8})', score: 0.7}
                """;
        assertThatThrownBy(() -> DetectorSpecs.compile(read(spec)))
                .hasMessageContaining("pattern 'labelled' names the group 'digits'").hasMessageContaining("(?:...)");
        assertThatThrownBy(() -> DetectorSpecs.compile(read(spec.replace("digits", "value") + "shrink-on-fail: 1\n")))
                .hasMessageContaining("'value' group and 'shrink-on-fail' is 1");
    }

    @Test
    void aStartsWithPatternIsTriedOnlyWhereOneOfItsWordsStarts() {
        Detector d = DetectorSpecs.compile(read("""
                id: pin
                type: CREDENTIAL
                patterns:
                  - name: labelled
                    regex: '(?i)pin[:=] *(?P<value>[0-9]{4,8})'
                    score: 0.7
                    starts-with: [PIN]
                """));

        assertThat(d.detect("PIN=1234 card_pin:5678 cardPin:9012 spin:3456 xpin=7890"))
                .extracting(Finding::start).containsExactly(4, 18, 31);
    }

    @Test
    void readsMinLengthAndRejectsANegativeOne() {
        DetectorSpec spec = read(VALID.replace("min-digits: 6", "min-digits: 6, min-length: 11"));
        assertThat(spec.prefilter().minLength()).isEqualTo(11);
        assertThat(DetectorSpecs.compile(spec).detect("reference REF-123456")).as("a region of 10 characters").isEmpty();
        assertThat(DetectorSpecs.compile(spec).detect("reference REF-123456-A")).isEmpty();
        assertThatThrownBy(() -> read(VALID.replace("min-digits: 6", "min-length: -1")))
                .hasMessageContaining("'prefilter.min-length' is '-1'");
        assertThatThrownBy(() -> read(VALID.replace("score: 0.5}", "score: 0.5, starts-with: ['']}")))
                .hasMessageContaining("starts-with");
    }
}

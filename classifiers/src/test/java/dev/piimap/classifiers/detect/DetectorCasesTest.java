package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.Classifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every detector case table ({@code src/test/resources/detectors/*.cases.yaml}) against the
 * default classifier: the findings for each text must be exactly the expected ones.
 */
class DetectorCasesTest {
    private static final Classifier CLASSIFIER = Classifier.defaults();

    static Stream<DetectorCases.Case> allCases() {
        return DetectorCases.byDetector().values().stream().flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void reportsExactlyTheExpectedFindings(DetectorCases.Case c) {
        List<Finding> findings = CLASSIFIER.detect(c.text());

        List<String> actual = findings.stream().map(f -> f.type() + " '" + c.text().substring(f.start(), f.end()) + "'").toList();
        List<String> expected = c.expect().stream().map(e -> e.type() + " '" + e.text() + "'").toList();
        assertThat(actual).as("findings in case %s", c).isEqualTo(expected);
        for (int i = 0; i < findings.size(); i++) {
            DetectorCases.Expected e = c.expect().get(i);
            assertThat(findings.get(i).score()).as("score of %s in case %s", expected.get(i), c)
                    .isBetween(e.minScore(), e.maxScore());
        }
    }

    @Test
    void everyBuiltInDetectorHasPositiveAndNegativeCases() {
        Map<String, List<DetectorCases.Case>> cases = DetectorCases.byDetector();
        List<String> ids = CLASSIFIER.detectors().stream().map(Detector::id).toList();

        assertThat(cases.keySet()).as("case files").containsExactlyInAnyOrderElementsOf(ids);
        cases.forEach((id, list) -> {
            assertThat(list).as("positive cases of %s", id).anyMatch(c -> !c.isNegative());
            assertThat(list).as("must-not-match cases of %s", id).anyMatch(DetectorCases.Case::isNegative);
        });
    }

    @Test
    void findingsCarryTheirDecisionTrace() {
        String text = "Card: 4111 1111 1111 1111";
        Finding f = CLASSIFIER.detect(text).get(0);

        assertThat(f.detector()).isEqualTo("credit-card");
        assertThat(f.evidence().pattern()).isEqualTo("grouped");
        assertThat(f.evidence().validator()).isEqualTo("luhn,card-iin");
        assertThat(f.evidence().contextHits()).containsExactly("card");
        assertThat(f.evidence().scoreBefore()).isLessThan(f.evidence().scoreAfter());
        assertThat(f.evidence().scoreAfter()).isEqualTo(f.score());
    }
}

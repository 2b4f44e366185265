package dev.piimap.classifiers;

import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifierTest {
    private record FixedDetector(String id, EntityType type, int start, int end, double score) implements Detector {
        @Override
        public List<Finding> detect(CharSequence text) {
            return List.of(new Finding(type, start, end, score, id, new Evidence(id, null, List.of(), score, score)));
        }
    }

    private record ThrowingDetector() implements Detector {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public EntityType type() {
            return EntityType.PERSON;
        }

        @Override
        public List<Finding> detect(CharSequence text) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void defaultsAreSharedAndHoldEveryBuiltInDetector() {
        assertThat(Classifier.defaults()).isSameAs(Classifier.defaults());
        assertThat(Classifier.defaults().detectors()).extracting(Detector::id)
                .contains("api-token", "credit-card", "date-of-birth", "de-tax-id", "email", "es-dni", "eu-vat-id",
                        "fr-insee", "geo-coordinates", "geo-keyed", "iban", "ip-address", "it-fiscal-code", "jwt",
                        "mac-address", "passport-number", "password-assignment", "person", "phone", "private-key",
                        "secret-assignment", "street-address", "uk-nhs-number", "uk-nino", "url-with-pii", "us-aba-routing",
                        "us-itin", "us-ssn", "user-agent")
                .doesNotHaveDuplicates();
    }

    @Test
    void higherScoreWinsAnOverlapAndLongerSpanBreaksTies() {
        Classifier c = Classifier.of(List.of(
                new FixedDetector("short-strong", EntityType.PHONE_NUMBER, 5, 10, 0.9),
                new FixedDetector("long-weak", EntityType.CREDIT_CARD, 0, 20, 0.5),
                new FixedDetector("tie-short", EntityType.IP_ADDRESS, 30, 35, 0.7),
                new FixedDetector("tie-long", EntityType.IBAN, 28, 40, 0.7)));

        assertThat(c.detect("x".repeat(50))).extracting(Finding::detector).containsExactly("short-strong", "tie-long");
    }

    @Test
    void ibanDigitsAreNotAlsoReportedWhenOnlyOtherTypesAreWanted() {
        String text = "IBAN CH93 0076 2011 6238 5295 7 and call +41 44 668 18 00";
        Classifier phonesAndCards = Classifier.defaults().restrictTo(Set.of(EntityType.PHONE_NUMBER, EntityType.CREDIT_CARD));

        assertThat(phonesAndCards.detect(text)).extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly("+41 44 668 18 00");
        assertThat(phonesAndCards.detectors()).extracting(Detector::type)
                .containsOnly(EntityType.PHONE_NUMBER, EntityType.CREDIT_CARD);
    }

    @Test
    void minimumScoreDropsWeakFindings() {
        String text = "record 536 90 4399, Email: jane@example.org";

        assertThat(Classifier.defaults().detect(text)).hasSize(2);
        assertThat(Classifier.defaults().withMinScore(0.9).detect(text)).extracting(Finding::type)
                .containsExactly(EntityType.EMAIL_ADDRESS);
        assertThatThrownBy(() -> Classifier.defaults().withMinScore(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingDetectorCostsOnlyItsOwnFindings() {
        Classifier c = Classifier.of(List.of(new ThrowingDetector(), new FixedDetector("ok", EntityType.EMAIL_ADDRESS, 0, 3, 0.9)));

        assertThat(c.detect("abcdef")).extracting(Finding::detector).containsExactly("ok");
    }

    @Test
    void nullAndEmptyTextHaveNoFindings() {
        assertThat(Classifier.defaults().detect(null)).isEmpty();
        assertThat(Classifier.defaults().detect("")).isEmpty();
    }

    @Test
    void findingsAreOrderedByStart() {
        String text = "a@example.com 10.0.0.1 4111111111111111 b@example.com";
        List<Finding> findings = Classifier.defaults().detect(text);

        assertThat(findings).hasSize(4);
        assertThat(findings).isSortedAccordingTo(java.util.Comparator.comparingInt(Finding::start));
    }

    @Test
    void examineCountsCandidatesThatFailedValidation() {
        var examination = Classifier.defaults().examine("cards 4111 1111 1111 1112 and 4111 1111 1111 1111");

        assertThat(examination.findings()).hasSize(1);
        assertThat(examination.rejectedCandidates()).containsEntry(EntityType.CREDIT_CARD, 1);
    }
}

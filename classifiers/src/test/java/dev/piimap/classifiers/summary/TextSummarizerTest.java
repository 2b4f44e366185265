package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextSummarizerTest {
    @Test
    void aggregatesChunksIntoOneSummaryPerType() {
        TextSummarizer summarizer = new TextSummarizer(Classifier.defaults());
        summarizer.add("Dear team, please charge card 4111 1111 1111 1111 for ");
        summarizer.add("the order. Reach me at jane@example.org or john@example.com.");
        summarizer.add("Card 4111 1111 1111 1112 was declined.");

        List<TypeSummary> result = summarizer.result();

        assertThat(result).extracting(TypeSummary::type).containsExactly(EntityType.EMAIL_ADDRESS, EntityType.CREDIT_CARD);
        TypeSummary emails = result.get(0);
        assertThat(emails.count()).isEqualTo(2);
        assertThat(emails.sample()).matches("[jJ]\\*\\*\\*@e\\*\\*\\*\\.(org|com)");
        assertThat(emails.confidence()).isGreaterThan(0.9);
        TypeSummary cards = result.get(1);
        assertThat(cards.count()).isEqualTo(1);
        assertThat(cards.sample()).isEqualTo("411111******1111");
        assertThat(cards.detector()).isEqualTo("credit-card");
        assertThat(cards.explanation()).isEqualTo("1 card number in 152 characters; the strongest scores 1.00 "
                + "(validated by luhn,card-iin; context: card); 1 more candidate failed luhn,card-iin");
    }

    @Test
    void repeatedFindingsRaiseConfidenceButNotBeyondOne() {
        TextSummarizer once = new TextSummarizer(Classifier.defaults());
        once.add("record 536 90 4399");
        TextSummarizer often = new TextSummarizer(Classifier.defaults());
        for (int i = 0; i < 50; i++) {
            often.add("record 536 90 4399");
        }

        double single = once.result().get(0).confidence();
        double repeated = often.result().get(0).confidence();

        assertThat(single).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(repeated).isGreaterThan(single).isLessThan(1.0);
    }

    @Test
    void emptyAndNullChunksAddNothing() {
        TextSummarizer summarizer = new TextSummarizer(Classifier.defaults());
        summarizer.add(null);
        summarizer.add("");

        assertThat(summarizer.result()).isEmpty();
    }

    @Test
    void feedsIndexedFindingsToTheSubjectIndexWithTheirLinesAcrossChunks() {
        SubjectCollector subjects = new SubjectCollector(SubjectCollectorTest.KEYED);
        TextSummarizer summarizer = new TextSummarizer(Classifier.defaults(), subjects);
        summarizer.add("Ticket notes\nmail ana.diaz@example.com about the refund\n");
        summarizer.add("Ana.Diaz@Example.COM and bob.stone@example.org were copied\nfrom 198.51.100.23\n");
        summarizer.add("\nagain: ana.diaz@example.com");

        String ana = SubjectCollectorTest.KEYED.fingerprint(EntityType.EMAIL_ADDRESS, "ana.diaz@example.com");
        String bob = SubjectCollectorTest.KEYED.fingerprint(EntityType.EMAIL_ADDRESS, "bob.stone@example.org");
        assertThat(subjects.subjects()).extracting(SubjectCollector.Subject::fingerprint).containsExactlyInAnyOrder(ana, bob);
        SubjectCollector.Subject a = SubjectCollectorTest.find(subjects, ana);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.keys()).containsExactly("line 2", "line 3", "line 6");
        assertThat(SubjectCollectorTest.find(subjects, bob).keys()).containsExactly("line 3");
        assertThat(summarizer.result()).extracting(TypeSummary::type).contains(EntityType.EMAIL_ADDRESS, EntityType.IP_ADDRESS);
    }

    @Test
    void aPhoneNumberWrittenNationallyAndInternationallyIsOneSubject() {
        SubjectCollector subjects = new SubjectCollector(SubjectCollectorTest.KEYED);
        TextSummarizer summarizer = new TextSummarizer(Classifier.defaults(), subjects);
        summarizer.add("Call me on +44 20 7946 0958 or, from the UK,\ncall 020 7946 0958.");

        assertThat(subjects.subjects()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(EntityType.PHONE_NUMBER);
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.keys()).containsExactly("line 1", "line 2");
            assertThat(s.fingerprint()).isEqualTo(SubjectCollectorTest.KEYED.fingerprint(EntityType.PHONE_NUMBER, "+442079460958"));
        });
    }

    @Test
    void anIndexCutShortAtItsCapSaysSoInTheFindingsExplanation() {
        SubjectCollector subjects = new SubjectCollector(SubjectCollectorTest.KEYED, 2, 100);
        TextSummarizer summarizer = new TextSummarizer(Classifier.defaults(), subjects);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            log.append("login ok user=member").append(i).append("@example.net\n");
        }
        summarizer.add(log);

        assertThat(subjects.subjects()).hasSize(2);
        assertThat(summarizer.result()).singleElement().satisfies(s -> assertThat(s.explanation())
                .endsWith("; 3 occurrences not in the subject index (it keeps 2 distinct identifiers per asset)"));
    }
}

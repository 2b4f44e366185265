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
}

package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped model and detectors on a held-out set: generated with another seed than training and
 * only from {@link HeldOutTemplates}, with one person in ten invented (unknown to the gazetteer).
 * Span-level scores: a finding matches a gold span of its type overlapping at least half of each.
 */
class HeldOutEvaluationTest {
    static final long HELD_OUT_SEED = 7;
    static final int HELD_OUT_SAMPLES = 1500;
    static final double HELD_OUT_INVENTED_SHARE = 0.10;

    private static SpanScores person;
    private static SpanScores address;

    @BeforeAll
    static void evaluate() {
        List<Sample> samples = new CorpusGenerator(HELD_OUT_SEED, NameLexicon.shipped(), HELD_OUT_INVENTED_SHARE)
                .generate(HeldOutTemplates.ALL, HELD_OUT_SAMPLES);
        Classifier nlp = Classifier.of(List.of(new PersonDetector(), new StreetAddressDetector()));
        person = SpanScores.of(EntityType.PERSON, samples, nlp::detect);
        address = SpanScores.of(EntityType.STREET_ADDRESS, samples, nlp::detect);
        System.out.println("held-out " + person);
        System.out.println("held-out " + address);
    }

    @Test
    void theShippedModelLoadsAndStaysSmall() throws IOException {
        URL model = getClass().getClassLoader().getResource(PersonModel.RESOURCE);

        assertThat(model).isNotNull();
        assertThat(model.openConnection().getContentLengthLong()).isLessThan(1_500_000L);
        assertThat(PersonModel.finder()).isNotNull();
    }

    @Test
    void personNamesReachF1OfAtLeast90Percent() {
        assertThat(person.f1()).as("%s; first errors: %s", person, person.errors().stream().limit(20).toList())
                .isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void streetAddressesReachF1OfAtLeast85Percent() {
        assertThat(address.f1()).as("%s; first errors: %s", address, address.errors().stream().limit(20).toList())
                .isGreaterThanOrEqualTo(0.85);
    }
}

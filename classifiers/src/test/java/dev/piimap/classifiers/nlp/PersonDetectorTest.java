package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonDetectorTest {
    private static final PersonDetector PERSON = new PersonDetector();

    @Test
    void textWithoutCapitalsOrDigitsNeverRunsTheModel() {
        String text = "the queue was drained overnight and every retry succeeded, so nothing is left to do.\n".repeat(500);
        PERSON.detect("Warm up with Jane Doe.");
        long before = PersonDetector.modelRuns();

        assertThat(Classifier.defaults().detect(text)).isEmpty();
        assertThat(PERSON.detect(text)).isEmpty();
        assertThat(PersonDetector.modelRuns()).isEqualTo(before);
        assertThat(PersonCandidates.regions(text, NameLexicon.shipped())).isEmpty();
        assertThat(AddressAnchors.regions(text, StreetAddressDetector.ANCHOR_REACH, StreetAddressDetector.RADIUS)).isEmpty();
    }

    @Test
    void capitalisedTextRunsTheModelOnlyAroundCandidates() {
        long before = PersonDetector.modelRuns();

        assertThat(PERSON.detect("Please retry the export.")).isEmpty();
        assertThat(PersonDetector.modelRuns()).isEqualTo(before);
        assertThat(PERSON.detect("Please ask Margaret Thompson.")).hasSize(1);
        assertThat(PersonDetector.modelRuns()).isEqualTo(before + 1);
    }

    @Test
    void capitalisedCommonWordsAndAcronymsAloneNeverRunTheModel() {
        long before = PersonDetector.modelRuns();

        assertThat(PERSON.detect("SKU-1,Classic Desk Lamp,19.90\nSKU-2,Arctic Air Purifier,89.00\nGET /api OK LG NT")).isEmpty();
        assertThat(PersonDetector.modelRuns()).isEqualTo(before);
    }

    @Test
    void otherOccurrencesOfAConfidentNameAreFoundToo() {
        String text = "Hi Royal, thanks!\n[10:02] Royal: it broke\nRoyal Mail lost it; Royalty is not Royal.";
        Finding confident = new Finding(EntityType.PERSON, 3, 8, 0.95, PersonDetector.ID,
                new Evidence("name-finder", null, List.of(), 0.95, 0.95));

        List<Finding> all = RepeatedNames.withRepeats(text, List.of(confident), NameLexicon.shipped());

        assertThat(all).extracting(f -> text.substring(f.start(), f.end())).containsExactly("Royal", "Royal", "Royal");
        assertThat(all.subList(1, 3)).allSatisfy(f -> {
            assertThat(f.score()).isEqualTo(RepeatedNames.REPEAT_SCORE);
            assertThat(f.evidence().pattern()).isEqualTo("name-repeat");
        });
        assertThat(RepeatedNames.withRepeats(text, List.of(new Finding(EntityType.PERSON, 3, 8, 0.6, PersonDetector.ID,
                new Evidence("name-finder", null, List.of(), 0.6, 0.6))), NameLexicon.shipped())).hasSize(1);
    }

    @Test
    void parallelDetectionGivesTheSameFindingsAsSequential() throws Exception {
        List<String> texts = new CorpusGenerator(11, NameLexicon.shipped(), 0.1).generate(HeldOutTemplates.ALL, 200)
                .stream().map(Sample::text).toList();
        List<List<Finding>> sequential = texts.stream().map(PERSON::detect).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<List<Finding>>> futures = texts.stream().map(t -> pool.submit(() -> PERSON.detect(t))).toList();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(futures.get(i).get()).as("findings in %s", texts.get(i)).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential.stream().mapToInt(List::size).sum()).isGreaterThan(100);
    }

    @Test
    void findingsCarryModelProbabilityGazetteerAndContext() {
        Finding f = PERSON.detect("Dear Dr. Eleanor Whitfield, thank you.").get(0);

        assertThat(f.detector()).isEqualTo("person");
        assertThat(f.evidence().pattern()).isEqualTo("name-finder");
        assertThat(f.evidence().validator()).isEqualTo("gazetteer");
        assertThat(f.evidence().contextHits()).contains("dr");
        assertThat(f.evidence().scoreAfter()).isEqualTo(f.score()).isBetween(0.5, 1.0);
    }

    @Test
    void longRunsOfCuesStayLinear() {
        String text = "Dr.".repeat(100_000) + " Mr Mr Mr ".repeat(10_000);

        long started = System.nanoTime();
        PERSON.detect(text);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(20_000);
    }

    @Test
    void aFailedLoadIsRememberedAndRethrownWithItsMessage() {
        AtomicInteger attempts = new AtomicInteger();
        LazyResource<String> broken = new LazyResource<>(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the model nlp/x.bin is missing: rebuild it");
        });

        assertThatThrownBy(broken::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("nlp/x.bin");
        assertThatThrownBy(broken::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("rebuild it");
        assertThat(attempts).hasValue(1);
    }
}

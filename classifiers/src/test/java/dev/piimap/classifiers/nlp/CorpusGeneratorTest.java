package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {
    private static final NameLexicon LEXICON = NameLexicon.shipped();

    @Test
    void theSameSeedGivesTheSameCorpusAndAnotherSeedAnotherOne() {
        List<String> first = corpus(TrainPersonModel.SEED);
        List<String> again = corpus(TrainPersonModel.SEED);
        List<String> other = corpus(TrainPersonModel.SEED + 1);

        assertThat(first).hasSizeGreaterThan(250).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void trainingAndHeldOutTemplatesShareNoTemplate() {
        Set<String> training = new HashSet<>(TrainingTemplates.ALL);

        assertThat(HeldOutTemplates.ALL).noneMatch(training::contains);
        assertThat(TrainingTemplates.ALL).doesNotHaveDuplicates();
        assertThat(HeldOutTemplates.ALL).doesNotHaveDuplicates();
    }

    @Test
    void everyTemplateExpandsAndItsNamesFallOnTokenBoundaries() throws IOException {
        CorpusGenerator generator = new CorpusGenerator(5, LEXICON, 0.1);
        for (List<String> templates : List.of(TrainingTemplates.ALL, HeldOutTemplates.ALL)) {
            for (String template : templates) {
                Sample s = generator.expand(template);
                String line = CorpusGenerator.toNameSample(s);
                assertThat(line).as("name sample of %s", s.text()).isNotNull();
                NameSample parsed = NameSample.parse(line, CorpusGenerator.PERSON_TYPE, true);
                List<Mention> people = s.mentionsOf(EntityType.PERSON);
                assertThat(parsed.getNames()).hasSameSizeAs(people);
                for (int i = 0; i < people.size(); i++) {
                    Span span = parsed.getNames()[i];
                    String tokens = String.join(" ", java.util.Arrays.copyOfRange(parsed.getSentence(), span.getStart(), span.getEnd()));
                    String gold = s.text().substring(people.get(i).start(), people.get(i).end());
                    assertThat(tokens.replace(" ", "")).isEqualTo(gold.replace(" ", ""));
                }
            }
        }
    }

    @Test
    void theShippedGazetteerIsWhatTheBuilderMakes() throws IOException {
        byte[] rebuilt = GazetteerBuilder.gzipped(GazetteerBuilder.build());
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(NameLexicon.GAZETTEER)) {
            assertThat(shipped).as("shipped gazetteer").isNotNull();
            NameLexicon fromBuilder = NameLexicon.read(new java.io.ByteArrayInputStream(rebuilt));
            assertThat(fromBuilder.size()).isEqualTo(LEXICON.size());
            assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(rebuilt)).readAllBytes())
                    .isEqualTo(new java.util.zip.GZIPInputStream(shipped).readAllBytes());
        }
    }

    private static List<String> corpus(long seed) {
        return TrainPersonModel.nameSamples(new CorpusGenerator(seed, LEXICON, TrainPersonModel.INVENTED_SHARE)
                .generate(TrainingTemplates.ALL, 300, TrainPersonModel.RANDOM_SHARE, TrainPersonModel.PAIR_SHARE));
    }
}

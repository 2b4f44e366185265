package dev.piimap.classifiers.nlp;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexed model gives exactly the probabilities of OpenNLP's own evaluation. */
class IndexedMaxentModelTest {
    @Test
    void theShippedModelIsEvaluatedIndexedWithIdenticalProbabilities() throws Exception {
        TokenNameFinderModel plain;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PersonModel.RESOURCE)) {
            plain = new TokenNameFinderModel(in);
        }
        AbstractModel original = plain.getArtifact(ShippedNameFinderModel.MODEL_ENTRY);
        MaxentModel indexed = new IndexedMaxentModel(original);
        assertThat(((ShippedNameFinderModel) PersonModel.model()).indexed()).isTrue();

        // Real contexts: the features the shipped generators make for generated sentences, plus unknown ones.
        AdaptiveFeatureGenerator generator = plain.getFactory().createFeatureGenerators();
        List<String> texts = new CorpusGenerator(5, NameLexicon.shipped(), 0.1).generate(HeldOutTemplates.ALL, 300)
                .stream().map(Sample::text).toList();
        Random random = new Random(21);
        double[] uniform = original.eval(new String[0]);
        int evaluated = 0;
        int known = 0;
        for (String text : texts) {
            String[] tokens = text.split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                List<String> features = new ArrayList<>();
                generator.createFeatures(features, tokens, i, null);
                features.add("po=" + (random.nextBoolean() ? "other" : "person-start"));
                if (random.nextInt(4) == 0) {
                    features.add("never-seen=" + random.nextInt());
                }
                String[] context = features.toArray(String[]::new);
                double[] expected = original.eval(context, new double[original.getNumOutcomes()]);
                double[] actual = indexed.eval(context, new double[indexed.getNumOutcomes()]);
                assertThat(actual).as("%s", Arrays.toString(context)).isEqualTo(expected);
                assertThat(indexed.eval(context)).isEqualTo(original.eval(context));
                evaluated++;
                known += Arrays.equals(expected, uniform) ? 0 : 1;
            }
        }
        assertThat(evaluated).isGreaterThan(2_000);
        assertThat(known).isGreaterThan(evaluated / 2);
        assertThat(indexed.getNumOutcomes()).isEqualTo(original.getNumOutcomes());
        for (int o = 0; o < original.getNumOutcomes(); o++) {
            assertThat(indexed.getOutcome(o)).isEqualTo(original.getOutcome(o));
        }
    }

    /**
     * A feature the model does not know, whose hash is that of one it knows, must not borrow its
     * parameters: the characters decide. Two characters {@code (a, b)} hash as {@code (a + 1, b - 31)} do.
     */
    @Test
    void aFeatureSharingTheHashOfAKnownOneIsStillUnknown() throws Exception {
        AbstractModel original;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PersonModel.RESOURCE)) {
            original = new TokenNameFinderModel(in).getArtifact(ShippedNameFinderModel.MODEL_ENTRY);
        }
        MaxentModel indexed = new IndexedMaxentModel(original);
        @SuppressWarnings("unchecked")
        Map<String, ?> known = (Map<String, ?>) original.getDataStructures()[1];
        double[] uniform = original.eval(new String[0]);
        int tried = 0;
        for (String feature : known.keySet()) {
            for (int i = 0; i + 1 < feature.length(); i++) {
                char a = feature.charAt(i);
                char b = feature.charAt(i + 1);
                if (b < 32 + 31 || a == Character.MAX_VALUE) {
                    continue;
                }
                String twin = feature.substring(0, i) + (char) (a + 1) + (char) (b - 31) + feature.substring(i + 2);
                if (twin.hashCode() != feature.hashCode() || known.containsKey(twin)) {
                    continue;
                }
                String[] context = {twin};
                assertThat(indexed.eval(context)).as("%s", twin).isEqualTo(uniform).isEqualTo(original.eval(context));
                // Longer and shorter by one character, in case only the length were compared.
                assertThat(indexed.eval(new String[] {feature + "x"})).isEqualTo(original.eval(new String[] {feature + "x"}));
                tried++;
                break;
            }
        }
        assertThat(tried).isGreaterThan(known.size() / 2);
    }
}

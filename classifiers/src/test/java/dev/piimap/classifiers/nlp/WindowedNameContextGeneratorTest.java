package dev.piimap.classifiers.nlp;

import opennlp.tools.namefind.DefaultNameContextGenerator;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdditionalContextFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PreviousMapFeatureGenerator;
import opennlp.tools.util.featuregen.SentenceFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class WindowedNameContextGeneratorTest {
    private static TokenNameFinderModel plain;
    private static List<String[]> sentences;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = WindowedNameContextGeneratorTest.class.getClassLoader().getResourceAsStream(PersonModel.RESOURCE)) {
            plain = new TokenNameFinderModel(in);
        }
        sentences = new CorpusGenerator(9, NameLexicon.shipped(), 0.1).generate(HeldOutTemplates.ALL, 300).stream()
                .map(sample -> NameTokenizer.tokenize(sample.text(), 0, sample.text().length()).tokens())
                .filter(tokens -> tokens.length > 0)
                .toList();
    }

    @Test
    void givesOpenNlpsFeaturesInOpenNlpsOrder() {
        AdditionalContextFeatureGenerator extra = new AdditionalContextFeatureGenerator();
        NameContextGenerator stock = plain.getFactory().createContextGenerator();
        stock.addFeatureGenerator(new WindowFeatureGenerator(extra, 8, 8));
        WindowedNameContextGenerator windowed = new WindowedNameContextGenerator(plain.getFactory().createContextGenerator());
        windowed.addFeatureGenerator(new WindowFeatureGenerator(new AdditionalContextFeatureGenerator(), 8, 8));
        assertThat(windowed.makesWindow()).isTrue();

        Random random = new Random(4);
        String[] outcomes = {NameFinderME.OTHER, "person-" + NameFinderME.START, "person-" + NameFinderME.CONTINUE};
        int compared = 0;
        for (String[] tokens : sentences) {
            String[][] features = NameLexicon.shipped().features(tokens);
            // Each sequence gets a new array, as the name finder gives; the same array for each of its tokens.
            String[][] given = random.nextInt(10) == 0 ? new String[0][] : features;
            extra.setCurrentContext(given);
            String[] preds = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                preds[i] = outcomes[random.nextInt(outcomes.length)];
            }
            for (int i = 0; i < tokens.length; i++) {
                String[] expected = stock.getContext(i, tokens, preds, given);
                assertThat(windowed.getContext(i, tokens, preds, given)).as("token %d", i).containsExactly(expected);
                assertThat(windowed.getContext(i, tokens, null, given)).containsExactly(stock.getContext(i, tokens, null, given));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3_000);
    }

    @Test
    void passesOtherGeneratorsOnToOpenNlp() {
        NameContextGenerator stock = plain.getFactory().createContextGenerator();
        stock.addFeatureGenerator(new WindowFeatureGenerator(new TokenFeatureGenerator(), 8, 8));
        WindowedNameContextGenerator windowed = new WindowedNameContextGenerator(plain.getFactory().createContextGenerator());
        windowed.addFeatureGenerator(new WindowFeatureGenerator(new TokenFeatureGenerator(), 8, 8));
        assertThat(windowed.makesWindow()).isFalse();
        // A window of other sizes over extra features is OpenNLP's to make, too.
        assertThat(WindowedNameContextGenerator.isNameFinderWindow(new WindowFeatureGenerator(new AdditionalContextFeatureGenerator(), 8, 7)))
                .isFalse();
        String[] tokens = sentences.get(0);
        for (int i = 0; i < tokens.length; i++) {
            assertThat(windowed.getContext(i, tokens, null, null)).containsExactly(stock.getContext(i, tokens, null, null));
        }
    }

    @Test
    void theShippedModelsGeneratorsAreMemoizedOnlyBecauseTheyAreTheSame() {
        NameContextGenerator memoized = new DefaultNameContextGenerator(TokenFeatureMemo.generators());
        assertThat(TokenFeatureMemo.same(plain.getFactory().createContextGenerator(), memoized)).isTrue();
        Supplier<NameContextGenerator> chosen = TokenFeatureMemo.ifSame(plain.getFactory()::createContextGenerator);
        assertThat(chosen.get()).isInstanceOf(TokenFeatureMemo.Memoized.class);
        // Each token's features are asked for once per sequence however many windows hold it, and are the stock ones.
        NameContextGenerator stock = plain.getFactory().createContextGenerator();
        for (String[] tokens : sentences.subList(0, 50)) {
            memoized.clearAdaptiveData();
            stock.clearAdaptiveData();
            for (int i = 0; i < tokens.length; i++) {
                assertThat(memoized.getContext(i, tokens, null, null)).containsExactly(stock.getContext(i, tokens, null, null));
            }
        }

        // Another descriptor (here: without the sentence-start feature) keeps OpenNLP's generators.
        Supplier<NameContextGenerator> other = () -> new DefaultNameContextGenerator(new AggregatedFeatureGenerator(
                new WindowFeatureGenerator(new TokenClassFeatureGenerator(true), 2, 2),
                new WindowFeatureGenerator(new TokenFeatureGenerator(true), 2, 2),
                new OutcomePriorFeatureGenerator(), new PreviousMapFeatureGenerator(), new BigramNameFeatureGenerator()));
        assertThat(TokenFeatureMemo.same(other.get(), new DefaultNameContextGenerator(TokenFeatureMemo.generators()))).isFalse();
        assertThat(TokenFeatureMemo.ifSame(other)).isSameAs(other);
        // One learning from outcomes differently (no previous-map feature) is told apart too.
        Supplier<NameContextGenerator> forgetful = () -> new DefaultNameContextGenerator(new AggregatedFeatureGenerator(
                new WindowFeatureGenerator(new TokenClassFeatureGenerator(true), 2, 2),
                new WindowFeatureGenerator(new TokenFeatureGenerator(true), 2, 2),
                new OutcomePriorFeatureGenerator(), new BigramNameFeatureGenerator(), new SentenceFeatureGenerator(true, false)));
        assertThat(TokenFeatureMemo.ifSame(forgetful)).isSameAs(forgetful);
    }

    @Test
    void anArrayOfExtraFeaturesRefilledAfterClearingIsReadAgain() {
        WindowedNameContextGenerator windowed = new WindowedNameContextGenerator(plain.getFactory().createContextGenerator());
        windowed.addFeatureGenerator(new WindowFeatureGenerator(new AdditionalContextFeatureGenerator(), 8, 8));
        String[] tokens = {"Dear", "Ana", "Lopez"};
        String[][] values = {{"lbl"}, {"g"}, {"f"}};
        assertThat(windowed.getContext(1, tokens, null, values)).contains("ne=g", "p1ne=lbl", "n1ne=f");
        values[1] = new String[] {"w"};
        windowed.clearAdaptiveData();
        assertThat(windowed.getContext(1, tokens, null, values)).contains("ne=w").doesNotContain("ne=g");
    }

    /** Past the number of values whose forms are kept, the forms are built again, and still right. */
    @Test
    void featuresStayRightPastTheFormsKept() {
        Random random = new Random(12);
        TokenFeatureMemo.Window window = new TokenFeatureMemo.Window(new TokenFeatureGenerator(true), 2);
        WindowFeatureGenerator stockWindow = new WindowFeatureGenerator(new TokenFeatureGenerator(true), 2, 2);
        AdditionalContextFeatureGenerator extra = new AdditionalContextFeatureGenerator();
        NameContextGenerator stock = plain.getFactory().createContextGenerator();
        stock.addFeatureGenerator(new WindowFeatureGenerator(extra, 8, 8));
        WindowedNameContextGenerator windowed = new WindowedNameContextGenerator(plain.getFactory().createContextGenerator());
        windowed.addFeatureGenerator(new WindowFeatureGenerator(new AdditionalContextFeatureGenerator(), 8, 8));
        for (int sequence = 0; sequence < 1_500; sequence++) {
            String[] tokens = new String[12];
            String[][] values = new String[tokens.length][];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = "w" + random.nextInt(40_000);
                values[t] = new String[] {"s3=" + random.nextInt(10_000), "w"};
            }
            extra.setCurrentContext(values);
            for (int i = 0; i < tokens.length; i++) {
                List<String> expected = new java.util.ArrayList<>();
                stockWindow.createFeatures(expected, tokens, i, null);
                List<String> actual = new java.util.ArrayList<>();
                window.createFeatures(actual, tokens, i, null);
                assertThat(actual).containsExactlyElementsOf(expected);
                assertThat(windowed.getContext(i, tokens, null, values)).containsExactly(stock.getContext(i, tokens, null, values));
            }
        }
    }

    /** The shipped model's name finders find the same names with the same probabilities as OpenNLP's own. */
    @Test
    void theShippedNameFinderFindsWhatOpenNlpFinds() throws Exception {
        NameFinderME fast = new NameFinderME(PersonModel.model());
        Field generator = NameFinderME.class.getDeclaredField("contextGenerator");
        generator.setAccessible(true);
        assertThat(generator.get(fast)).isInstanceOfSatisfying(WindowedNameContextGenerator.class,
                g -> assertThat(g.makesWindow()).isTrue());
        assertThat(((WindowedNameContextGenerator) generator.get(fast)).memoized()).isTrue();
        NameFinderME stock = new NameFinderME(plain);
        int names = 0;
        for (String[] tokens : sentences) {
            String[][] features = NameLexicon.shipped().features(tokens);
            Span[] expected = stock.find(tokens, features);
            Span[] actual = fast.find(tokens, features);
            assertThat(actual).containsExactly(expected);
            assertThat(fast.probs(actual)).containsExactly(stock.probs(expected));
            names += expected.length;
        }
        assertThat(names).isGreaterThan(100);
    }
}

package dev.piimap.classifiers.nlp;

import opennlp.tools.namefind.DefaultNameContextGenerator;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PreviousMapFeatureGenerator;
import opennlp.tools.util.featuregen.SentenceFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The feature generators of OpenNLP's default name-finder descriptor (the one the shipped model was
 * trained with), built so that each token's own features are computed once per token sequence.
 *
 * <p>The descriptor windows two generators over two tokens each side: the token lower-cased
 * ({@code w=}) and its class ({@code wc=}, {@code w&c=}). So OpenNLP lower-cases and classifies every
 * token five times, once for each token whose window holds it, and that was most of the time the name
 * finder spent building features. Here the two windows are a {@link Window} that asks each token's
 * features once and keeps their prefixed forms; the rest is the descriptor's, in its order. The
 * descriptor's cache of whole contexts is left out: the shipped model's beam holds one sequence, so
 * it never hits.
 *
 * <p>{@link #ifSame} uses these generators only after checking that they give exactly the features of
 * the model's own context generator on probe sentences; a model trained with another descriptor keeps
 * its own.
 */
final class TokenFeatureMemo {
    /** Token sequences that exercise every feature of the descriptor: token classes, case, digits, punctuation, scripts. */
    private static final List<String[]> PROBES = List.of(
            "Please contact Dr. Jane O'Neil-Smith at the Berlin office , room 12 .".split(" "),
            "INVOICE NO. 2024-0042 FOR ACME GMBH , DUE 31.12.2025 : 1,250.00 EUR".split(" "),
            "from : josé garcía < jose.garcia@example.com > sent 9:41 am via iPhone".split(" "),
            "Ticket #88213 opened by J. R. R. Tolkien ( tolkien ) 2h ago".split(" "),
            "Straße 7 , 10115 Berlin ; Müller , Zoë ; 北京 ; Ελένη 42".split(" "),
            "x".split(" "),
            "A1 b2 C3D4 e-5 F_6 7g 88 999 1000 12345 ... -- \" ' $ € 3.5 4,5 3/4".split(" "));

    private TokenFeatureMemo() {
    }

    /**
     * Context generators over {@link #generators} when one of them gives exactly what one of
     * {@code stock}'s gives on the probe sentences (checked once, here); otherwise {@code stock}'s.
     */
    static Supplier<NameContextGenerator> ifSame(Supplier<NameContextGenerator> stock) {
        Supplier<NameContextGenerator> memoized = Memoized::new;
        return same(stock.get(), memoized.get()) ? memoized : stock;
    }

    /** The descriptor's generators, the two windowed ones memoized per token. */
    static AdaptiveFeatureGenerator generators() {
        return new AggregatedFeatureGenerator(
                new Window(new TokenClassFeatureGenerator(true), 2),
                new Window(new TokenFeatureGenerator(true), 2),
                new OutcomePriorFeatureGenerator(),
                new PreviousMapFeatureGenerator(),
                new BigramNameFeatureGenerator(),
                new SentenceFeatureGenerator(true, false));
    }

    /**
     * Whether two context generators give the same features for every probe token, with and without
     * previous outcomes, before and after they learn from the probes (the previous-map features).
     */
    static boolean same(NameContextGenerator a, NameContextGenerator b) {
        String[] kinds = {NameFinderME.OTHER, "person-" + NameFinderME.START, "person-" + NameFinderME.CONTINUE};
        for (int round = 0; round < 2; round++) {
            for (String[] probe : PROBES) {
                // A new array per sequence, as the name finder's callers give: OpenNLP's cache of contexts is by array.
                String[] tokens = probe.clone();
                String[] outcomes = new String[tokens.length];
                for (int i = 0; i < tokens.length; i++) {
                    outcomes[i] = kinds[(i * 7 + round) % kinds.length];
                }
                for (int i = 0; i < tokens.length; i++) {
                    if (!Arrays.equals(a.getContext(i, tokens, outcomes, null), b.getContext(i, tokens, outcomes, null))
                            || !Arrays.equals(a.getContext(i, tokens, null, null), b.getContext(i, tokens, null, null))) {
                        return false;
                    }
                }
                a.updateAdaptiveData(tokens, outcomes);
                b.updateAdaptiveData(tokens, outcomes);
            }
        }
        return true;
    }

    /** OpenNLP's context generator over {@link #generators}. */
    static final class Memoized extends DefaultNameContextGenerator {
        Memoized() {
            super(generators());
        }
    }

    /**
     * OpenNLP's {@link WindowFeatureGenerator} over a generator whose features for a token depend on that
     * token alone, with as many tokens on each side: a token's own features, then those of the tokens
     * before it, prefixed {@code p1}, {@code p2}..., then those after it, prefixed {@code n1}, {@code n2}....
     * Each token's features are made once per sequence (kept until the sequence's array changes or
     * the adaptive data is cleared, which the name finder's callers do before each sequence), and each
     * feature's prefixed forms once per generator: the same strings, built once and reused.
     */
    static final class Window implements AdaptiveFeatureGenerator {
        /**
         * Feature values whose forms are remembered at most (about 2.5 MB per window and thread when full;
         * 8 MB of bench text meets 2,600): words are an open set, so past it the forms are forgotten and
         * built again as met.
         */
        private static final int MAX_VALUES = 8_192;
        private final AdaptiveFeatureGenerator generator;
        private final int size;
        /** Per feature, its forms: itself, then prefixed {@code p1} to {@code p<size>}, then {@code n1} to {@code n<size>}. */
        private final Map<String, String[]> forms = new HashMap<>();
        private String[] tokens;
        private String[][][] features;

        Window(AdaptiveFeatureGenerator generator, int size) {
            this.generator = generator;
            this.size = size;
        }

        @Override
        public void createFeatures(List<String> out, String[] tokens, int index, String[] previousOutcomes) {
            if (tokens != this.tokens) {
                this.tokens = tokens;
                this.features = new String[tokens.length][][];
            }
            add(out, tokens, index, 0);
            for (int k = 1; k <= size && index - k >= 0; k++) {
                add(out, tokens, index - k, k);
            }
            for (int k = 1; k <= size && index + k < tokens.length; k++) {
                add(out, tokens, index + k, size + k);
            }
        }

        /** Adds form {@code form} of each feature of token {@code at}. */
        private void add(List<String> out, String[] tokens, int at, int form) {
            String[][] own = features[at];
            if (own == null) {
                List<String> made = new ArrayList<>(2);
                generator.createFeatures(made, tokens, at, null);
                own = new String[made.size()][];
                if (forms.size() > MAX_VALUES) {
                    forms.clear();
                }
                for (int f = 0; f < own.length; f++) {
                    own[f] = forms.computeIfAbsent(made.get(f), this::formsOf);
                }
                features[at] = own;
            }
            for (String[] feature : own) {
                out.add(feature[form]);
            }
        }

        private String[] formsOf(String feature) {
            String[] out = new String[1 + 2 * size];
            out[0] = feature;
            for (int k = 1; k <= size; k++) {
                out[k] = "p" + k + feature;
                out[size + k] = "n" + k + feature;
            }
            return out;
        }

        @Override
        public void updateAdaptiveData(String[] tokens, String[] outcomes) {
            generator.updateAdaptiveData(tokens, outcomes);
        }

        @Override
        public void clearAdaptiveData() {
            tokens = null;
            features = null;
            generator.clearAdaptiveData();
        }
    }
}

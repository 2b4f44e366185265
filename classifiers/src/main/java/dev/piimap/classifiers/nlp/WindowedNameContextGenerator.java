package dev.piimap.classifiers.nlp;

import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AdditionalContextFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

/**
 * A name finder's context generator that gives exactly the features of OpenNLP's, in the same order,
 * but makes the gazetteer features of the window around each token without building them anew.
 *
 * <p>{@code NameFinderME} adds to the model's context generator a window of eight tokens on each side
 * over the extra features it is given ({@link NameLexicon#features}): for the token {@code i}, each
 * extra feature {@code X} of token {@code i - k} becomes {@code "p" + k + "ne=" + X}, and of
 * {@code i + k} {@code "n" + k + "ne=" + X}. That is about fifty of the model's seventy features per
 * token, each a new string to build, hash and look up, though the same few dozen feature values recur
 * throughout. Here each value's seventeen window forms are built once per thread and reused: the same
 * strings, so the model's probabilities do not change, with their hash codes already computed.
 *
 * <p>The features are the wrapped generator's, with the window's inserted where OpenNLP's context
 * generator would have them: after the model's own features, before the four previous-outcome features
 * it appends last ({@code po=}, {@code pow=}, {@code powf=}, {@code ppo=}). A window generator other
 * than the one {@code NameFinderME} adds is passed on to the wrapped generator unchanged. Not
 * thread-safe, like the name finder that owns it.
 */
final class WindowedNameContextGenerator implements NameContextGenerator {
    /** How many tokens {@code NameFinderME}'s window of extra features reaches on each side. */
    static final int WINDOW = 8;
    /** The previous-outcome features OpenNLP's context generator appends when it is given the outcomes so far. */
    private static final int OUTCOME_FEATURES = 4;
    /**
     * Feature values remembered at most, each with its seventeen forms (about 2 MB per thread when full):
     * the gazetteer tags are a few dozen, but the last three letters of unknown words are an open set.
     * Past it the forms are forgotten and built again as met.
     */
    private static final int MAX_VALUES = 2_048;
    private static final String[][][] NO_FORMS = new String[0][][];

    private final NameContextGenerator wrapped;
    /** Whether {@code NameFinderME}'s window over the extra features was added, and so is made here. */
    private boolean window;
    /** Per extra feature value, its forms: {@code ne=X}, then {@code p1ne=X} to {@code p8ne=X}, then {@code n1ne=X} to {@code n8ne=X}. */
    private final Map<String, String[]> forms = new HashMap<>();
    /**
     * The extra features of the last call, by identity, and each token's feature forms: the name finder
     * passes the same array for each token of a sequence, and its callers a new one (or clear the
     * adaptive data, as the person detector does) per sequence.
     */
    private Object[] lastContext;
    private String[][][] lastForms = NO_FORMS;

    WindowedNameContextGenerator(NameContextGenerator wrapped) {
        this.wrapped = wrapped;
    }

    /** The window {@code NameFinderME} adds ({@link #isNameFinderWindow}) is made here; any other generator is the wrapped one's. */
    @Override
    public void addFeatureGenerator(AdaptiveFeatureGenerator generator) {
        if (!window && isNameFinderWindow(generator)) {
            window = true;
        } else {
            wrapped.addFeatureGenerator(generator);
        }
    }

    /**
     * Whether {@code generator} is a {@link WindowFeatureGenerator} of {@value #WINDOW} tokens each side
     * over an {@link AdditionalContextFeatureGenerator}. Its description gives the window's sizes; what it
     * wraps is read from its private field (OpenNLP offers no other view), and when that cannot be read
     * the generator is taken for another one, which OpenNLP then runs itself.
     */
    static boolean isNameFinderWindow(AdaptiveFeatureGenerator generator) {
        if (!(generator instanceof WindowFeatureGenerator)
                || !generator.toString().endsWith(": Prev window size: " + WINDOW + ", Next window size: " + WINDOW)) {
            return false;
        }
        try {
            Field wrapped = WindowFeatureGenerator.class.getDeclaredField("generator");
            wrapped.setAccessible(true);
            return wrapped.get(generator) instanceof AdditionalContextFeatureGenerator;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the wrapped generator is {@link TokenFeatureMemo}'s (tests: the shipped model's must be). */
    boolean memoized() {
        return wrapped instanceof TokenFeatureMemo.Memoized;
    }

    /** Whether the window of extra features is made here (tests: the shipped model's name finders must). */
    boolean makesWindow() {
        return window;
    }

    @Override
    public void updateAdaptiveData(String[] tokens, String[] outcomes) {
        wrapped.updateAdaptiveData(tokens, outcomes);
    }

    /** Also forgets the last extra features, so that an array the caller refills is read again. */
    @Override
    public void clearAdaptiveData() {
        lastContext = null;
        lastForms = NO_FORMS;
        wrapped.clearAdaptiveData();
    }

    @Override
    public String[] getContext(int index, String[] tokens, String[] preds, Object[] additionalContext) {
        String[] own = wrapped.getContext(index, tokens, preds, additionalContext);
        if (!window) {
            return own;
        }
        String[][][] perToken = formsOf(additionalContext, tokens.length);
        int tail = preds != null ? OUTCOME_FEATURES : 0;
        int count = own.length;
        if (perToken.length > 0) {
            count += perToken[index].length;
            for (int k = 1; k <= WINDOW; k++) {
                if (index - k >= 0) {
                    count += perToken[index - k].length;
                }
                if (index + k < tokens.length) {
                    count += perToken[index + k].length;
                }
            }
        }
        String[] features = new String[count];
        int n = own.length - tail;
        System.arraycopy(own, 0, features, 0, n);
        if (perToken.length > 0) {
            n = add(features, n, perToken[index], 0);
            for (int k = 1; k <= WINDOW && index - k >= 0; k++) {
                n = add(features, n, perToken[index - k], k);
            }
            for (int k = 1; k <= WINDOW && index + k < tokens.length; k++) {
                n = add(features, n, perToken[index + k], WINDOW + k);
            }
        }
        System.arraycopy(own, own.length - tail, features, n, tail);
        return features;
    }

    /** Adds form {@code form} of each of a token's feature values. */
    private static int add(String[] features, int n, String[][] values, int form) {
        for (String[] forms : values) {
            features[n++] = forms[form];
        }
        return n;
    }

    /**
     * Each token's extra feature values as their forms; empty when there are none (OpenNLP's
     * generator adds nothing for a null or empty array). Worked out once per token sequence.
     */
    private String[][][] formsOf(Object[] additionalContext, int tokens) {
        if (additionalContext == lastContext) {
            return lastForms;
        }
        String[][][] perToken;
        if (additionalContext == null || additionalContext.length == 0) {
            perToken = NO_FORMS;
        } else {
            String[][] values = (String[][]) additionalContext;
            perToken = new String[values.length][][];
            if (forms.size() > MAX_VALUES) {
                forms.clear();
            }
            for (int t = 0; t < values.length; t++) {
                perToken[t] = new String[values[t].length][];
                for (int v = 0; v < values[t].length; v++) {
                    perToken[t][v] = forms.computeIfAbsent(values[t][v], WindowedNameContextGenerator::formsOf);
                }
            }
            if (perToken.length < tokens) {
                // OpenNLP's generator would fail reading past the end: fail the same way, not quietly.
                throw new ArrayIndexOutOfBoundsException("extra features for " + perToken.length + " of " + tokens + " tokens");
            }
        }
        lastContext = additionalContext;
        lastForms = perToken;
        return perToken;
    }

    /** A value's window forms, as OpenNLP writes them. */
    private static String[] formsOf(String value) {
        String[] out = new String[1 + 2 * WINDOW];
        out[0] = "ne=" + value;
        for (int k = 1; k <= WINDOW; k++) {
            out[k] = "p" + k + "ne=" + value;
            out[WINDOW + k] = "n" + k + "ne=" + value;
        }
        return out;
    }
}

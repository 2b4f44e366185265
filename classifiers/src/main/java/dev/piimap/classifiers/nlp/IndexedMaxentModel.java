package dev.piimap.classifiers.nlp;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;

import java.util.Map;

/**
 * A GIS maxent model evaluated with a faster feature lookup, giving exactly the probabilities of the
 * model it is built from. OpenNLP looks each feature string up in a {@code LinkedHashMap} whose bins,
 * for the name finder's 85,000 similar feature strings ({@code n1ne=s3=aat}), degrade into trees; and
 * each known feature then costs several more dependent reads (its {@code Context}, that context's
 * outcomes and parameters). The name finder evaluates about seventy features a token, scattered over
 * the whole model, so those reads miss the cache and were most of its cost.
 *
 * <p>Here a probe reads one slot of a {@code long} table (the feature's hash and where its row
 * starts), then the row: the feature's length and characters (four to a {@code long}), which confirm
 * the match, then its parameters for every outcome, zero where OpenNLP's context has none: two
 * memory reads for a known feature. Before that, each thread looks in a small table of the features
 * it met recently ({@link Recent}), which holds most of them: the same few thousand (the window of
 * gazetteer features, common words) make most contexts. The sum is OpenNLP's: the uniform prior's
 * log, plus each known feature's parameters in context order, then {@link StrictMath#exp} and
 * division by their sum. Adding a zero leaves a sum unchanged (no sum here
 * is negative zero: each starts at the prior's negative log), so the probabilities are bit for bit
 * those of {@link GISModel#eval(String[], double[])}. Thread-safe, like the model it wraps.
 */
final class IndexedMaxentModel implements MaxentModel {
    private final MaxentModel original;
    /** Per slot: the feature's hash in the high half, the start of its row plus one in the low half; 0 is empty. */
    private final long[] slots;
    private final int mask;
    /**
     * The rows, one after another. A row is the feature's length, then its characters four to a
     * {@code long} (the first in the low bits), then its parameters by outcome.
     */
    private final long[] rows;
    private final int outcomes;
    /** The uniform prior's log, OpenNLP's {@code UniformPrior} value: {@code log(1 / outcomes)}. */
    private final double logPrior;
    /** Each thread's recently looked-up features. */
    private final ThreadLocal<Recent> recent;

    /** @param model a GIS model as OpenNLP reads it (uniform prior); see {@link #supports} */
    IndexedMaxentModel(AbstractModel model) {
        if (!supports(model)) {
            throw new IllegalArgumentException("not a GIS maxent model: " + model.getClass().getName());
        }
        this.original = model;
        Object[] data = model.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> features = (Map<String, Context>) data[1];
        this.outcomes = ((String[]) data[2]).length;
        UniformPrior uniform = new UniformPrior();
        uniform.setLabels((String[]) data[2], null);
        double[] prior = new double[outcomes];
        uniform.logPrior(prior, new int[0]);
        this.logPrior = prior[0];
        this.recent = ThreadLocal.withInitial(() -> new Recent(outcomes));

        int capacity = Integer.highestOneBit(Math.max(4, features.size() * 2 - 1)) << 1;
        this.slots = new long[capacity];
        this.mask = capacity - 1;
        long size = 0;
        for (String feature : features.keySet()) {
            size += 1 + chunks(feature.length()) + outcomes;
        }
        if (size >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a model of " + features.size() + " features is too large to index");
        }
        this.rows = new long[(int) size];
        int at = 0;
        for (Map.Entry<String, Context> e : features.entrySet()) {
            String feature = e.getKey();
            int start = at;
            rows[at++] = feature.length();
            for (int k = 0; k < feature.length(); k += 4) {
                rows[at++] = packed(feature, k);
            }
            int[] active = e.getValue().getOutcomes();
            double[] parameters = e.getValue().getParameters();
            for (int a = 0; a < active.length; a++) {
                rows[at + active[a]] = Double.doubleToRawLongBits(parameters[a]);
            }
            at += outcomes;
            int hash = feature.hashCode();
            int slot = slot(hash);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = ((long) hash << 32) | (start + 1);
        }
    }

    /** How many {@code long}s hold {@code length} characters, four to one. */
    private static int chunks(int length) {
        return (length + 3) >>> 2;
    }

    /** Characters {@code k} to {@code k + 3} of {@code s} (those that exist), the first in the low bits. */
    private static long packed(String s, int k) {
        long chunk = 0;
        int end = Math.min(s.length(), k + 4);
        for (int j = end - 1; j >= k; j--) {
            chunk = chunk << 16 | s.charAt(j);
        }
        return chunk;
    }

    /** Whether {@code model} is a GIS maxent model, the kind this class evaluates. */
    static boolean supports(AbstractModel model) {
        return model instanceof GISModel && model.getModelType() == AbstractModel.ModelType.Maxent;
    }

    @Override
    public double[] eval(String[] context) {
        return eval(context, new double[outcomes]);
    }

    /** As {@link GISModel#eval(String[], double[])}: features the model does not know are left out. */
    @Override
    public double[] eval(String[] context, double[] probabilities) {
        for (int o = 0; o < outcomes; o++) {
            probabilities[o] = logPrior;
        }
        Recent recent = this.recent.get();
        double[] parameters = recent.parameters;
        for (String feature : context) {
            int at = recent.slotOf(feature, this);
            if (at >= 0) {
                for (int o = 0; o < outcomes; o++) {
                    probabilities[o] += parameters[at + o];
                }
            }
        }
        double normal = 0.0;
        for (int o = 0; o < outcomes; o++) {
            probabilities[o] = StrictMath.exp(probabilities[o]);
            normal += probabilities[o];
        }
        for (int o = 0; o < outcomes; o++) {
            probabilities[o] /= normal;
        }
        return probabilities;
    }

    /** Weighted features are rare (the name finder never uses them): the wrapped model evaluates them. */
    @Override
    public double[] eval(String[] context, float[] values) {
        return original.eval(context, values);
    }

    @Override
    public String getBestOutcome(double[] outcomes) {
        return original.getBestOutcome(outcomes);
    }

    @Override
    public String getAllOutcomes(double[] outcomes) {
        return original.getAllOutcomes(outcomes);
    }

    @Override
    public String getOutcome(int i) {
        return original.getOutcome(i);
    }

    @Override
    public int getIndex(String outcome) {
        return original.getIndex(outcome);
    }

    @Override
    public int getNumOutcomes() {
        return original.getNumOutcomes();
    }

    /** Where {@code feature}'s parameters start in {@link #rows}, or -1 when the model does not know it. */
    private int rowOf(String feature) {
        if (feature == null) {
            return -1;
        }
        int hash = feature.hashCode();
        int slot = slot(hash);
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int start = (int) entry - 1;
                if (sameChars(feature, start)) {
                    return start + 1 + chunks(feature.length());
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Whether the row starting at {@code start} is {@code feature}'s. */
    private boolean sameChars(String feature, int start) {
        int length = feature.length();
        if (rows[start] != length) {
            return false;
        }
        for (int k = 0, at = start + 1; k < length; k += 4, at++) {
            if (rows[at] != packed(feature, k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A thread's recently looked-up features and their rows, one per slot by hash: the few thousand
     * features that make most of the name finder's contexts (its window of gazetteer features, common
     * words) are found in a table small enough to stay in the processor's cache, not in the model's
     * megabytes. A slot is trusted only for an equal string (usually the same one).
     */
    private static final class Recent {
        private static final int SIZE = 4096;
        private final int outcomes;
        private final String[] features = new String[SIZE];
        /** Per slot, whether the model knows its feature. */
        private final boolean[] known = new boolean[SIZE];
        /** Per slot, its feature's parameters by outcome. */
        final double[] parameters;

        Recent(int outcomes) {
            this.outcomes = outcomes;
            this.parameters = new double[SIZE * outcomes];
        }

        /** Where {@code feature}'s parameters start in {@link #parameters}; -1 when the model does not know it. */
        int slotOf(String feature, IndexedMaxentModel model) {
            if (feature == null) {
                return -1;
            }
            int hash = feature.hashCode();
            int slot = (hash ^ (hash >>> 12)) & (SIZE - 1);
            String seen = features[slot];
            if (seen != feature && !feature.equals(seen)) {
                int row = model.rowOf(feature);
                features[slot] = feature;
                known[slot] = row >= 0;
                for (int o = 0; row >= 0 && o < outcomes; o++) {
                    parameters[slot * outcomes + o] = Double.longBitsToDouble(model.rows[row + o]);
                }
            }
            return known[slot] ? slot * outcomes : -1;
        }
    }

    private int slot(int hash) {
        // String hashes of similar short strings differ mostly in their low bits: spread them over the table.
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}

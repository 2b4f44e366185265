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
 * outcomes and parameters). The name finder evaluates about forty features a token, scattered over
 * the whole model, so those reads miss the cache and were most of its cost.
 *
 * <p>Here a probe reads one slot of a {@code long} table (the feature's hash and entry number), then
 * the entry's row: the feature's parameters for every outcome, zero where OpenNLP's context has none,
 * and the offset of the feature's characters in one shared pool, which confirm the match. The sum is
 * OpenNLP's: the uniform prior's log, plus each known feature's parameters in context order, then
 * {@link StrictMath#exp} and division by their sum. Adding a zero leaves a sum unchanged (no sum here
 * is negative zero: each starts at the prior's negative log), so the probabilities are bit for bit
 * those of {@link GISModel#eval(String[], double[])}. Immutable and thread-safe, like the model it wraps.
 */
final class IndexedMaxentModel implements MaxentModel {
    private final MaxentModel original;
    /** Per slot: the feature's hash in the high half, its entry number plus one in the low half; 0 is empty. */
    private final long[] slots;
    private final int mask;
    /** Per entry, {@link #row} longs: the pool offset of its characters, then its parameters by outcome. */
    private final long[] rows;
    private final int row;
    /** Every feature's length (one char) followed by its characters. */
    private final char[] pool;
    private final int outcomes;
    /** The uniform prior's log, OpenNLP's {@code UniformPrior} value: {@code log(1 / outcomes)}. */
    private final double logPrior;

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

        int capacity = Integer.highestOneBit(Math.max(4, features.size() * 2 - 1)) << 1;
        this.slots = new long[capacity];
        this.mask = capacity - 1;
        this.row = 1 + outcomes;
        this.rows = new long[features.size() * row];
        StringBuilder chars = new StringBuilder();
        int entry = 0;
        for (Map.Entry<String, Context> e : features.entrySet()) {
            String feature = e.getKey();
            if (feature.length() > Character.MAX_VALUE) {
                throw new IllegalArgumentException("a feature of " + feature.length() + " characters is too long to index");
            }
            int base = entry * row;
            rows[base] = chars.length();
            chars.append((char) feature.length()).append(feature);
            int[] active = e.getValue().getOutcomes();
            double[] parameters = e.getValue().getParameters();
            for (int a = 0; a < active.length; a++) {
                rows[base + 1 + active[a]] = Double.doubleToRawLongBits(parameters[a]);
            }
            int hash = feature.hashCode();
            int slot = slot(hash);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = ((long) hash << 32) | (entry + 1);
            entry++;
        }
        this.pool = chars.toString().toCharArray();
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
        for (String feature : context) {
            int base = rowOf(feature);
            if (base >= 0) {
                for (int o = 0; o < outcomes; o++) {
                    probabilities[o] += Double.longBitsToDouble(rows[base + 1 + o]);
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

    /** The start of {@code feature}'s row in {@link #rows}, or -1 when the model does not know it. */
    private int rowOf(String feature) {
        if (feature == null) {
            return -1;
        }
        int hash = feature.hashCode();
        int slot = slot(hash);
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int base = ((int) entry - 1) * row;
                if (sameChars(feature, (int) rows[base])) {
                    return base;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private boolean sameChars(String feature, int offset) {
        int length = feature.length();
        if (pool[offset] != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (pool[offset + 1 + k] != feature.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int slot(int hash) {
        // String hashes of similar short strings differ mostly in their low bits: spread them over the table.
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}

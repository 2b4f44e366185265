package dev.piimap.classifiers.nlp;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.EvalParameters;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A GIS maxent model evaluated with a faster feature lookup, giving exactly the probabilities of the
 * model it is built from. OpenNLP looks each feature string up in a {@code LinkedHashMap} whose bins,
 * for the name finder's 85,000 similar feature strings ({@code n1ne=s3=aat}), degrade into trees: that
 * lookup was most of the name finder's cost. Here the features sit in an open-addressing table with a
 * mixed hash; the parameters, the uniform prior and the summation ({@link GISModel#eval(int[], double[],
 * EvalParameters)}) are OpenNLP's own. Immutable and thread-safe, like the model it wraps.
 */
final class IndexedMaxentModel implements MaxentModel {
    private final MaxentModel original;
    private final String[] keys;
    /** Each key's hash, compared before the key itself: most probes then touch no String. */
    private final int[] hashes;
    private final int[] indexes;
    private final int mask;
    private final EvalParameters parameters;
    private final UniformPrior prior = new UniformPrior();

    /** @param model a GIS model as OpenNLP reads it (uniform prior); see {@link #supports} */
    IndexedMaxentModel(AbstractModel model) {
        if (!supports(model)) {
            throw new IllegalArgumentException("not a GIS maxent model: " + model.getClass().getName());
        }
        this.original = model;
        Object[] data = model.getDataStructures();
        Context[] params = (Context[]) data[0];
        @SuppressWarnings("unchecked")
        Map<String, Context> features = (Map<String, Context>) data[1];
        String[] outcomes = (String[]) data[2];
        Map<Context, Integer> position = new IdentityHashMap<>(params.length * 2);
        for (int i = 0; i < params.length; i++) {
            position.put(params[i], i);
        }
        int capacity = Integer.highestOneBit(Math.max(4, features.size() * 2 - 1)) << 1;
        this.keys = new String[capacity];
        this.hashes = new int[capacity];
        this.indexes = new int[capacity];
        this.mask = capacity - 1;
        features.forEach((feature, context) -> {
            Integer index = position.get(context);
            if (index == null) {
                throw new IllegalArgumentException("the feature " + feature + " has parameters outside the model's");
            }
            int slot = slot(feature);
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = feature;
            hashes[slot] = feature.hashCode();
            indexes[slot] = index;
        });
        this.parameters = new EvalParameters(params, outcomes.length);
        prior.setLabels(outcomes, null);
    }

    /** Whether {@code model} is a GIS maxent model, the kind this class evaluates. */
    static boolean supports(AbstractModel model) {
        return model instanceof GISModel && model.getModelType() == AbstractModel.ModelType.Maxent;
    }

    @Override
    public double[] eval(String[] context) {
        return eval(context, new double[parameters.getNumOutcomes()]);
    }

    /** As {@link GISModel#eval(String[], double[])}: features the model does not know are left out. */
    @Override
    public double[] eval(String[] context, double[] probabilities) {
        int[] known = new int[context.length];
        int n = 0;
        for (String feature : context) {
            int index = indexOf(feature);
            if (index >= 0) {
                known[n++] = index;
            }
        }
        prior.logPrior(probabilities, known);
        return GISModel.eval(n == known.length ? known : Arrays.copyOf(known, n), probabilities, parameters);
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

    private int indexOf(String feature) {
        if (feature == null) {
            return -1;
        }
        int hash = feature.hashCode();
        int slot = slot(hash);
        String key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == hash && key.equals(feature)) {
                return indexes[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(String feature) {
        return slot(feature.hashCode());
    }

    private int slot(int hash) {
        // String hashes of similar short strings differ mostly in their low bits: spread them over the table.
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}

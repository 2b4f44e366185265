package dev.piimap.classifiers.nlp;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The shipped name-finder model as OpenNLP reads it, whose name finders evaluate the maxent model
 * through an {@link IndexedMaxentModel}: the same probabilities, found faster. A model of another kind
 * (not GIS maxent) is used as it is. The beam size is the model's, as OpenNLP reads it.
 */
final class ShippedNameFinderModel extends TokenNameFinderModel {
    /** OpenNLP's name for the model artifact in a name-finder model. */
    static final String MODEL_ENTRY = "nameFinder.model";

    private final MaxentModel indexed;
    private final int beamSize;
    private final TokenNameFinderFactory windowed;

    ShippedNameFinderModel(InputStream in) throws IOException {
        super(in);
        Object model = getArtifact(MODEL_ENTRY);
        this.indexed = model instanceof AbstractModel m && IndexedMaxentModel.supports(m) ? new IndexedMaxentModel(m) : null;
        String beam = getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
        this.beamSize = beam == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam);
        TokenNameFinderFactory original = super.getFactory();
        Supplier<NameContextGenerator> contexts = TokenFeatureMemo.ifSame(original::createContextGenerator);
        this.windowed = new TokenNameFinderFactory() {
            @Override
            public SequenceCodec<String> createSequenceCodec() {
                return original.createSequenceCodec();
            }

            @Override
            public NameContextGenerator createContextGenerator() {
                return new WindowedNameContextGenerator(contexts.get());
            }

            @Override
            public AdaptiveFeatureGenerator createFeatureGenerators() {
                return original.createFeatureGenerators();
            }
        };
    }

    /** A beam search over the indexed model (one per name finder: OpenNLP's beam search keeps scratch arrays). */
    @Override
    public SequenceClassificationModel getNameFinderSequenceModel() {
        // Null while the superclass constructor validates the model, and for models of another kind.
        return indexed == null ? super.getNameFinderSequenceModel() : new BeamSearch(beamSize, indexed);
    }

    /**
     * The model's factory, whose context generators give OpenNLP's features built once per value: the
     * window of extra features ({@link WindowedNameContextGenerator}) and, when they match the model's own,
     * the descriptor's generators with each token's features made once ({@link TokenFeatureMemo}).
     * {@code NameFinderME} asks it for its sequence codec and context generator only.
     */
    @Override
    public TokenNameFinderFactory getFactory() {
        TokenNameFinderFactory factory = super.getFactory();
        // Null while the superclass constructor validates the model.
        return windowed == null ? factory : windowed;
    }

    /** Whether the name finders of this model use the indexed maxent model (tests). */
    boolean indexed() {
        return indexed != null;
    }
}

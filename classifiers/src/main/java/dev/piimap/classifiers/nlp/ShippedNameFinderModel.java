package dev.piimap.classifiers.nlp;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

import java.io.IOException;
import java.io.InputStream;

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

    ShippedNameFinderModel(InputStream in) throws IOException {
        super(in);
        Object model = getArtifact(MODEL_ENTRY);
        this.indexed = model instanceof AbstractModel m && IndexedMaxentModel.supports(m) ? new IndexedMaxentModel(m) : null;
        String beam = getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
        this.beamSize = beam == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam);
    }

    /** A beam search over the indexed model (one per name finder: OpenNLP's beam search keeps scratch arrays). */
    @Override
    public SequenceClassificationModel getNameFinderSequenceModel() {
        // Null while the superclass constructor validates the model, and for models of another kind.
        return indexed == null ? super.getNameFinderSequenceModel() : new BeamSearch(beamSize, indexed);
    }

    /** Whether the name finders of this model use the indexed maxent model (tests). */
    boolean indexed() {
        return indexed != null;
    }
}

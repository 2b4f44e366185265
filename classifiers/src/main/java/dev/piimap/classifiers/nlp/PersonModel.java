package dev.piimap.classifiers.nlp;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

import java.io.IOException;
import java.io.InputStream;

/**
 * The shipped person name-finder model ({@value #RESOURCE}), trained by {@code TrainPersonModel} (see
 * classifiers/README.md). Loaded once per JVM on first use; each thread gets its own
 * {@link NameFinderME} (which is not thread-safe) over the one shared model.
 */
final class PersonModel {
    static final String RESOURCE = "nlp/person-name-finder.bin";
    static final String REGENERATE = "./mvnw -pl classifiers -q test-compile exec:java -Dexec.classpathScope=test"
            + " -Dexec.mainClass=dev.piimap.classifiers.nlp.TrainPersonModel";

    private PersonModel() {
    }

    private static final LazyResource<TokenNameFinderModel> MODEL = new LazyResource<>(PersonModel::load);
    private static final ThreadLocal<NameFinderME> FINDER = ThreadLocal.withInitial(() -> new NameFinderME(MODEL.get()));

    /** This thread's name finder. @throws IllegalStateException when the model is missing or unreadable */
    static NameFinderME finder() {
        return FINDER.get();
    }

    /** The shared model (tests). */
    static TokenNameFinderModel model() {
        return MODEL.get();
    }

    /** Fails fast, at detector construction, when the model is not packaged at all. */
    static void requirePresent() {
        if (PersonModel.class.getClassLoader().getResource(RESOURCE) == null) {
            throw new IllegalStateException(missing());
        }
    }

    private static TokenNameFinderModel load() {
        InputStream in = PersonModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(missing());
        }
        try (in) {
            return new ShippedNameFinderModel(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the person name model " + RESOURCE + " could not be loaded ("
                    + e.getMessage() + "): it is corrupt or from an incompatible OpenNLP version; regenerate it with "
                    + REGENERATE, e);
        }
    }

    private static String missing() {
        return "the person name model " + RESOURCE + " is not on the class path: the classifiers jar is incomplete;"
                + " rebuild it, or regenerate the model with " + REGENERATE;
    }
}

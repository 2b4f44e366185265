package dev.piimap.classifiers.nlp;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Regenerates the shipped NLP resources: the name gazetteer ({@link NameLexicon#GAZETTEER}) and the
 * person name-finder model ({@link PersonModel#RESOURCE}), from a corpus generated with a fixed seed
 * ({@link TrainingTemplates}). Single-threaded maxent with fixed parameters, so a rerun gives the same
 * weights. Run from the repository root (command in classifiers/README.md); writes into
 * {@code classifiers/src/main/resources/nlp/} and the corpus to {@code classifiers/target/nlp/}.
 */
public final class TrainPersonModel {
    static final long SEED = 20261129L;
    static final int SAMPLES = 16000;
    static final double RANDOM_SHARE = 0.3;
    static final double PAIR_SHARE = 0.15;
    /** Share of training people with invented names (no gazetteer entry). */
    static final double INVENTED_SHARE = 0.15;
    /** Every n-th training sample has the gazetteer tags of its names hidden, as for names no list knows. */
    static final int HIDE_GAZETTEER_EVERY = 4;
    static final int ITERATIONS = 120;
    static final int CUTOFF = 5;
    static final int BEAM_SIZE = 1;

    private TrainPersonModel() {
    }

    public static void main(String[] args) throws IOException {
        Path module = Files.isDirectory(Path.of("classifiers", "src", "main")) ? Path.of("classifiers") : Path.of(".");
        Path resources = module.resolve("src/main/resources");
        long started = System.nanoTime();

        byte[] gazetteer = GazetteerBuilder.gzipped(GazetteerBuilder.build());
        Files.createDirectories(resources.resolve("nlp"));
        Files.write(resources.resolve(NameLexicon.GAZETTEER), gazetteer);
        NameLexicon lexicon = NameLexicon.read(new ByteArrayInputStream(gazetteer));

        List<String> corpus = nameSamples(new CorpusGenerator(SEED, lexicon, INVENTED_SHARE).generate(TrainingTemplates.ALL, SAMPLES, RANDOM_SHARE, PAIR_SHARE));
        Path corpusFile = module.resolve("target/nlp/person-train.txt");
        Files.createDirectories(corpusFile.getParent());
        Files.write(corpusFile, corpus, StandardCharsets.UTF_8);

        TokenNameFinderModel model = train(corpus, lexicon);
        Path modelFile = resources.resolve(PersonModel.RESOURCE);
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            model.serialize(out);
        }
        System.out.printf("gazetteer %s: %d bytes; corpus %s: %d samples; model %s: %d bytes; %.1f s%n",
                resources.resolve(NameLexicon.GAZETTEER), gazetteer.length, corpusFile, corpus.size(), modelFile,
                Files.size(modelFile), (System.nanoTime() - started) / 1e9);
    }

    /** Name-sample lines of the samples whose names fall on token boundaries. */
    static List<String> nameSamples(List<Sample> samples) {
        List<String> lines = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            String line = CorpusGenerator.toNameSample(s);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    static TrainingParameters parameters() {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        p.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        p.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        p.put(TrainingParameters.THREADS_PARAM, 1);
        // Greedy decoding: three times faster than OpenNLP's default beam of 3, at no measurable F1 cost here.
        p.put(BeamSearch.BEAM_SIZE_PARAMETER, BEAM_SIZE);
        return p;
    }

    /** Removes the given- and family-name tags inside the names, so the model also learns names from context. */
    static void hideNameTags(String[][] features, Span[] names) {
        for (Span name : names) {
            for (int t = name.getStart(); t < name.getEnd(); t++) {
                features[t] = Arrays.stream(features[t]).filter(tag -> !tag.equals("g") && !tag.equals("f")).toArray(String[]::new);
            }
        }
    }

    static TokenNameFinderModel train(List<String> nameSampleLines, NameLexicon lexicon) throws IOException {
        List<NameSample> samples = new ArrayList<>(nameSampleLines.size());
        for (int i = 0; i < nameSampleLines.size(); i++) {
            NameSample parsed = NameSample.parse(nameSampleLines.get(i), CorpusGenerator.PERSON_TYPE, true);
            String[][] tags = lexicon.tags(parsed.getSentence());
            if (i % HIDE_GAZETTEER_EVERY == 0) {
                hideNameTags(tags, parsed.getNames());
            }
            String[][] features = NameLexicon.withContext(parsed.getSentence(), tags);
            samples.add(new NameSample(parsed.getSentence(), parsed.getNames(), features, true));
        }
        try (ObjectStream<NameSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
            return NameFinderME.train("en", CorpusGenerator.PERSON_TYPE, stream, parameters(),
                    new TokenNameFinderFactory(null, Map.of(), new BioCodec()));
        }
    }
}

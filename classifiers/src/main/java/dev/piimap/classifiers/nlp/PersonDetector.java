package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Finding;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds person names (CONTRACT section 4: given and family names and initials as written, titles
 * excluded). Three steps, each only where the one before found something:
 * <ol>
 *   <li>{@link PersonCandidates}: capitalised known names, titles, labels, initials, capitalised pairs;
 *       text with none (e.g. no upper-case letter at all) never reaches the model;</li>
 *   <li>the regions around them are tokenized ({@link NameTokenizer}) and tagged by the shipped
 *       OpenNLP maxent name finder ({@link PersonModel}) with gazetteer features ({@link NameLexicon});</li>
 *   <li>{@link PersonSpans} fixes each span's boundaries, drops what is no person (organisations,
 *       places, codes) and scores it from the model probability, the gazetteer and context; spans under
 *       {@value #MIN_SCORE} are dropped;</li>
 *   <li>{@link RepeatedNames} adds the other occurrences of confidently found names in the same text.</li>
 * </ol>
 * Thread-safe: one name finder per thread over one model. The model and gazetteer load on first use;
 * a missing model fails construction, an unreadable one fails every call with the same message.
 */
public final class PersonDetector implements Detector {
    public static final String ID = "person";
    static final double MIN_SCORE = 0.5;

    private static final LongAdder MODEL_RUNS = new LongAdder();

    private final double minScore;

    public PersonDetector() {
        this(MIN_SCORE);
    }

    /** A detector keeping spans scoring at least {@code minScore} (tests and tuning look below the default). */
    PersonDetector(double minScore) {
        PersonModel.requirePresent();
        this.minScore = minScore;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EntityType type() {
        return EntityType.PERSON;
    }

    @Override
    public List<String> columnNameHints() {
        return List.of("firstname", "lastname", "fullname", "surname", "forename", "givenname", "familyname",
                "contactname", "customername", "personname", "maidenname", "middlename", "vorname", "nachname",
                "prenom", "apellido", "cognome");
    }

    @Override
    public List<Finding> detect(CharSequence text) {
        if (text == null || text.length() == 0) {
            return List.of();
        }
        NameLexicon lexicon = NameLexicon.shipped();
        List<int[]> regions = PersonCandidates.regions(text, lexicon);
        if (regions.isEmpty()) {
            return List.of();
        }
        MODEL_RUNS.increment();
        NameFinderME finder = PersonModel.finder();
        List<Finding> findings = new ArrayList<>();
        for (int[] region : regions) {
            NameTokenizer.Tokens tokens = NameTokenizer.tokenize(text, region[0], region[1]);
            if (tokens.size() == 0) {
                continue;
            }
            String[] words = tokens.tokens();
            finder.clearAdaptiveData();
            Span[] spans = finder.find(words, lexicon.features(words));
            double[] probabilities = finder.probs(spans);
            for (int k = 0; k < spans.length; k++) {
                int start = spans[k].getStart();
                double probability = probabilities[k];
                // The greedy decoder sometimes starts a name twice (Claudia | Bellini): adjacent spans are one name.
                while (k + 1 < spans.length && spans[k + 1].getStart() == spans[k].getEnd()) {
                    probability = Math.min(probability, probabilities[k + 1]);
                    k++;
                }
                Finding f = PersonSpans.finding(tokens, start, spans[k].getEnd(), probability, lexicon, minScore);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return findings.isEmpty() ? findings : RepeatedNames.withRepeats(text, findings, lexicon);
    }

    /** How often {@link #detect} has run the model in this JVM (for tests: text without candidates must not). */
    static long modelRuns() {
        return MODEL_RUNS.sum();
    }
}

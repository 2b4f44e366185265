package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds person names (CONTRACT section 4: given and family names and initials as written, titles
 * excluded). Three steps, each only where the one before found something:
 * <ol>
 *   <li>{@link PersonCandidates}: capitalised known names, titles, labels, initials, capitalised pairs;
 *       text with none (e.g. no upper-case letter at all) never reaches the model;</li>
 *   <li>the regions around them are tokenized ({@link NameTokenizer}) and tagged by the shipped
 *       OpenNLP maxent name finder ({@link PersonModel}) with gazetteer features ({@link NameLexicon});</li>
 *   <li>each span loses leading titles and edge punctuation, is dropped when it ends in or precedes an
 *       organisation or street word ({@code Industries}, {@code Street}), and is scored: the model probability,
 *       times {@code 0.8 + 0.2 * gazetteer agreement} (share of its words that are known names), plus
 *       {@value #CONTEXT_BOOST} for context (a title or a label such as {@code Name:} or {@code Dear}
 *       just before), at most 1; spans under {@value #MIN_SCORE} are dropped.</li>
 * </ol>
 * Thread-safe: one name finder per thread over one model. The model and gazetteer load on first use;
 * a missing model fails construction, an unreadable one fails every call with the same message.
 */
public final class PersonDetector implements Detector {
    public static final String ID = "person";
    static final double MIN_SCORE = 0.5;
    /** Share of the model probability that depends on gazetteer agreement. */
    static final double GAZETTEER_SHARE = 0.2;
    static final double CONTEXT_BOOST = 0.12;
    /** How many tokens before a name are searched for a label. */
    static final int LABEL_WINDOW = 4;

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
                Finding f = finding(tokens, spans[k].getStart(), spans[k].getEnd(), probabilities[k], lexicon, minScore);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return findings;
    }

    /** How often {@link #detect} has run the model in this JVM (for tests: text without candidates must not). */
    static long modelRuns() {
        return MODEL_RUNS.sum();
    }

    private static Finding finding(NameTokenizer.Tokens tokens, int start, int end, double probability, NameLexicon lexicon,
            double minScore) {
        String[] words = tokens.tokens();
        List<String> context = new ArrayList<>(2);
        int s = start;
        int e = end;
        for (int k = s; k < e; k++) {
            if (words[k].equals(NameTokenizer.NEWLINE)) {
                e = k;
                break;
            }
        }
        while (s < e && (NameLexicon.isStrippedTitle(words[s].toLowerCase(Locale.ROOT)) || !startsWithLetter(words[s]))) {
            s++;
        }
        while (e > s && !startsWithLetter(words[e - 1])) {
            e--;
        }
        if (s >= e || isNonPersonHead(words[e - 1]) || e < words.length && isNonPersonHead(words[e])) {
            return null;
        }
        double evidence = 0;
        int counted = 0;
        boolean upper = false;
        for (int k = s; k < e; k++) {
            String w = words[k];
            if (!startsWithLetter(w)) {
                continue;
            }
            upper |= Character.isUpperCase(w.charAt(0));
            if (isInitial(w) || NameLexicon.PARTICLES.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            evidence += lexicon.nameEvidence(w);
            counted++;
        }
        if (!upper && counted == 0) {
            return null;
        }
        double gazetteer = counted == 0 ? 0 : evidence / counted;
        for (int k = Math.max(0, s - LABEL_WINDOW); k < s; k++) {
            String bare = NameLexicon.stripPeriod(words[k].toLowerCase(Locale.ROOT));
            boolean adjacentTitle = NameLexicon.TITLES.contains(bare) && k >= s - 2;
            if (adjacentTitle || NameLexicon.STRONG_LABELS.contains(bare)) {
                context.add(bare);
            }
        }
        double score = probability * (1 - GAZETTEER_SHARE + GAZETTEER_SHARE * gazetteer) + (context.isEmpty() ? 0 : CONTEXT_BOOST);
        score = Math.min(1.0, Math.max(0.0, score));
        if (score < minScore) {
            return null;
        }
        Evidence why = new Evidence("name-finder", gazetteer > 0 ? "gazetteer" : null, context, probability, score);
        return new Finding(EntityType.PERSON, tokens.starts()[s], tokens.ends()[e - 1], score, ID, why);
    }

    private static boolean isNonPersonHead(String token) {
        return NameLexicon.NON_PERSON_HEADS.contains(NameLexicon.stripPeriod(token.toLowerCase(Locale.ROOT)));
    }

    private static boolean startsWithLetter(String token) {
        return Character.isLetter(token.charAt(0));
    }

    private static boolean isInitial(String token) {
        return token.length() <= 2 && Character.isUpperCase(token.charAt(0)) && (token.length() == 1 || token.charAt(1) == '.');
    }
}

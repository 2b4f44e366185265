package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Examination;
import dev.piimap.classifiers.detect.Finding;
import dev.piimap.classifiers.mask.Masker;
import dev.piimap.classifiers.mask.SubjectTypes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates the findings of one free-text asset (a file, an attachment) fed in chunks, into one
 * {@link TypeSummary} per type found. Not thread-safe: one instance per asset. Chunks are classified
 * independently, so a caller splitting a long text should split at whitespace. Keeps counts, scores
 * and one masked sample per type; never the matched text.
 *
 * <p>Confidence is the best finding's score, raised towards 1 by further findings of the type
 * (each repeat closes {@value #REPEAT_GAIN_PERCENT}% of the remaining gap, up to {@value #MAX_REPEATS}
 * findings): many matches make presence more certain, but never more than the evidence allows.
 *
 * <p>With a {@link SubjectCollector}, every finding of an indexed type also goes to the asset's subject index
 * with the key {@code line N}: the 1-based line of the text fed so far (chunks are one text; lines are counted
 * by the line feeds passed, once per chunk).
 */
public final class TextSummarizer {
    static final int REPEAT_GAIN_PERCENT = 15;
    static final int MAX_REPEATS = 20;
    private static final int MAX_CONTEXT_WORDS = 5;

    private static final class Tally {
        long count;
        long rejected;
        double bestScore = -1;
        String sample;
        String validator;
        final Set<String> contextWords = new LinkedHashSet<>();
        final Map<String, Long> byDetector = new java.util.TreeMap<>();
    }

    private final Classifier classifier;
    private final SubjectCollector subjects;
    private final Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
    private long characters;
    /** The line the next chunk starts on. */
    private long line = 1;

    public TextSummarizer(Classifier classifier) {
        this(classifier, null);
    }

    /** @param subjects the asset's subject index, or null to keep none */
    public TextSummarizer(Classifier classifier, SubjectCollector subjects) {
        this.classifier = java.util.Objects.requireNonNull(classifier, "classifier");
        this.subjects = subjects;
    }

    /** Classifies one chunk and adds its findings. Null and empty chunks add nothing. */
    public void add(CharSequence chunk) {
        if (chunk == null || chunk.length() == 0) {
            return;
        }
        characters += chunk.length();
        Examination examination = classifier.examine(chunk);
        for (Finding f : examination.findings()) {
            Tally t = tallies.computeIfAbsent(f.type(), k -> new Tally());
            t.count++;
            t.byDetector.merge(f.detector(), 1L, Long::sum);
            if (f.evidence() != null) {
                if (t.validator == null) {
                    t.validator = f.evidence().validator();
                }
                for (String w : f.evidence().contextHits()) {
                    if (t.contextWords.size() < MAX_CONTEXT_WORDS) {
                        t.contextWords.add(w);
                    }
                }
            }
            if (f.score() > t.bestScore) {
                t.bestScore = f.score();
                t.sample = Masker.mask(f.type(), chunk.subSequence(f.start(), f.end()).toString());
            }
        }
        examination.rejectedCandidates().forEach((type, n) -> {
            Tally t = tallies.get(type);
            if (t != null) {
                t.rejected += n;
            }
        });
        if (subjects != null) {
            index(chunk, examination.findings());
        }
    }

    /** Feeds the chunk's indexed findings to the subject index with their lines, and moves past the chunk. */
    private void index(CharSequence chunk, List<Finding> findings) {
        List<Finding> indexed = new ArrayList<>();
        for (Finding f : findings) {
            if (SubjectTypes.isIndexed(f.type())) {
                indexed.add(f);
            }
        }
        indexed.sort(java.util.Comparator.comparingInt(Finding::start));
        int position = 0;
        for (Finding f : indexed) {
            line += lineFeeds(chunk, position, f.start());
            position = f.start();
            subjects.add(f.type(), chunk.subSequence(f.start(), f.end()).toString(), "line " + line);
        }
        line += lineFeeds(chunk, position, chunk.length());
    }

    private static int lineFeeds(CharSequence text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** One summary per type found, in {@link EntityType} order. */
    public List<TypeSummary> result() {
        List<TypeSummary> out = new ArrayList<>();
        tallies.forEach((type, t) -> out.add(new TypeSummary(type, t.count, confidence(t), t.sample,
                explanation(type, t), mostFrequent(t.byDetector))));
        return out;
    }

    private static double confidence(Tally t) {
        int repeats = (int) Math.min(t.count, MAX_REPEATS) - 1;
        double gap = (1 - t.bestScore) * Math.pow(1 - REPEAT_GAIN_PERCENT / 100.0, repeats);
        return Math.max(0, Math.min(1, 1 - gap));
    }

    private String explanation(EntityType type, Tally t) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s in %,d characters; the strongest scores %.2f",
                TypeNames.counted(t.count, type), characters, t.bestScore));
        List<String> why = new ArrayList<>();
        if (t.validator != null) {
            why.add("validated by " + t.validator);
        }
        if (!t.contextWords.isEmpty()) {
            why.add("context: " + String.join(", ", t.contextWords));
        }
        if (!why.isEmpty()) {
            s.append(" (").append(String.join("; ", why)).append(')');
        }
        if (t.rejected > 0) {
            s.append(String.format(Locale.ROOT, "; %,d more candidate%s failed %s", t.rejected, t.rejected == 1 ? "" : "s",
                    t.validator == null ? "validation" : t.validator));
        }
        if (subjects != null) {
            s.append(subjects.truncationNote(type));
        }
        return s.toString();
    }

    static String mostFrequent(Map<String, Long> counts) {
        String best = null;
        long bestCount = -1;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}

package dev.piimap.classifiers;

import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Examination;
import dev.piimap.classifiers.detect.Finding;
import dev.piimap.classifiers.detect.Overlaps;
import dev.piimap.classifiers.detect.TextIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detection entry point: runs a set of detectors over a text and returns their findings in
 * order of start offset, with overlaps resolved (see {@link Overlaps}: the higher score, then the
 * longer span, wins, so an IBAN's digits are not also reported as a phone number). Immutable and
 * thread-safe; {@link #defaults()} is shared by the whole JVM.
 */
public final class Classifier {
    private static final Comparator<Finding> BY_POSITION =
            Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end);

    private final List<Detector> detectors;
    private final Set<EntityType> reported;
    private final double minScore;

    private Classifier(List<Detector> detectors, Set<EntityType> reported, double minScore) {
        this.detectors = List.copyOf(detectors);
        this.reported = reported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reported));
        this.minScore = minScore;
    }

    private static final class Defaults {
        static final Classifier INSTANCE = of(BuiltInDetectors.load());
    }

    /**
     * Every built-in detector ({@code detectors/*.yaml} and the Java detectors listed in
     * {@code BuiltInDetectors}, e.g. {@code person} and {@code street-address}), built once per JVM. NLP
     * models load on first use, not here.
     *
     * @throws IllegalStateException when a shipped spec is invalid or a shipped model is missing (a build defect)
     */
    public static Classifier defaults() {
        return Defaults.INSTANCE;
    }

    /** A classifier running exactly {@code detectors}, reporting every type they find. */
    public static Classifier of(List<Detector> detectors) {
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        detectors.forEach(d -> types.add(d.type()));
        return new Classifier(detectors, types, 0.0);
    }

    /**
     * A classifier that reports only findings of {@code types}. The detectors of other types still
     * run, so that their stronger matches keep suppressing overlapping weaker ones: asking for phone
     * numbers does not turn an IBAN's digits into a phone number.
     */
    public Classifier restrictTo(Set<EntityType> types) {
        return new Classifier(detectors, types, minScore);
    }

    /** A classifier that drops findings scoring below {@code threshold} (after overlaps are resolved). */
    public Classifier withMinScore(double threshold) {
        if (Double.isNaN(threshold) || threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("minimum score is " + threshold + ": use a number in [0, 1]");
        }
        return new Classifier(detectors, reported, threshold);
    }

    /** The detectors whose types this classifier reports. */
    public List<Detector> detectors() {
        return detectors.stream().filter(d -> reported.contains(d.type())).toList();
    }

    /** All findings in {@code text} with score at least the minimum, ordered by start then end. Never throws. */
    public List<Finding> detect(CharSequence text) {
        return examine(text).findings();
    }

    /**
     * Like {@link #detect}, and also counts per reported type the candidates that had the right shape
     * but failed validation (see {@link Detector#examine}). Never throws: a detector that fails
     * unexpectedly contributes nothing.
     */
    public Examination examine(CharSequence text) {
        if (text == null || text.length() == 0 || reported.isEmpty()) {
            return Examination.empty();
        }
        List<Finding> all = new ArrayList<>();
        Map<EntityType, Integer> rejected = null;
        TextIndex index = TextIndex.of(text);
        for (Detector d : detectors) {
            try {
                Examination e = d.examine(index);
                all.addAll(e.findings());
                for (Map.Entry<EntityType, Integer> r : e.rejectedCandidates().entrySet()) {
                    if (reported.contains(r.getKey())) {
                        rejected = rejected == null ? new EnumMap<>(EntityType.class) : rejected;
                        rejected.merge(r.getKey(), r.getValue(), Integer::sum);
                    }
                }
            } catch (RuntimeException e) {
                // A faulty plug-in detector must not fail the scan; its findings are lost, not the text's others.
            }
        }
        if (all.isEmpty() && rejected == null) {
            return Examination.empty();
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : Overlaps.resolve(all)) {
            if (f.score() >= minScore && reported.contains(f.type())) {
                kept.add(f);
            }
        }
        kept.sort(BY_POSITION);
        return new Examination(kept, rejected == null ? Map.of() : rejected);
    }

    @Override
    public String toString() {
        return "Classifier[" + detectors().stream().map(Detector::id).toList() + ", minScore=" + minScore + "]";
    }
}

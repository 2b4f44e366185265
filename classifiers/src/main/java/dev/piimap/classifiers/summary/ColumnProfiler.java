package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Examination;
import dev.piimap.classifiers.detect.Finding;
import dev.piimap.classifiers.mask.Masker;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines the sampled values of one database column into one verdict per entity type found. Not
 * thread-safe: one instance per column. Keeps counts, scores and one masked sample per type; never
 * a raw value.
 *
 * <p>Each value is classified with the column name in front of it as context (so a column
 * {@code ssn} of plain nine-digit numbers is recognised, and scores get the context boost). The
 * verdict's confidence combines:
 * <ul>
 *   <li>the mean best score of the values holding the type;</li>
 *   <li>the share of non-empty values holding it: a handful of matches in a free-text column still
 *       yields a verdict, with a confidence around a third of the score;</li>
 *   <li>the validator pass rate: when most values of the right shape fail the checksum (16-digit ids
 *       of which one in ten passes Luhn), confidence drops with its square root;</li>
 *   <li>a bonus of up to {@value #NAME_HINT_BONUS} when the column name suggests the type.</li>
 * </ul>
 * With a {@link SubjectCollector}, every finding of an indexed type also goes to the column's subject index,
 * with the row key the caller gives for the value.
 *
 * <p><b>Parts.</b> A column read in parts (key ranges of one table, each in its own task) is profiled by one
 * profiler per part; {@link #merge} folds a later part's tallies into an earlier one's, so the merged verdicts
 * are exactly those one profiler fed every part's values in part order would give: counts and score sums
 * add up (scores are summed exactly, so the order of the additions does not matter), the masked sample is
 * the first part's unless a later part scored strictly higher, and the validator name is the first one seen. Serializable for
 * that: the classifier is not shipped, so a deserialized profiler can be merged and asked for its verdicts
 * but not {@linkplain #add fed} (the subject index travels with it, see {@link SubjectCollector}).
 */
public final class ColumnProfiler implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Share of values at which coverage stops adding confidence. */
    static final double FULL_COVERAGE = 0.8;
    /** Fraction of the score kept however few values match. */
    static final double FLOOR = 0.4;
    static final double NAME_HINT_BONUS = 0.15;
    /** Below this many matching values explanations give a count ("3 of 1,000"), above it a percentage. */
    static final int COUNT_VS_PERCENT = 20;

    private static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        long valuesWith;
        long wholeValues;
        long matches;
        long rejectedValues;
        /** Exact, so that the sum of parts' sums equals the sum of all values whatever the grouping. */
        BigDecimal scoreSum = BigDecimal.ZERO;
        double bestScore = -1;
        String sample;
        String validator;
        final Map<String, Long> byDetector = new TreeMap<>();

        /** Adds the tally of values read after this one's. */
        void merge(Tally later) {
            valuesWith += later.valuesWith;
            wholeValues += later.wholeValues;
            matches += later.matches;
            rejectedValues += later.rejectedValues;
            scoreSum = scoreSum.add(later.scoreSum);
            if (later.bestScore > bestScore) {
                bestScore = later.bestScore;
                sample = later.sample;
            }
            if (validator == null) {
                validator = later.validator;
            }
            later.byDetector.forEach((detector, n) -> byDetector.merge(detector, n, Long::sum));
        }
    }

    /** Values up to this long have their examination remembered: the short, repeated values of categorical columns. */
    static final int MEMO_MAX_VALUE_LENGTH = 64;
    /** Distinct values remembered per profiler (least recently used go first), so the memo stays small. */
    static final int MEMO_ENTRIES = 256;

    /** Null after deserialization: such a profiler is merged and summarised, never fed. */
    private final transient Classifier classifier;
    /**
     * The examination of recent short values. The classifier is deterministic and the text it sees is always the
     * column's context prefix plus the value, so a repeated value (a status, a country, a currency) needs no second
     * examination. Only what the classifier computes is reused: every value is still counted and its findings
     * still go to the subject index with its own row key. Never serialized; raw values stay in this task's memory.
     */
    private transient Map<String, Examination> memo;
    private final String columnName;
    private final String sqlType;
    private final String contextPrefix;
    private final Map<EntityType, List<String>> hintsByType;
    private final Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
    private final SubjectCollector subjects;
    private long values;

    /**
     * @param columnName the column's name (hints and context); may be null
     * @param sqlType    the column's SQL type as the database reports it; may be null
     */
    public ColumnProfiler(Classifier classifier, String columnName, String sqlType) {
        this(classifier, columnName, sqlType, null);
    }

    /**
     * @param subjects the column's subject index (shared by every profiler of one column), or null to keep none
     */
    public ColumnProfiler(Classifier classifier, String columnName, String sqlType, SubjectCollector subjects) {
        this.classifier = java.util.Objects.requireNonNull(classifier, "classifier");
        this.subjects = subjects;
        this.columnName = columnName;
        this.sqlType = sqlType;
        String words = columnName == null ? "" : ColumnNameHints.asText(columnName);
        this.contextPrefix = words.isEmpty() ? "" : words + ": ";
        this.hintsByType = new EnumMap<>(EntityType.class);
        for (Detector d : classifier.detectors()) {
            hintsByType.computeIfAbsent(d.type(), t -> new ArrayList<>()).addAll(d.columnNameHints());
        }
    }

    private ColumnProfiler(ColumnProfiler like, SubjectCollector subjects) {
        this.classifier = like.classifier;
        this.subjects = subjects;
        this.columnName = like.columnName;
        this.sqlType = like.sqlType;
        this.contextPrefix = like.contextPrefix;
        this.hintsByType = like.hintsByType;
    }

    /**
     * A profiler of the same column and settings that has seen no value yet and sends its findings to
     * {@code subjects} (null: none): where a merge puts a later part that the earlier parts had no profiler for.
     */
    public ColumnProfiler emptyCopy(SubjectCollector subjects) {
        return new ColumnProfiler(this, subjects);
    }

    /**
     * Adds the tallies of {@code later}, a profiler of the same column fed the values that come after this
     * one's (the next key range of the table), so that this profiler's verdicts become those of a single
     * profiler fed both parts in order (see the class comment). {@code later} is left as it was. The subject
     * index is not touched: merge the parts' {@link SubjectCollector}s with {@link SubjectCollector#merge}.
     *
     * @return this profiler
     */
    public ColumnProfiler merge(ColumnProfiler later) {
        if (later == this) {
            throw new IllegalArgumentException("a profiler cannot be merged with itself");
        }
        values += later.values;
        later.tallies.forEach((type, t) -> tallies.computeIfAbsent(type, k -> new Tally()).merge(t));
        return this;
    }

    /** Adds one sampled value; null and blank values count as empty and are not classified. */
    public void add(String value) {
        add(value, null);
    }

    /**
     * Adds one sampled value from the row {@code rowKey} (the subject index's key for identifiers found in it;
     * null when the row has none). Null and blank values count as empty and are not classified.
     */
    public void add(String value, String rowKey) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (classifier == null) {
            throw new IllegalStateException("a deserialized profiler can be merged and summarised, not fed values");
        }
        values++;
        String text = contextPrefix + value;
        int offset = contextPrefix.length();
        int wholeStart = offset + (value.length() - value.stripLeading().length());
        int wholeEnd = offset + value.stripTrailing().length();
        Examination examination = examined(value, text);
        Map<EntityType, Finding> bestInValue = new EnumMap<>(EntityType.class);
        Map<EntityType, Boolean> whole = new EnumMap<>(EntityType.class);
        for (Finding f : examination.findings()) {
            if (f.start() < offset) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(f.type(), k -> new Tally());
            t.matches++;
            t.byDetector.merge(f.detector(), 1L, Long::sum);
            if (subjects != null) {
                subjects.add(f.type(), text.substring(f.start(), f.end()), rowKey);
            }
            if (t.validator == null && f.evidence() != null) {
                t.validator = f.evidence().validator();
            }
            bestInValue.merge(f.type(), f, (a, b) -> b.score() > a.score() ? b : a);
            if (f.start() == wholeStart && f.end() == wholeEnd) {
                whole.put(f.type(), true);
            }
        }
        bestInValue.forEach((type, f) -> {
            Tally t = tallies.get(type);
            t.valuesWith++;
            t.scoreSum = t.scoreSum.add(new BigDecimal(f.score()));
            if (whole.containsKey(type)) {
                t.wholeValues++;
            }
            if (f.score() > t.bestScore) {
                t.bestScore = f.score();
                t.sample = Masker.mask(type, text.substring(f.start(), f.end()));
            }
        });
        examination.rejectedCandidates().forEach((type, n) -> {
            if (!bestInValue.containsKey(type)) {
                tallies.computeIfAbsent(type, k -> new Tally()).rejectedValues++;
            }
        });
    }

    /** The examination of {@code text} (the prefix plus {@code value}), remembered for short values. */
    private Examination examined(String value, String text) {
        if (value.length() > MEMO_MAX_VALUE_LENGTH) {
            return classifier.examine(text);
        }
        if (memo == null) {
            memo = new java.util.LinkedHashMap<>(MEMO_ENTRIES * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Examination> eldest) {
                    return size() > MEMO_ENTRIES;
                }
            };
        }
        Examination known = memo.get(value);
        if (known == null) {
            known = classifier.examine(text);
            memo.put(value, known);
        }
        return known;
    }

    /** One verdict per type found in at least one value, in {@link EntityType} order. */
    public List<TypeSummary> verdicts() {
        List<TypeSummary> out = new ArrayList<>();
        tallies.forEach((type, t) -> {
            if (t.valuesWith > 0) {
                String hint = ColumnNameHints.matching(columnName, hintsByType.getOrDefault(type, List.of()));
                out.add(new TypeSummary(type, t.matches, confidence(t, hint != null), t.sample,
                        explanation(type, t, hint), TextSummarizer.mostFrequent(t.byDetector)));
            }
        });
        return out;
    }

    private double confidence(Tally t, boolean nameHint) {
        double meanScore = t.scoreSum.doubleValue() / t.valuesWith;
        double coverage = Math.sqrt(Math.min(1.0, (double) t.valuesWith / values / FULL_COVERAGE));
        double passRate = (double) t.valuesWith / (t.valuesWith + t.rejectedValues);
        double confidence = meanScore * (FLOOR + (1 - FLOOR) * coverage) * Math.sqrt(passRate)
                + (nameHint ? NAME_HINT_BONUS * coverage : 0);
        return Math.max(0, Math.min(1, confidence));
    }

    private String explanation(EntityType type, Tally t, String hint) {
        StringBuilder s = new StringBuilder(amount(t.valuesWith));
        boolean mostlyWhole = t.wholeValues * 2 >= t.valuesWith;
        if (mostlyWhole && t.valuesWith == 1) {
            s.append(t.validator != null ? " is a valid " + TypeNames.singular(type)
                    : " is shaped like " + TypeNames.withArticle(type));
        } else if (mostlyWhole) {
            s.append(t.validator != null ? " are valid " : " are shaped like ").append(TypeNames.plural(type));
        } else {
            s.append(t.valuesWith == 1 ? " contains " : " contain ").append(t.valuesWith == 1
                    ? TypeNames.withArticle(type) : TypeNames.plural(type)).append(" inside longer text");
        }
        if (t.rejectedValues > 0) {
            s.append(String.format(Locale.ROOT, "; %,d more had the shape but failed %s", t.rejectedValues,
                    t.validator == null ? "validation" : t.validator));
        }
        if (hint != null) {
            s.append("; column name '").append(columnName).append('\'');
        }
        if (subjects != null) {
            s.append(subjects.truncationNote(type));
        }
        if (isNumericSqlType()) {
            s.append("; stored as ").append(sqlType);
        }
        return s.toString();
    }

    /** "97% of 1,000 sampled values" or, for few matches, "3 of 1,000 sampled values". */
    private String amount(long matching) {
        if (matching == values) {
            return String.format(Locale.ROOT, values == 1 ? "The only sampled value" : "All %,d sampled values", values);
        }
        if (matching < COUNT_VS_PERCENT) {
            return String.format(Locale.ROOT, "%,d of %,d sampled values", matching, values);
        }
        return String.format(Locale.ROOT, "%d%% of %,d sampled values", (long) Math.floor(100.0 * matching / values), values);
    }

    private boolean isNumericSqlType() {
        if (sqlType == null) {
            return false;
        }
        String t = sqlType.toLowerCase(Locale.ROOT);
        return t.contains("int") || t.startsWith("numeric") || t.startsWith("decimal") || t.startsWith("number");
    }
}

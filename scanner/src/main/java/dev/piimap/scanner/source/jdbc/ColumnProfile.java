package dev.piimap.scanner.source.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.summary.ColumnProfiler;
import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.classifiers.summary.TypeSummary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classification of one column: plain values go to one {@link ColumnProfiler}, JSON leaves to one
 * profiler per JSON path (named {@code column.key.key}, so the keys act as column-name context), and
 * the verdicts are merged into one per entity type. A merged verdict takes the confidence, sample and
 * detector of its strongest part, sums the counts, and its explanation names where the type was found
 * ({@code ...; found at $.contact.email}). With a subject index, identifiers found go to it keyed by the row
 * key set for the current row ({@link #rowKey}), plus {@code at <path>} for JSON leaves ({@code id=7 at $.contact.email}).
 * Not thread-safe; holds no raw value.
 *
 * <p>A column read in key ranges has one profile per part; {@link #merge} folds the next part's into this one
 * so the verdicts are those of one read of both (see {@link ColumnProfiler#merge}). Serializable for that,
 * without its classifier: a deserialized profile is merged and summarised, not fed.
 */
final class ColumnProfile implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Distinct JSON paths profiled per column; leaves under further paths share one profile. */
    static final int MAX_PATHS = 100;
    /** Paths named in an explanation; the rest are counted. */
    static final int PATHS_NAMED = 3;
    static final String OTHER_PATHS = "$..*";
    static final String WHOLE_VALUE = "the whole value";

    private final transient Classifier classifier;
    private final String column;
    private final String sqlType;
    private final SubjectCollector subjects;
    private final Map<String, ColumnProfiler> byPath = new LinkedHashMap<>();
    private ColumnProfiler whole;
    private boolean padded;
    private String rowKey;

    ColumnProfile(Classifier classifier, String column, String sqlType) {
        this(classifier, column, sqlType, null);
    }

    /** @param subjects the column's subject index, or null to keep none */
    ColumnProfile(Classifier classifier, String column, String sqlType, SubjectCollector subjects) {
        this.classifier = classifier;
        this.column = column;
        this.sqlType = sqlType;
        this.subjects = subjects;
    }

    /** The key of the row whose values come next (null: unknown), for the subject index. */
    void rowKey(String key) {
        rowKey = key;
    }

    /** A text value; one that holds a JSON object or array is walked leaf by leaf. */
    void addText(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        JsonNode json = JsonLeaves.parseContainer(value);
        if (json != null) {
            addJson(json);
        } else {
            addPlain(value);
        }
    }

    /** A value of a JSON column; text that is not JSON after all is classified as it is. */
    void addJsonText(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        JsonNode json = JsonLeaves.parse(value);
        if (json != null) {
            addJson(json);
        } else {
            addPlain(value);
        }
    }

    void addPlain(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (whole == null) {
            whole = new ColumnProfiler(classifier, column, sqlType, subjects);
        }
        whole.add(value, rowKey);
    }

    /** A number: its digits when {@code kind} names an identifier, else its plain decimal text. */
    void addNumber(BigDecimal value, NumericIdentifiers kind) {
        if (value == null) {
            return;
        }
        NumericIdentifiers.Digits digits = kind.digits(value);
        if (digits != null) {
            padded |= digits.padded();
            addPlain(digits.text());
        } else {
            addPlain(value.toPlainString());
        }
    }

    private void addJson(JsonNode json) {
        JsonLeaves.walk(json, new JsonLeaves.Visitor() {
            @Override
            public void string(String path, String keys, String value) {
                if (!value.isBlank()) {
                    profilerAt(path, keys).add(value, keyAt(path));
                }
            }

            @Override
            public void number(String path, String keys, String key, BigDecimal value) {
                NumericIdentifiers kind = NumericIdentifiers.of(key);
                NumericIdentifiers.Digits digits = kind == NumericIdentifiers.NONE ? null : kind.digits(value);
                if (digits != null) {
                    padded |= digits.padded();
                    profilerAt(path, keys).add(digits.text(), keyAt(path));
                }
            }
        });
    }

    private String keyAt(String path) {
        return rowKey == null ? null : rowKey + " at " + path;
    }

    private ColumnProfiler profilerAt(String path, String keys) {
        ColumnProfiler p = byPath.get(path);
        if (p != null) {
            return p;
        }
        if (byPath.size() >= MAX_PATHS) {
            return byPath.computeIfAbsent(OTHER_PATHS, k -> new ColumnProfiler(classifier, column, sqlType, subjects));
        }
        p = new ColumnProfiler(classifier, keys.isEmpty() ? column : column + "." + keys, sqlType, subjects);
        byPath.put(path, p);
        return p;
    }

    /**
     * Adds {@code later}, the profile of the same column over the rows read after this one's (the table's next
     * key range), whose subject index has already been merged into this one's ({@link SubjectCollector#merge}).
     * Paths this profile has not seen are added after its own while it has room for {@value #MAX_PATHS}; beyond,
     * their tallies join {@value #OTHER_PATHS} (one read would have classified those values under that path's
     * name, the only case where the merge differs from one read). {@code later} is not used afterwards.
     *
     * @return this profile
     */
    ColumnProfile merge(ColumnProfile later) {
        padded |= later.padded;
        if (later.whole != null) {
            whole = (whole == null ? later.whole.emptyCopy(subjects) : whole).merge(later.whole);
        }
        later.byPath.forEach((path, theirs) -> {
            ColumnProfiler mine = byPath.get(path);
            if (mine == null && byPath.size() >= MAX_PATHS) {
                mine = byPath.computeIfAbsent(OTHER_PATHS, k -> theirs.emptyCopy(subjects));
            } else if (mine == null) {
                mine = theirs.emptyCopy(subjects);
                byPath.put(path, mine);
            }
            mine.merge(theirs);
        });
        return this;
    }

    private record Part(String where, TypeSummary verdict) {
    }

    /** One verdict per entity type found, in {@link EntityType} order. */
    List<TypeSummary> verdicts() {
        Map<EntityType, List<Part>> byType = new EnumMap<>(EntityType.class);
        if (whole != null) {
            whole.verdicts().forEach(v -> byType.computeIfAbsent(v.type(), t -> new ArrayList<>()).add(new Part(null, v)));
        }
        byPath.forEach((path, profiler) -> profiler.verdicts()
                .forEach(v -> byType.computeIfAbsent(v.type(), t -> new ArrayList<>()).add(new Part(path, v))));
        List<TypeSummary> out = new ArrayList<>();
        byType.forEach((type, parts) -> out.add(merge(type, parts)));
        return out;
    }

    private TypeSummary merge(EntityType type, List<Part> parts) {
        Part best = parts.stream().max(Comparator.comparingDouble((Part p) -> p.verdict().confidence())
                .thenComparingLong(p -> p.verdict().count())).orElseThrow();
        long count = parts.stream().mapToLong(p -> p.verdict().count()).sum();
        StringBuilder explanation = new StringBuilder(best.verdict().explanation());
        if (parts.stream().anyMatch(p -> p.where() != null)) {
            explanation.append("; found at ").append(places(parts));
        }
        if (padded) {
            explanation.append("; numbers padded to 9 digits with leading zeros");
        }
        return new TypeSummary(type, count, best.verdict().confidence(), best.verdict().sample(), explanation.toString(),
                best.verdict().detector());
    }

    /** "$.a, $.b and 4 more paths", most matches first. */
    private static String places(List<Part> parts) {
        List<String> names = parts.stream()
                .sorted(Comparator.comparingLong((Part p) -> -p.verdict().count()))
                .map(p -> p.where() == null ? WHOLE_VALUE : p.where())
                .toList();
        int shown = Math.min(PATHS_NAMED, names.size());
        String list = String.join(", ", names.subList(0, shown));
        int more = names.size() - shown;
        return more == 0 ? list : list + " and " + more + " more path" + (more == 1 ? "" : "s");
    }
}

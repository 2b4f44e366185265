package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.piimap.classifiers.summary.SubjectCollectorMergeTest.deserialize;
import static dev.piimap.classifiers.summary.SubjectCollectorMergeTest.serialize;
import static dev.piimap.classifiers.summary.SubjectCollectorTest.KEYED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Profiling a column in parts and merging them in order gives exactly the verdicts of one profiler that read
 * every value: counts, confidence (to the last bit), explanation, sample and detector.
 */
class ColumnProfilerMergeTest {
    private static final Classifier CLASSIFIER = Classifier.defaults();

    /** A contact column: e-mail addresses, some cards that fail Luhn, phone numbers inside notes, blanks. */
    private static List<String> values(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(switch (i % 6) {
                case 0 -> "person" + i + "@example.com";
                case 1 -> "call me on +1 415 555 01" + (10 + i % 80) + " after five";
                case 2 -> "4111 1111 1111 11" + (10 + i % 90);
                case 3 -> "";
                case 4 -> "nothing personal here " + i;
                default -> "Mail: someone" + i + "@example.org, thanks";
            });
        }
        return out;
    }

    private static ColumnProfiler profiled(List<String> values, SubjectCollector subjects, int firstKey) {
        ColumnProfiler p = new ColumnProfiler(CLASSIFIER, "contact", "text", subjects);
        for (int i = 0; i < values.size(); i++) {
            p.add(values.get(i), "id=" + (firstKey + i));
        }
        return p;
    }

    @Test
    void mergingTheHalvesGivesTheVerdictsOfTheWhole() {
        List<String> all = values(600);
        SubjectCollector wholeSubjects = new SubjectCollector(KEYED);
        List<TypeSummary> whole = profiled(all, wholeSubjects, 0).verdicts();

        SubjectCollector firstSubjects = new SubjectCollector(KEYED);
        ColumnProfiler first = profiled(all.subList(0, 250), firstSubjects, 0);
        SubjectCollector secondSubjects = new SubjectCollector(KEYED);
        ColumnProfiler second = profiled(all.subList(250, 600), secondSubjects, 250);
        firstSubjects.merge(secondSubjects);

        assertThat(whole).hasSizeGreaterThanOrEqualTo(3);
        assertThat(first.merge(second).verdicts()).isEqualTo(whole);
        assertThat(firstSubjects.subjects()).isEqualTo(wholeSubjects.subjects());
    }

    @Test
    void mergingManyUnevenPartsInOrderGivesTheVerdictsOfTheWhole() {
        List<String> all = values(500);
        List<TypeSummary> whole = profiled(all, null, 0).verdicts();
        int[] cuts = {0, 3, 90, 91, 300, 500};

        ColumnProfiler merged = null;
        for (int p = 0; p + 1 < cuts.length; p++) {
            ColumnProfiler part = profiled(all.subList(cuts[p], cuts[p + 1]), null, cuts[p]);
            merged = merged == null ? part : merged.merge(part);
        }

        assertThat(merged.verdicts()).isEqualTo(whole);
    }

    @Test
    void anEmptyFirstPartTakesTheSampleOfTheNextAndAnEmptyCopyMergesLikeTheOriginal() {
        List<String> all = values(120);
        ColumnProfiler whole = profiled(all, null, 0);
        ColumnProfiler empty = new ColumnProfiler(CLASSIFIER, "contact", "text");

        assertThat(empty.merge(profiled(all, null, 0)).verdicts()).isEqualTo(whole.verdicts());
        assertThat(whole.emptyCopy(null).merge(whole).verdicts()).isEqualTo(whole.verdicts());
    }

    @Test
    void aDeserializedProfilerMergesAndSummarisesButCannotBeFed() throws Exception {
        List<String> all = values(200);
        List<TypeSummary> whole = profiled(all, null, 0).verdicts();
        ColumnProfiler first = profiled(all.subList(0, 80), null, 0);
        ColumnProfiler shipped = deserialize(serialize(profiled(all.subList(80, 200), null, 80)));

        assertThat(first.merge(shipped).verdicts()).isEqualTo(whole);
        assertThatThrownBy(() -> shipped.add("x@example.com")).isInstanceOf(IllegalStateException.class);
    }
}

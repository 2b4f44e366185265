package dev.piimap.classifiers.eval;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.piimap.classifiers.EntityType.EMAIL_ADDRESS;
import static dev.piimap.classifiers.EntityType.IBAN;
import static dev.piimap.classifiers.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluatorTest {
    /** Reports every match of a regex as {@code type}, scored 0.5 unless the match starts with '!'. */
    private record RegexDetector(String id, EntityType type, Pattern pattern) implements Detector {
        @Override
        public List<Finding> detect(CharSequence text) {
            List<Finding> out = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                double score = text.charAt(m.start()) == '!' ? 0.9 : 0.5;
                out.add(new Finding(type, m.start(), m.end(), score, id, new Evidence("p", null, List.of(), score, score)));
            }
            return out;
        }
    }

    // "Names" are words starting with '#'; e-mails are "x@y"; IBANs are runs of 'I'.
    private static final Classifier FAKE = Classifier.of(List.of(
            new RegexDetector("person", PERSON, Pattern.compile("!?#[a-z]+")),
            new RegexDetector("email", EMAIL_ADDRESS, Pattern.compile("[a-z]+@[a-z]+")),
            new RegexDetector("iban", IBAN, Pattern.compile("I{4,}"))));

    private static LabelledRecord record(String text, GoldSpan... spans) {
        return new LabelledRecord(null, text, List.of(spans), false);
    }

    @Test
    void countsTruePositivesFalsePositivesAndFalseNegativesPerType() {
        List<LabelledRecord> records = List.of(
                // "#ann" found exactly; "jo@ex" found; the gold e-mail "bo@ex" in the next record is missed (written "bo at ex").
                record("#ann wrote to jo@ex", new GoldSpan(PERSON, 0, 4), new GoldSpan(EMAIL_ADDRESS, 14, 19)),
                record("reply bo at ex", new GoldSpan(EMAIL_ADDRESS, 6, 14)),
                // gold covers "IIII IIII" (9 characters); each of the two findings "IIII" covers 4 of them: under half, no match.
                record("IBAN IIII IIII", new GoldSpan(IBAN, 5, 14)),
                // an extra "#bob" with no label: a false positive.
                record("hello #bob", new GoldSpan(EMAIL_ADDRESS, 0, 5)));
        EvalReport report = new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 1).evaluate(records);

        assertThat(report.perType().get(PERSON)).isEqualTo(new TypeCounts(1, 2, 1, 0));
        assertThat(report.perType().get(EMAIL_ADDRESS)).isEqualTo(new TypeCounts(3, 1, 1, 0));
        TypeCounts iban = report.perType().get(IBAN);
        assertThat(iban.gold()).isEqualTo(1);
        assertThat(iban.found()).isEqualTo(2);
        assertThat(iban.truePositives()).isZero();
        assertThat(report.perType().get(PERSON).precision()).isEqualTo(0.5);
        assertThat(report.perType().get(EMAIL_ADDRESS).recall()).isEqualTo(1.0 / 3);
        assertThat(report.micro()).isEqualTo(new TypeCounts(5, 5, 2, 0));
    }

    @Test
    void exactMatchingNeedsIdenticalOffsets() {
        List<LabelledRecord> records = List.of(record("x !#ann y", new GoldSpan(PERSON, 3, 7)));
        assertThat(new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 1).evaluate(records).perType().get(PERSON).truePositives()).isEqualTo(1);
        assertThat(new Evaluator(FAKE, Set.of(), SpanMatching.EXACT, 1).evaluate(records).perType().get(PERSON).truePositives()).isZero();
    }

    @Test
    void findingsInNegativeRecordsAreCountedPerType() {
        List<LabelledRecord> records = List.of(
                new LabelledRecord("n1", "sku #abc and IIIII", List.of(), true),
                new LabelledRecord("n2", "empty spans count as negative: #def", List.of(), false),
                new LabelledRecord("n3", "clean", List.of(), true),
                record("#eve", new GoldSpan(PERSON, 0, 4)));
        EvalReport report = new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 1).evaluate(records);

        assertThat(report.negativeRecords()).isEqualTo(3);
        assertThat(report.negativeRecordsWithFindings()).isEqualTo(2);
        assertThat(report.perType().get(PERSON)).isEqualTo(new TypeCounts(1, 3, 1, 2));
        assertThat(report.perType().get(IBAN)).isEqualTo(new TypeCounts(0, 1, 0, 1));
        assertThat(report.perType().get(IBAN).recall()).isNaN();
        assertThat(report.perType().get(IBAN).f1()).isZero();
    }

    @Test
    void typesLimitGoldAndFindingsAndListEveryRequestedType() {
        List<LabelledRecord> records = List.of(record("#ann jo@ex", new GoldSpan(PERSON, 0, 4), new GoldSpan(EMAIL_ADDRESS, 5, 10)));
        EvalReport report = new Evaluator(FAKE, Set.of(EMAIL_ADDRESS, IBAN), SpanMatching.OVERLAP, 1).evaluate(records);

        assertThat(report.perType()).containsOnlyKeys(EMAIL_ADDRESS, IBAN);
        assertThat(report.perType().get(EMAIL_ADDRESS)).isEqualTo(new TypeCounts(1, 1, 1, 0));
        assertThat(report.perType().get(IBAN)).isEqualTo(TypeCounts.ZERO);
    }

    @Test
    void macroAveragesTypesWithGoldSpansCountingUndefinedPrecisionAsZero() {
        List<LabelledRecord> records = List.of(
                record("#ann", new GoldSpan(PERSON, 0, 4)),          // PERSON: P 1, R 1
                record("nothing here", new GoldSpan(IBAN, 0, 7)));   // IBAN: nothing found, R 0
        EvalReport.MacroAverage macro = new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 1).evaluate(records).macro();
        assertThat(macro.types()).isEqualTo(2);
        assertThat(macro.precision()).isEqualTo(0.5);
        assertThat(macro.recall()).isEqualTo(0.5);
        assertThat(macro.f1()).isEqualTo(0.5);
    }

    @Test
    void sameReportForAnyThreadCountFromAStream() throws Exception {
        StringBuilder corpus = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            String text = "#n" + (char) ('a' + i % 26) + " mail u@h " + "I".repeat(4 + i % 5);
            LabelledRecord r = i % 3 == 0
                    ? new LabelledRecord("r" + i, text, List.of(), true)
                    : record(text, new GoldSpan(PERSON, 0, 3), new GoldSpan(EMAIL_ADDRESS, 9, 12));
            corpus.append(LabelledRecords.toJsonLine(r)).append('\n');
        }
        EvalReport one = new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 1).evaluate(new StringReader(corpus.toString()));
        EvalReport four = new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 4).evaluate(new StringReader(corpus.toString()));
        assertThat(four).isEqualTo(one);
        assertThat(four.table()).isEqualTo(one.table());
        assertThat(four.json()).isEqualTo(one.json());
        assertThat(one.records()).isEqualTo(2_000);
    }

    @Test
    void aMalformedLineStopsTheRunWithItsNumber() {
        String corpus = "{\"text\":\"#ann\"}\n".repeat(300) + "{\"text\":\"#ann\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":5}]}\n";
        assertThatThrownBy(() -> new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 3).evaluate(new StringReader(corpus)))
                .isInstanceOf(MalformedRecordException.class).hasMessageStartingWith("line 301: ");
    }

    @Test
    void tableAndJsonShowCountsScoresAndTheRule() {
        List<LabelledRecord> records = List.of(record("#ann jo@ex", new GoldSpan(PERSON, 0, 4)),
                new LabelledRecord("n", "#bob", List.of(), true));
        EvalReport report = new Evaluator(FAKE, Set.of(), SpanMatching.OVERLAP, 1).evaluate(records);

        assertThat(report.table()).contains("match: overlap >= 50% of the longer span, same type")
                .contains("records: 2 (1 negative, 1 of those with findings)");
        assertThat(report.table().lines()).anySatisfy(l -> assertThat(l.split(" +"))
                .containsExactly("PERSON", "1", "2", "1", "1", "0", "0.500", "1.000", "0.667", "1"));
        assertThat(report.table().lines()).anySatisfy(l -> assertThat(l.split(" +"))
                .containsExactly("EMAIL_ADDRESS", "0", "1", "0", "1", "0", "0.000", "-", "0.000", "0"));
        assertThat(report.json()).contains("\"type\" : \"PERSON\"").contains("\"f1\" : 0.6667").contains("\"recall\" : null")
                .contains("\"negative_findings\" : 1");
    }
}

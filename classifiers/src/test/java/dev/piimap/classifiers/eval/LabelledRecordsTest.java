package dev.piimap.classifiers.eval;

import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelledRecordsTest {
    private static final String SECRET = "Jane Secretname";

    @Test
    void readsRecordsAndSkipsBlankLines() throws Exception {
        String in = "{\"id\":\"a\",\"text\":\"mail jo@example.com\",\"spans\":[{\"type\":\"EMAIL_ADDRESS\",\"start\":5,\"end\":19}]}\n"
                + "\n"
                + "{\"id\":7,\"text\":\"build 2.4.10.3\",\"spans\":[],\"negative\":true}\n"
                + "{\"text\":\"no spans field\"}\n";
        try (LabelledRecords records = LabelledRecords.reading(new StringReader(in))) {
            LabelledRecord a = records.next();
            assertThat(a.id()).isEqualTo("a");
            assertThat(a.spans()).containsExactly(new GoldSpan(EntityType.EMAIL_ADDRESS, 5, 19));
            assertThat(a.isNegative()).isFalse();
            LabelledRecord b = records.next();
            assertThat(b.id()).isEqualTo("7");
            assertThat(b.negative()).isTrue();
            assertThat(records.lineNumber()).isEqualTo(3);
            LabelledRecord c = records.next();
            assertThat(c.id()).isNull();
            assertThat(c.isNegative()).isTrue();
            assertThat(records.next()).isNull();
        }
    }

    @Test
    void writesWhatItReads() {
        LabelledRecord r = new LabelledRecord("x\"1", "tab\there \u00e9 \ud83d\ude00 a@b.io", List.of(new GoldSpan(EntityType.EMAIL_ADDRESS, 14, 20)), false);
        assertThat(LabelledRecords.parse(LabelledRecords.toJsonLine(r), 1)).isEqualTo(r);
        LabelledRecord n = new LabelledRecord("n", "nothing", List.of(), true);
        assertThat(LabelledRecords.toJsonLine(n)).isEqualTo("{\"id\":\"n\",\"text\":\"nothing\",\"spans\":[],\"negative\":true}");
        assertThat(LabelledRecords.parse(LabelledRecords.toJsonLine(n), 1)).isEqualTo(n);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"text\":\"Jane Secretname\" | not valid JSON",
            "[\"Jane Secretname\"] | not a JSON object",
            "{\"id\":\"Jane Secretname\"} | missing \"text\" string",
            "{\"text\":\"Jane Secretname\",\"spans\":{} } | \"spans\" must be an array",
            "{\"text\":\"Jane Secretname\",\"spans\":[{\"type\":\"SHOE_SIZE\",\"start\":0,\"end\":4}]} | spans[0].type 'SHOE_SIZE' is not an entity type",
            "{\"text\":\"Jane Secretname\",\"spans\":[{\"type\":\"PERSON\",\"start\":0}]} | spans[0].end must be a non-negative integer",
            "{\"text\":\"Jane Secretname\",\"spans\":[{\"type\":\"PERSON\",\"start\":-1,\"end\":4}]} | spans[0].start must be a non-negative integer",
            "{\"text\":\"Jane Secretname\",\"spans\":[{\"type\":\"PERSON\",\"start\":4,\"end\":4}]} | spans[0] is empty or reversed: start 4, end 4",
            "{\"text\":\"Jane Secretname\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":99}]} | spans[0].end 99 is past the end of the text (15 characters)",
            "{\"text\":\"Jane Secretname\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":4}],\"negative\":true} | \"negative\": true but 1 spans",
            "{\"text\":\"Jane Secretname\",\"negative\":\"yes\"} | \"negative\" must be true or false",
    })
    void malformedLinesNameTheLineAndTheProblemButNotTheText(String line, String problem) {
        assertThatThrownBy(() -> LabelledRecords.parse(line, 12))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("line 12: ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("Secret"));
    }

    @Test
    void readerReportsTheLineNumberOfTheBadLine() {
        String in = "{\"text\":\"ok\"}\n\n{\"text\":\"Jane Secretname\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":40}]}\n";
        assertThatThrownBy(() -> {
            try (LabelledRecords records = LabelledRecords.reading(new StringReader(in))) {
                while (records.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(MalformedRecordException.class).hasMessageStartingWith("line 3: ")
                .extracting(e -> ((MalformedRecordException) e).lineNumber()).isEqualTo(3L);
    }
}

package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DelimitedHeadersTest {
    private static String headerOf(String text, String value) {
        DelimitedHeaders headers = new DelimitedHeaders(TextIndex.of(text));
        DelimitedHeaders.Column column = headers.columnAt(text.indexOf(value));
        return column == null ? null : text.substring(column.headerStart(), column.headerEnd());
    }

    private static String cellOf(String text, String value) {
        DelimitedHeaders.Column column = new DelimitedHeaders(TextIndex.of(text)).columnAt(text.indexOf(value));
        return column == null ? null : text.substring(column.cellStart(), column.cellEnd());
    }

    @Test
    void findsTheHeaderOfEachColumnOfACsv() {
        String csv = "id,name,date_of_birth,signup_date\n7,Ana,1987-03-02,2024-06-01\n8,Luis,1990-11-02,2023-01-15\n";

        assertThat(headerOf(csv, "1987-03-02")).isEqualTo("date_of_birth");
        assertThat(headerOf(csv, "2024-06-01")).isEqualTo("signup_date");
        assertThat(headerOf(csv, "1990-11-02")).isEqualTo("date_of_birth");
        assertThat(headerOf(csv, "Luis")).isEqualTo("name");
        assertThat(cellOf(csv, "1990-11-02")).isEqualTo("1990-11-02");
    }

    @Test
    void readsTabSemicolonPipeAndMarkdownTables() {
        assertThat(headerOf("name\tGeburtsdatum\nA.\t02.05.1977", "02.05")).isEqualTo("Geburtsdatum");
        assertThat(headerOf("id;dob;created\n7;14.03.1985;2024-01-02", "14.03")).isEqualTo("dob");
        assertThat(headerOf("| Name | Date of birth |\n|---|---|\n| A. | 14 March 1985 |", "14 March")).isEqualTo("Date of birth");
        assertThat(headerOf("a|b\r\nx|0151 2345678\r\n", "0151")).isEqualTo("b");
    }

    @Test
    void ignoresDelimitersInsideQuotes() {
        String csv = "\"note\",\"Mobile\"\n\"call me, please\",\"0151 2345678\"";

        assertThat(headerOf(csv, "0151")).isEqualTo("Mobile");
        assertThat(cellOf(csv, "0151")).isEqualTo("0151 2345678");
    }

    @Test
    void findsTheHeaderThousandsOfRowsAbove() {
        StringBuilder csv = new StringBuilder("id,phone\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",0151 2345678\n");
        }
        csv.append("last,030 901820\n");

        assertThat(headerOf(csv.toString(), "030 901820")).isEqualTo("phone");
    }

    @Test
    void hasNoHeaderOutsideATable() {
        assertThat(headerOf("date of birth 1987-03-02", "1987")).isNull();
        assertThat(headerOf("id,date_of_birth\n7,1987-03-02", "date_of_birth")).as("the header line itself").isNull();
        assertThat(headerOf("id,dob\n\n7,1987-03-02", "1987")).as("after a blank line").isNull();
        assertThat(headerOf("id,dob,x\n7,1987-03-02", "1987")).as("another cell count").isNull();
    }

    @Test
    void needsAFirstLineThatReadsLikeColumnNames() {
        assertThat(headerOf("7,1987-03-02\n8,1990-01-01", "1990")).as("a data row on top").isNull();
        assertThat(headerOf("I was born in 1985, in Leeds\nWe married 2010-06-01, in York", "2010")).as("prose").isNull();
        assertThat(headerOf("Please tell us when you were born, thanks\nOn 2010-06-01, ok", "2010")).as("a sentence").isNull();
        assertThat(headerOf("a@example.com,phone\nx,0151 2345678", "0151")).as("an e-mail address").isNull();
    }

    @Test
    void staysLinearOnAMebibyteOfRowsAndOnOneLongLine() {
        StringBuilder rows = new StringBuilder("id,phone\n");
        while (rows.length() < (1 << 20)) {
            rows.append("1,0151 2345678\n");
        }
        String oneLine = "0151 2345678,".repeat((1 << 20) / 13);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String text : new String[] {rows.toString(), oneLine}) {
                DelimitedHeaders headers = new DelimitedHeaders(TextIndex.of(text));
                for (int at = text.indexOf("0151"); at >= 0; at = text.indexOf("0151", at + 1)) {
                    headers.columnAt(at);
                }
            }
        });
    }

    @Test
    void answersInAnyOrderAsAFreshLookUpDoes() {
        // One instance is shared by the detectors of a text and remembers lines; each answer must be what a
        // fresh instance gives for that position alone.
        Random random = new Random(3);
        String[] lines = {"id,name,phone", "7,Ana,0151 2345678", "8,\"Luis, Jr\",030 901820", "", "a;b;c", "1;2;3",
            "Some prose, with a comma, and more", "date\tvalue", "2024-01-01\t5", "x|y", "|1|2|", "\r"};
        for (int round = 0; round < 200; round++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append(lines[random.nextInt(lines.length)]).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            if (random.nextBoolean() && b.length() > 0) {
                b.setLength(b.length() - 1);
            }
            String text = b.toString();
            DelimitedHeaders shared = new DelimitedHeaders(TextIndex.of(text));
            for (int ask = 0; ask < 3 * text.length(); ask++) {
                int at = random.nextInt(text.length() + 1);
                assertThat(shared.columnAt(at)).as("%d in '%s'", at, text).isEqualTo(new DelimitedHeaders(TextIndex.of(text)).columnAt(at));
            }
        }
    }
}

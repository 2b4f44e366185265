package dev.piimap.classifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> run(String input, boolean showValues, int threads) throws IOException {
        StringWriter out = new StringWriter();
        DetectStream.run(new StringReader(input), out, Classifier.defaults(), showValues, threads);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(out.toString()).endsWith("\n");
        return lines;
    }

    @Test
    void writesTheContractShapeWithoutValues() throws IOException {
        List<JsonNode> out = run("{\"id\": \"doc-1\", \"text\": \"mail me: john.doe@example.com\"}\n", false, 1);

        assertThat(out).hasSize(1);
        JsonNode finding = out.get(0).get("findings").get(0);
        assertThat(out.get(0).get("id").asText()).isEqualTo("doc-1");
        assertThat(finding.get("type").asText()).isEqualTo("EMAIL_ADDRESS");
        assertThat(finding.get("start").asInt()).isEqualTo(9);
        assertThat(finding.get("end").asInt()).isEqualTo(29);
        assertThat(finding.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(finding.get("detector").asText()).isEqualTo("email");
        assertThat(finding.has("text")).isFalse();
        assertThat(out.get(0).toString()).doesNotContain("john.doe");
    }

    @Test
    void addsMatchedTextOnlyWhenAsked() throws IOException {
        List<JsonNode> out = run("{\"id\": \"doc-1\", \"text\": \"SSN: 536-90-4399\"}\n", true, 1);

        assertThat(out.get(0).get("findings").get(0).get("text").asText()).isEqualTo("536-90-4399");
    }

    @Test
    void roundsScoresToTwoDecimals() throws IOException {
        List<JsonNode> out = run("{\"id\": 1, \"text\": \"record 536 90 4399 x 10.0.0.1\"}", false, 1);

        for (JsonNode f : out.get(0).get("findings")) {
            String score = f.get("score").asText();
            assertThat(score.length() - score.indexOf('.') - 1).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void keepsInputOrderWithManyThreads() throws IOException {
        StringBuilder input = new StringBuilder();
        int lines = 2_000;
        for (int i = 0; i < lines; i++) {
            String text = i % 3 == 0 ? "user" + i + "@example.com" : i % 3 == 1 ? "call +1 (202) 456-1111 " + "x".repeat(i % 50) : "nothing here";
            input.append("{\"id\": \"line-").append(i).append("\", \"text\": \"").append(text).append("\"}\n");
        }

        List<JsonNode> out = run(input.toString(), false, 4);

        assertThat(out).hasSize(lines);
        for (int i = 0; i < lines; i++) {
            assertThat(out.get(i).get("id").asText()).isEqualTo("line-" + i);
            assertThat(out.get(i).get("findings")).hasSize(i % 3 == 2 ? 0 : 1);
        }
        assertThat(run(input.toString(), false, 1)).isEqualTo(out);
    }

    @Test
    void malformedLinesGetAnErrorLineAndTheStreamGoesOn() throws IOException {
        String input = String.join("\n",
                "{\"id\": \"a\", \"text\": \"john@example.com\"}",
                "{\"id\": \"b\", \"text\": \"secret 536-90-4399 unterminated",
                "",
                "[1, 2, 3]",
                "{\"id\": \"e\", \"body\": \"no text key\"}",
                "{\"id\": \"f\", \"text\": \"x\"} trailing",
                "{\"id\": \"g\", \"text\": \"ok\"}") + "\n";

        for (int threads : new int[] {1, 3}) {
            List<JsonNode> out = run(input, false, threads);

            assertThat(out).hasSize(7);
            assertThat(out.get(0).get("findings")).hasSize(1);
            assertThat(out.get(1).toString()).isEqualTo("{\"id\":null,\"line\":2,\"error\":\"invalid JSON\"}");
            assertThat(out.get(2).toString()).isEqualTo("{\"id\":null,\"line\":3,\"error\":\"invalid JSON\"}");
            assertThat(out.get(3).get("error").asText()).isEqualTo("not a JSON object");
            assertThat(out.get(4).get("id").asText()).isEqualTo("e");
            assertThat(out.get(4).get("error").asText()).contains("text");
            assertThat(out.get(5).get("error").asText()).isEqualTo("invalid JSON");
            assertThat(out.get(6).get("id").asText()).isEqualTo("g");
            assertThat(out.toString()).doesNotContain("536-90-4399").doesNotContain("secret");
        }
    }

    @Test
    void emptyInputWritesNothing() throws IOException {
        StringWriter out = new StringWriter();
        DetectStream.run(new StringReader(""), out, Classifier.defaults(), false, 2);

        assertThat(out.toString()).isEmpty();
    }

    @Test
    void honoursTheClassifiersTypesAndMinimumScore() throws IOException {
        String input = "{\"id\": \"x\", \"text\": \"john@example.com, record 536-90-4399\"}\n";
        StringWriter out = new StringWriter();
        Classifier onlySsn = Classifier.defaults().restrictTo(java.util.Set.of(EntityType.US_SSN));
        DetectStream.run(new StringReader(input), out, onlySsn, false, 1);

        assertThat(out.toString()).contains("US_SSN").doesNotContain("EMAIL_ADDRESS");

        StringWriter strict = new StringWriter();
        DetectStream.run(new StringReader(input), strict, Classifier.defaults().withMinScore(0.8), false, 1);
        assertThat(strict.toString()).contains("EMAIL_ADDRESS").doesNotContain("US_SSN");
    }
}

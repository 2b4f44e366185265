package dev.piimap.reports.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    static Path dir;
    private static DataMapReader reader;

    @BeforeAll
    static void writeTwoRuns() {
        SparkSession spark = TestSpark.session();
        new DataMapFixture(spark, dir.toString())
                .run("old", "committed", T0, "db", "files")
                .run("new", "committed", T0.plusSeconds(60), "db", "files")
                .finding("old", "db", "app.users.email", "column", "EMAIL_ADDRESS", "user.contact.email",
                        9, 0.9, "a***", "old run")
                .finding("new", "files", "b.txt", "file", "PERSON", "user.name", 1, 0.61, null, "one name")
                .finding("new", "db", "app.users.email", "column", "EMAIL_ADDRESS", "user.contact.email",
                        12, 0.97, "a***@e***.com", "12 of 12 sampled values")
                .finding("new", "files", "a.txt", "file", "US_SSN", "user.government_id.national_identification_number",
                        2, 0.85, "***-**-6789", "2 matches")
                .finding("new", "files", "a.txt", "file", "EMAIL_ADDRESS", "user.contact.email",
                        1, 0.95, "b***", "1 match")
                .asset("old", "db", "app.users.email", "column", "ok", null, null, null)
                .asset("new", "files", "b.txt", "file", "error", "TikaException/parse-failed", 10L, null)
                .asset("new", "db", "app.users.email", "column", "ok", null, null, null)
                .asset("new", "files", "a.txt", "file", "ok", null, 2048L, Instant.parse("2026-11-01T08:30:15Z"))
                .write();
        reader = DataMapReader.open(spark, dir.toString());
    }

    @Test
    void exportsEveryCommittedRunWithItsTotalsOldestFirst() throws IOException {
        List<JsonNode> runs = export(Exporter.What.RUNS);

        assertThat(runs).extracting(n -> n.get("run_id").asText()).containsExactly("old", "new");
        assertThat(runs.get(1).get("finished_at").asText()).isEqualTo("2026-11-28T10:01:00Z");
        assertThat(runs.get(1).get("status").asText()).isEqualTo("committed");
        assertThat(runs.get(1).has("findings")).isTrue();
    }

    @Test
    void exportsFindingsOfSeveralRunsRunByRun() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter exporter = new Exporter(reader);

        long written = exporter.write(Exporter.What.FINDINGS, Exporter.Format.JSONL, exporter.committedRuns(), out);

        List<String> runIds = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            runIds.add(JSON.readTree(line).get("run_id").asText());
        }
        assertThat(written).isEqualTo(5);
        assertThat(runIds).containsExactly("old", "new", "new", "new", "new");
        assertThatThrownBy(() -> exporter.write(Exporter.What.FINDINGS, Exporter.Format.FIDES, exporter.committedRuns(),
                new ByteArrayOutputStream())).hasMessageContaining("fides describes one run");
    }

    @Test
    void exportsFindingsOfTheLatestRunWithTheContractKeysInOrder() throws IOException {
        List<JsonNode> lines = export(Exporter.What.FINDINGS);

        assertThat(lines).hasSize(4);
        for (JsonNode line : lines) {
            assertThat(keys(line)).startsWith("run_id", "source", "asset", "asset_kind", "type", "category", "count",
                    "confidence", "sample");
            assertThat(line.get("run_id").asText()).isEqualTo("new");
        }
        assertThat(lines).extracting(line -> line.get("source").asText() + "|" + line.get("asset").asText() + "|"
                        + line.get("type").asText())
                .containsExactly("db|app.users.email|EMAIL_ADDRESS", "files|a.txt|EMAIL_ADDRESS",
                        "files|a.txt|US_SSN", "files|b.txt|PERSON");
        JsonNode email = lines.get(0);
        assertThat(email.get("count").isIntegralNumber()).isTrue();
        assertThat(email.get("count").asLong()).isEqualTo(12);
        assertThat(email.get("confidence").asDouble()).isEqualTo(0.97);
        assertThat(email.get("category").asText()).isEqualTo("user.contact.email");
        assertThat(email.get("sample").asText()).isEqualTo("a***@e***.com");
        assertThat(lines.get(3).get("sample").isNull()).isTrue();
    }

    @Test
    void exportsEveryAssetOfTheLatestRunWithTheContractKeysInOrder() throws IOException {
        List<JsonNode> lines = export(Exporter.What.ASSETS);

        assertThat(lines).hasSize(3);
        for (JsonNode line : lines) {
            assertThat(keys(line)).containsExactly("run_id", "source", "asset", "asset_kind", "status", "detail",
                    "bytes", "modified");
        }
        JsonNode column = lines.get(0);
        assertThat(column.get("asset").asText()).isEqualTo("app.users.email");
        assertThat(column.get("detail").isNull()).isTrue();
        assertThat(column.get("bytes").isNull()).isTrue();
        assertThat(column.get("modified").isNull()).isTrue();
        JsonNode file = lines.get(1);
        assertThat(file.get("bytes").asLong()).isEqualTo(2048);
        assertThat(file.get("modified").asText()).isEqualTo("2026-11-01T08:30:15Z");
        assertThat(lines.get(2).get("status").asText()).isEqualTo("error");
        assertThat(lines.get(2).get("detail").asText()).isEqualTo("TikaException/parse-failed");
    }

    @Test
    void writesOneObjectPerLineToAStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = new Exporter(reader).writeJsonLines(Exporter.What.ASSETS, out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(3);
        assertThat(text).endsWith("}\n");
        assertThat(text.split("\n", -1)).hasSize(4).allSatisfy(line -> assertThat(line).doesNotStartWith(" "));
    }

    @Test
    void exportsAnOlderRunByIdAndParsesWhat() throws IOException {
        StringWriter out = new StringWriter();

        new Exporter(reader).writeJsonLines(Exporter.What.parse("findings"), "old", out);

        assertThat(JSON.readTree(out.toString()).get("run_id").asText()).isEqualTo("old");
        assertThatThrownBy(() -> Exporter.What.parse("rows"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--what 'rows' is not known: use findings, assets or runs");
    }

    @Test
    void writesJsonLinesThroughTheFormatEntryPointAndParsesFormats() throws IOException {
        ByteArrayOutputStream viaFormat = new ByteArrayOutputStream();
        StringWriter viaWriter = new StringWriter();

        new Exporter(reader).write(Exporter.What.FINDINGS, Exporter.Format.parse("jsonl"), viaFormat);
        new Exporter(reader).writeJsonLines(Exporter.What.FINDINGS, viaWriter);

        assertThat(viaFormat.toString(StandardCharsets.UTF_8)).isEqualTo(viaWriter.toString());
        assertThat(Exporter.Format.wireNames()).isEqualTo("jsonl, csv, arrow, fides");
        assertThat(Exporter.Format.FIDES.supports(Exporter.What.ASSETS)).isFalse();
        assertThatThrownBy(() -> Exporter.Format.parse("xlsx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--format 'xlsx' is not known: use one of jsonl, csv, arrow, fides");
    }

    private static List<JsonNode> export(Exporter.What what) throws IOException {
        StringWriter out = new StringWriter();
        new Exporter(reader).writeJsonLines(what, out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}

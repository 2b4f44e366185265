package dev.piimap.reports.export;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {
    /** An asset name built to break a naive CSV and to run as a formula in a spreadsheet. */
    private static final String HOSTILE = "=HYPERLINK(\"http://evil.example\",\"a, b\").txt";
    private static final String MULTILINE = "notes\r\nline 2.txt";

    @TempDir
    static Path dir;
    private static DataMapReader reader;

    @BeforeAll
    static void writeOneRun() {
        SparkSession spark = TestSpark.session();
        new DataMapFixture(spark, dir.toString())
                .run("r1", "committed", Instant.parse("2026-11-28T10:00:00Z"), "db", "files")
                .finding("r1", "db", "app.users.email", "column", "EMAIL_ADDRESS", "user.contact.email",
                        12, 0.97, "a***@e***.com", "12 of 12 sampled values")
                .finding("r1", "files", HOSTILE, "file", "PERSON", "user.name", 1, 0.61, null, "one name")
                .finding("r1", "files", MULTILINE, "file", "PHONE_NUMBER", "user.contact.phone_number",
                        3, 0.8, "+1 ***-***-0123", "3 matches")
                .asset("r1", "db", "app.users.email", "column", "ok", null, null, null)
                .asset("r1", "files", HOSTILE, "file", "ok", null, 10L, Instant.parse("2026-11-01T08:30:15Z"),
                        Map.of("ticket", "1042", "requester", "ab12"))
                .asset("r1", "files", MULTILINE, "file", "error", "TikaException/parse-failed", 7L, null)
                .write();
        reader = DataMapReader.open(spark, dir.toString());
    }

    @Test
    void writesFindingsWithTheJsonlFieldsAsHeaderAndCrlfRecords() throws IOException {
        String csv = export(Exporter.What.FINDINGS);

        assertThat(csv).startsWith("run_id,source,asset,asset_kind,type,category,count,confidence,sample,"
                + "explanation,detector\r\n");
        assertThat(csv).contains("r1,db,app.users.email,column,EMAIL_ADDRESS,user.contact.email,12,0.97,"
                + "a***@e***.com,12 of 12 sampled values,test-detector\r\n");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void quotesAndNeutralisesHostileAssetNamesSoAParserReadsThemBack() throws IOException {
        String csv = export(Exporter.What.FINDINGS);

        assertThat(csv).contains("r1,files,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"a, b\"\").txt\",file,PERSON,"
                + "user.name,1,0.61,,one name,test-detector\r\n");
        List<String[]> records = parse(csv);
        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(11));
        assertThat(records.get(2)[2]).isEqualTo("'" + HOSTILE);
        assertThat(records.get(2)[8]).as("null sample").isNull();
        assertThat(records.get(3)[2]).as("line break kept inside the quoted cell").isEqualTo(MULTILINE);
        assertThat(records.get(3)[8]).as("a sample starting with + is neutralised").isEqualTo("'+1 ***-***-0123");
        assertThat(records.get(3)[6]).isEqualTo("3");
    }

    @Test
    void writesAssetsWithNullsAsEmptyCellsAndLinksAsCompactJson() throws IOException {
        List<String[]> records = parse(export(Exporter.What.ASSETS));

        assertThat(records.get(0)).containsExactly("run_id", "source", "asset", "asset_kind", "status", "detail",
                "bytes", "modified", "links");
        assertThat(records).hasSize(4);
        String[] column = records.get(1);
        assertThat(column).containsExactly("r1", "db", "app.users.email", "column", "ok", null, null, null, null);
        String[] hostile = records.get(2);
        assertThat(hostile[2]).isEqualTo("'" + HOSTILE);
        assertThat(hostile[6]).isEqualTo("10");
        assertThat(hostile[7]).isEqualTo("2026-11-01T08:30:15Z");
        assertThat(hostile[8]).isEqualTo("{\"requester\":\"ab12\",\"ticket\":\"1042\"}");
        assertThat(records.get(3)).containsExactly("r1", "files", MULTILINE, "file", "error",
                "TikaException/parse-failed", "7", null, null);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain                | plain",
        "a,b                  | `\"a,b\"`",
        "say \"hi\"           | `\"say \"\"hi\"\"\"`",
        "=1+1                 | '=1+1",
        "+31 6 1234           | '+31 6 1234",
        "-2+3                 | '-2+3",
        "@SUM(A1)             | '@SUM(A1)",
        "=IMPORTXML(a,b)      | `\"'=IMPORTXML(a,b)\"`",
        "a-b=c                | a-b=c",
        "'quoted              | 'quoted",
    })
    void escapesOneTextCell(String value, String cell) {
        assertThat(CsvExport.text(value.strip())).isEqualTo(cell.strip());
    }

    @Test
    void neutralisesTabAndCarriageReturnStartsAndTellsEmptyFromNull() {
        assertThat(CsvExport.text("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvExport.text("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvExport.text("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvExport.text("")).isEqualTo("\"\"");
        assertThat(CsvExport.cell(ExportField.Kind.STRING, null)).isEmpty();
        assertThat(CsvExport.cell(ExportField.Kind.LONG, -5L)).as("numbers are never prefixed").isEqualTo("-5");
        assertThat(CsvExport.cell(ExportField.Kind.DOUBLE, 0.5)).isEqualTo("0.5");
    }

    private static String export(Exporter.What what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(reader).write(what, Exporter.Format.CSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Parses with an independent RFC 4180 parser: unquoted empty cells read as null, quoted ones as "". */
    private static List<String[]> parse(String csv) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator("\r\n");
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setEmptyValue("");
        settings.setNormalizeLineEndingsWithinQuotes(false);
        return new CsvParser(settings).parseAll(new StringReader(csv));
    }
}

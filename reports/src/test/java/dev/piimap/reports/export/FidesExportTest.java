package dev.piimap.reports.export;

import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FidesExportTest {
    /** A file name that would be a YAML mapping, a list and a boolean if written unquoted. */
    private static final String HOSTILE = "yes: no\n- true";

    @TempDir
    static Path dir;
    private static DataMapReader reader;
    private static String yaml;

    @BeforeAll
    static void writeOneRunAndExportIt() throws IOException {
        SparkSession spark = TestSpark.session();
        new DataMapFixture(spark, dir.toString())
                .run("r1", "committed", Instant.parse("2026-11-28T10:00:00Z"), "Billing-DB", "billing_db", "share")
                .finding("r1", "Billing-DB", "app.users.email", "column", "EMAIL_ADDRESS", "user.contact.email",
                        12, 0.97, "a***@e***.com", "12 of 12 sampled values")
                .finding("r1", "Billing-DB", "app.users.contact", "column", "EMAIL_ADDRESS", "user.contact.email",
                        4, 0.9, null, "4 of 10 sampled values")
                .finding("r1", "Billing-DB", "app.users.contact", "column", "PHONE_NUMBER",
                        "user.contact.phone_number", 5, 0.85, null, "5 of 10 sampled values")
                .finding("r1", "Billing-DB", "app.orders.card", "column", "CREDIT_CARD",
                        "user.financial.bank_account.credit_card", 3, 0.99, null, "3 of 3 pass Luhn")
                .finding("r1", "billing_db", "public.t.name", "column", "PERSON", "user.name", 1, 0.6, null, "1 name")
                .finding("r1", "share", "a.zip!/x.txt", "embedded", "PERSON", "user.name", 2, 0.7, null, "2 names")
                .finding("r1", "share", "a.zip!/y.txt", "embedded", "PERSON", "user.name", 1, 0.8, null, "1 name")
                .finding("r1", "share", "a.zip", "file", "EMAIL_ADDRESS", "user.contact.email", 1, 0.95, null, "1 match")
                .finding("r1", "share", HOSTILE, "file", "US_SSN",
                        "user.government_id.national_identification_number", 2, 0.85, "***-**-6789", "2 matches")
                .write();
        reader = DataMapReader.open(spark, dir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(reader).write(Exporter.What.FINDINGS, Exporter.Format.FIDES, out);
        yaml = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneDatasetPerSourceWithSanitisedUniqueFidesKeys() {
        List<Map<String, Object>> datasets = datasets();

        assertThat(datasets).extracting(dataset -> dataset.get("fides_key"))
                .containsExactly("billing_db", "billing_db_2", "share");
        assertThat(datasets).extracting(dataset -> dataset.get("name"))
                .containsExactly("Billing-DB", "billing_db", "share");
        assertThat(datasets.get(0).get("description")).isEqualTo("Personal data piimap found in source 'Billing-DB' (run r1)");
        assertThat(datasets).allSatisfy(dataset ->
                assertThat(dataset).containsOnlyKeys("fides_key", "name", "description", "collections"));
    }

    @Test
    void mapsColumnsToFieldsOfTheirTableWithTheUnionOfCategories() {
        List<Map<String, Object>> collections = collections(datasets().get(0));

        assertThat(collections).extracting(collection -> collection.get("name")).containsExactly("app.orders", "app.users");
        List<Map<String, Object>> users = fields(collections.get(1));
        assertThat(users).extracting(field -> field.get("name")).containsExactly("contact", "email");
        assertThat(users.get(0).get("data_categories"))
                .isEqualTo(List.of("user.contact.email", "user.contact.phone_number"));
        assertThat(users.get(0).get("description")).isEqualTo(
                "EMAIL_ADDRESS: 4 matches, confidence 0.90, detector test-detector (4 of 10 sampled values); "
                        + "PHONE_NUMBER: 5 matches, confidence 0.85, detector test-detector (5 of 10 sampled values)");
        assertThat(users.get(1)).containsEntry("data_categories", List.of("user.contact.email"));
        assertThat(fields(collections.get(0)).get(0)).containsEntry("name", "card")
                .containsEntry("data_categories", List.of("user.financial.bank_account.credit_card"));
    }

    @Test
    void mapsFilesToCollectionsOfEntityTypesMergingEmbeddedEntries() {
        List<Map<String, Object>> collections = collections(datasets().get(2));

        assertThat(collections).extracting(collection -> collection.get("name")).containsExactly("a.zip", HOSTILE);
        List<Map<String, Object>> zip = fields(collections.get(0));
        assertThat(zip).extracting(field -> field.get("name")).containsExactly("EMAIL_ADDRESS", "PERSON");
        assertThat(zip.get(1)).containsEntry("data_categories", List.of("user.name")).containsEntry("description",
                "PERSON: 3 matches in 2 assets, highest confidence 0.80, detector test-detector (1 name)");
        assertThat(fields(collections.get(1)).get(0)).containsEntry("name", "US_SSN")
                .containsEntry("data_categories", List.of("user.government_id.national_identification_number"));
    }

    @Test
    void quotesEveryStringAndHoldsNoSampleValues() {
        assertThat(yaml).startsWith("dataset:\n  - fides_key: \"billing_db\"\n");
        assertThat(yaml).contains("name: \"yes: no\\n- true\"");
        assertThat(yaml).doesNotContain("a***@e***.com").doesNotContain("6789");
    }

    @Test
    void writesAnEmptyListForARunWithoutFindingsAndRefusesAssets() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long fields = FidesExport.write(reader.findings(reader.requireLatestCommittedRun()).limit(0), "r1",
                new OutputStreamWriter(out, StandardCharsets.UTF_8));

        assertThat(fields).isZero();
        assertThat(load(out.toString(StandardCharsets.UTF_8))).isEqualTo(Map.of("dataset", List.of()));
        assertThatThrownBy(() -> new Exporter(reader).write(Exporter.What.ASSETS, Exporter.Format.FIDES, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--format fides does not export assets: use --what findings, or another format for assets");
        assertThat(FidesExport.fidesKey("Ünïcode Share/2")).isEqualTo("_n_code_share_2");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> datasets() {
        Map<String, Object> document = (Map<String, Object>) load(yaml);
        assertThat(document).containsOnlyKeys("dataset");
        return (List<Map<String, Object>>) document.get("dataset");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> collections(Map<String, Object> dataset) {
        return (List<Map<String, Object>>) dataset.get("collections");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fields(Map<String, Object> collection) {
        assertThat(collection).containsOnlyKeys("name", "fields");
        return (List<Map<String, Object>>) collection.get("fields");
    }

    /** Parses like fides does ({@code yaml.safe_load}): plain maps, lists and scalars only. */
    private static Object load(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }
}

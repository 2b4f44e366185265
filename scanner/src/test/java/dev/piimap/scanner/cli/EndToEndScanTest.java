package dev.piimap.scanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.scanner.demo.SyntheticIds;
import dev.piimap.scanner.testdata.SampleDocuments;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton end to end on real parts: an embedded PostgreSQL and a folder of real
 * documents made at test time -> {@code run} (Spark local, Tika, Delta) -> {@code export} -> exact
 * (asset, type) pairs; clean columns and files have none; bad files get their outcome and the run commits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NAMES = {"Maria Garcia", "John Smith", "Aiko Tanaka", "Olusegun Adeyemi", "Sophie Martin",
            "Lukas Schneider", "Priya Patel", "Liam O'Brien", "Chen Wei", "Fatima Zahra El Amrani"};

    @TempDir
    static Path tmp;
    private EmbeddedPostgres postgres;
    private Path config;
    private Path datamap;

    @BeforeAll
    void startEstateAndScan() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        seedDatabase();
        Path files = Files.createDirectories(tmp.resolve("share"));
        seedFiles(files);
        seedHelpdesk(Files.createDirectories(tmp.resolve("helpdesk")));
        Files.writeString(tmp.resolve("fingerprint.key"), FINGERPRINT_KEY);
        datamap = tmp.resolve("datamap");
        config = tmp.resolve("scan.yaml");
        Files.writeString(config, """
                datamap: ./datamap
                spark: {master: "local[2]"}
                fingerprint-key: ${file:%s}
                sources:
                  - name: crm-db
                    type: jdbc
                    url: %s
                    user: postgres
                    include: ["crm.*"]
                    sample-rows: 500
                  - name: share
                    type: files
                    root: ./share
                  - name: helpdesk
                    type: support
                    export: ./helpdesk
                """.formatted(tmp.resolve("fingerprint.key"), postgres.getJdbcUrl("postgres", "postgres")));
        CliRunner.Result run = CliRunner.run("run", "--config", config.toString(), "--run-id", "e2e-1");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("run e2e-1 committed");
    }

    @AfterAll
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void exportsExactlyTheExpectedAssetTypePairs() throws Exception {
        Set<String> pairs = new TreeSet<>();
        for (JsonNode line : export("findings")) {
            pairs.add(line.get("source").asText() + " " + line.get("asset").asText() + " " + line.get("type").asText());
            assertThat(line.get("run_id").asText()).isEqualTo("e2e-1");
            assertThat(line.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(line.get("count").asLong()).isPositive();
        }
        assertThat(pairs).containsExactlyInAnyOrder(
                "crm-db crm.customers.full_name PERSON",
                "crm-db crm.customers.email EMAIL_ADDRESS",
                "crm-db crm.customers.card_number CREDIT_CARD",
                "crm-db crm.customers.iban IBAN",
                "crm-db crm.customers.phone PHONE_NUMBER",
                "crm-db crm.customers.last_ip IP_ADDRESS",
                "crm-db crm.customers.notes EMAIL_ADDRESS",
                "share notes.txt EMAIL_ADDRESS",
                "share notes.txt PHONE_NUMBER",
                "share notes.txt PERSON",
                "share invoice.pdf PERSON",
                "share invoice.pdf EMAIL_ADDRESS",
                "share invoice.pdf IBAN",
                "share letter.docx CREDIT_CARD",
                "share letter.docx US_SSN",
                "share complaint.eml EMAIL_ADDRESS",
                "share complaint.eml!/repro.txt IP_ADDRESS",
                "share bundle.zip!/debug.log EMAIL_ADDRESS",
                "share bundle.zip!/debug.log IP_ADDRESS",
                "helpdesk tickets/1 IBAN",
                "helpdesk tickets/1/statement.txt CREDIT_CARD");
    }

    @Test
    void supportAssetsAreExportedWithTheirTicketAndRequesterLinks() throws Exception {
        Map<String, JsonNode> byAsset = new LinkedHashMap<>();
        for (JsonNode line : export("assets")) {
            byAsset.put(line.get("source").asText() + " " + line.get("asset").asText(), line);
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(FINGERPRINT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String requester = java.util.HexFormat.of().formatHex(mac.doFinal("EMAIL_ADDRESS:maria.garcia@example.com"
                .getBytes(StandardCharsets.UTF_8)));

        JsonNode attachment = byAsset.get("helpdesk tickets/1/statement.txt");
        assertThat(attachment.get("asset_kind").asText()).isEqualTo("attachment");
        assertThat(attachment.get("links").get("ticket").asText()).isEqualTo("1");
        assertThat(attachment.get("links").get("requester").asText()).isEqualTo(requester);
        assertThat(byAsset.get("helpdesk tickets/2").get("status").asText()).isEqualTo("ok");
        assertThat(byAsset.get("helpdesk tickets/2").get("links").get("ticket").asText()).isEqualTo("2");
        assertThat(byAsset.get("share notes.txt").has("links")).isFalse();
    }

    @Test
    void everyAssetHasOneOutcomeAndBadFilesSayWhy() throws Exception {
        Map<String, JsonNode> byAsset = new LinkedHashMap<>();
        for (JsonNode line : export("assets")) {
            JsonNode previous = byAsset.put(line.get("source").asText() + " " + line.get("asset").asText(), line);
            assertThat(previous).as("one outcome per asset").isNull();
        }
        assertThat(byAsset.get("share corrupt.pdf").get("status").asText()).isEqualTo("error");
        assertThat(byAsset.get("share corrupt.pdf").get("detail").asText()).isNotBlank();
        assertThat(byAsset.get("share empty.txt").get("status").asText()).isEqualTo("skipped");
        assertThat(byAsset.get("share empty.txt").get("detail").asText()).contains("empty");
        assertThat(byAsset.get("share clean.txt").get("status").asText()).isEqualTo("ok");
        assertThat(byAsset.get("share clean.txt").get("bytes").asLong()).isPositive();
        assertThat(byAsset.get("crm-db crm.plans.price").get("asset_kind").asText()).isEqualTo("column");
        assertThat(byAsset).containsKeys("crm-db crm.plans.name", "share invoice.pdf", "share bundle.zip", "share bundle.zip!/debug.log");
        assertThat(byAsset.keySet()).noneMatch(k -> k.startsWith("crm-db public."));
    }

    @Test
    void rerunningTheSameRunIdDoesNotDuplicate() throws Exception {
        int before = export("findings").size();
        CliRunner.Result again = CliRunner.run("run", "--config", config.toString(), "--run-id", "e2e-1");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(export("findings")).hasSize(before);
    }

    @Test
    void reportIsOneSelfContainedHtmlFile() throws Exception {
        Path report = tmp.resolve("report.html");
        CliRunner.Result r = CliRunner.run("report", "--datamap", datamap.toString(), "--out", report.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("crm.customers.email").contains("invoice.pdf")
                .doesNotContain("<script src").doesNotContain("<link rel=\"stylesheet\"");
    }

    @Test
    void noRawValueReachesExportsOrReport() throws Exception {
        Path report = tmp.resolve("leak-report.html");
        assertThat(CliRunner.run("report", "--datamap", datamap.toString(), "--out", report.toString()).status()).isZero();
        String everything = Files.readString(report) + String.join("\n", export("findings").stream().map(JsonNode::toString).toList())
                + String.join("\n", export("assets").stream().map(JsonNode::toString).toList());
        for (String raw : canaries) {
            assertThat(everything).doesNotContain(raw);
        }
    }

    private static final String FINGERPRINT_KEY = "end-to-end-fingerprint-key-0123456789";
    private final List<String> canaries = new ArrayList<>();

    private List<JsonNode> export(String what) throws Exception {
        Path out = tmp.resolve("export-" + what + "-" + System.nanoTime() + ".jsonl");
        CliRunner.Result r = CliRunner.run("export", "--datamap", datamap.toString(), "--what", what, "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private void seedDatabase() throws Exception {
        Random random = new Random(7);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA crm");
            s.execute("""
                    CREATE TABLE crm.customers (id serial primary key, full_name text, email text, phone text,
                      card_number text, iban text, last_ip text, notes text, created_at timestamp default now())""");
            s.execute("CREATE TABLE crm.plans (id int primary key, name text, price numeric(8,2), version text)");
            s.execute("CREATE TABLE public.untouched (id int, email text)");
            s.execute("INSERT INTO public.untouched VALUES (1, 'outside@example.com')");
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO crm.customers (full_name, email, phone, card_number, iban, last_ip, notes) VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i < 120; i++) {
                    String email = "customer" + i + "@example.com";
                    String card = SyntheticIds.card(random);
                    String iban = SyntheticIds.formatIban(SyntheticIds.iban(random, i % 2 == 0 ? "DE" : "GB"));
                    p.setString(1, NAMES[i % NAMES.length]);
                    p.setString(2, email);
                    p.setString(3, String.format("+1 415 555 %04d", 100 + i));
                    p.setString(4, card);
                    p.setString(5, iban);
                    p.setString(6, SyntheticIds.ipv4(random));
                    p.setString(7, i % 10 == 0 ? "asked to send the invoice to billing" + i + "@example.org instead" : "called about plan upgrade");
                    p.addBatch();
                    if (i < 3) {
                        canaries.add(email);
                        canaries.add(card);
                        canaries.add(iban);
                    }
                }
                p.executeBatch();
            }
            s.execute("INSERT INTO crm.plans SELECT g, 'plan-' || g, 9.99 * g, '2.4.' || g || '.3' FROM generate_series(1, 50) g");
        }
    }

    /** A helpdesk export: a ticket with an IBAN and a card-number attachment, and a clean ticket. */
    private void seedHelpdesk(Path dir) throws Exception {
        Random random = new Random(13);
        String iban = SyntheticIds.formatIban(SyntheticIds.iban(random, "GB"));
        String card = SyntheticIds.formatCard(SyntheticIds.card(random));
        Files.createDirectories(dir.resolve("attachments/1"));
        Files.writeString(dir.resolve("attachments/1/statement.txt"), "Charged twice on card " + card + " last week.\n");
        Files.writeString(dir.resolve("tickets.json"), """
                [{"id": 1, "requester": {"email": "maria.garcia@example.com"}, "subject": "Refund",
                  "description": "Please refund the double charge to IBAN %s.",
                  "attachments": [{"file_name": "statement.txt", "path": "attachments/1/statement.txt"}]},
                 {"id": 2, "requester": {"email": "john.smith@example.org"}, "subject": "Dashboard colours",
                  "description": "The dark mode contrast is too low on the usage page."}]
                """.formatted(iban));
        canaries.addAll(List.of(iban, card, "maria.garcia@example.com", "john.smith@example.org"));
    }

    private void seedFiles(Path dir) throws Exception {
        Random random = new Random(11);
        Files.writeString(dir.resolve("notes.txt"), "Call Jane back on +44 20 7946 0958 or write to jane.doe@example.co.uk\n");
        Files.writeString(dir.resolve("clean.txt"), "Release 2.4.10.3 shipped. Build 7f3c9a1e2b4d6f8091a3c5e7f9b1d3e5, order 123456789012.\n");
        String iban = SyntheticIds.formatIban(SyntheticIds.iban(random, "DE"));
        SampleDocuments.pdf(dir.resolve("invoice.pdf"), List.of("Invoice for Mr Smith", "Contact: billing.smith@example.com",
                "Pay to IBAN " + iban));
        String card = SyntheticIds.formatCard(SyntheticIds.card(random));
        String ssn = SyntheticIds.ssn(random);
        SampleDocuments.docx(dir.resolve("letter.docx"), List.of("Dear team,", "my card number " + card + " was charged twice.",
                "My social security number is " + ssn + "."));
        SampleDocuments.eml(dir.resolve("complaint.eml"), "angry.customer@example.net", "support@example.com", "Login broken",
                "Hello, I cannot log in. Please reply to angry.customer@example.net.\n", "repro.txt",
                ("Tried from 203.0.113.77 this morning.\n").getBytes(StandardCharsets.UTF_8), "text/plain");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("debug.log", "2026-11-28T10:00:00 login ok user=dev.ops@example.com ip=198.51.100.23\n".getBytes(StandardCharsets.UTF_8));
        SampleDocuments.zip(dir.resolve("bundle.zip"), entries);
        SampleDocuments.corruptPdf(dir.resolve("corrupt.pdf"));
        SampleDocuments.emptyFile(dir.resolve("empty.txt"));
        canaries.addAll(List.of(iban, card, ssn, "jane.doe@example.co.uk", "billing.smith@example.com", "+44 20 7946 0958"));
    }
}

package dev.piimap.scanner.source.support;

import dev.piimap.classifiers.EntityType;
import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.export.Exporter;
import dev.piimap.scanner.config.ConfigException;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.config.SupportSourceConfig;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.job.RunSummary;
import dev.piimap.scanner.job.ScanJob;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.testdata.SampleDocuments;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code type: support} on real parts: an embedded PostgreSQL ticket database with an attachments table, a
 * helpdesk export folder, a folder of mailboxes, real documents extracted by Tika, and the Spark job writing
 * Delta. Requester fingerprints are computed here independently (HMAC-SHA256 of {@code EMAIL_ADDRESS:<address>}).
 */
class SupportSourceTest {
    private static final String KEY = "test-fingerprint-key-0123456789abcdef";
    private static final ScanContext CONTEXT = new ScanContext("run-s", ExtractionLimits.defaults(), true);
    private static final List<String> REQUESTERS = List.of("ana.diaz@example.com", "bob.stone@example.org",
            "chen.wei@example.net", "dora.k@example.com", "eve.m@example.org");

    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;
    private static Path keyFile;
    private static Path serverLog;

    @BeforeAll
    static void start() throws Exception {
        serverLog = dir.resolve("pglog/statements.log");
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", serverLog.getParent().toString())
                .setServerConfig("log_filename", "statements.log")
                .setServerConfig("log_statement", "all")
                .setServerConfig("log_line_prefix", "app=%a:")
                .start();
        keyFile = dir.resolve("fingerprint.key");
        Files.writeString(keyFile, KEY + "\n");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA helpdesk");
            s.execute("CREATE TABLE helpdesk.tickets (ticket_no int PRIMARY KEY, requester_email text, subject text,"
                    + " body text, created_at timestamptz)");
            s.execute("CREATE TABLE helpdesk.ticket_files (ticket_no int, name text, object_key text)");
            s.execute("INSERT INTO helpdesk.tickets VALUES"
                    + " (1, 'Ana Diaz <ana.diaz@example.com>', 'Cannot log in', 'Please call me on +1 415 555 0142.', '2026-11-01T10:00:00Z'),"
                    + " (2, 'bob.stone@example.org', 'Invoice dispute', 'See the attached invoice.', '2026-11-02T10:00:00Z'),"
                    + " (3, 'chen.wei@example.net', 'Thanks', 'All good now, thank you.', '2026-11-03T10:00:00Z'),"
                    + " (4, 'dora.k@example.com', 'Refund', 'Refund to IBAN DE89 3704 0044 0532 0130 00 please.', '2026-11-04T10:00:00Z'),"
                    + " (5, 'eve.m@example.org', 'Logs', 'Debug bundle attached.', '2026-11-05T10:00:00Z')");
            s.execute("INSERT INTO helpdesk.ticket_files VALUES (2, 'invoice.pdf', 'store/2/invoice.pdf'),"
                    + " (2, 'gone.pdf', 'store/2/gone.pdf'), (5, 'bundle.zip', 'store/5/bundle.zip'),"
                    + " (5, 'bundle.zip', 'store/5/bundle-copy.zip')");
        }
        Path store = Files.createDirectories(dir.resolve("files/store/2"));
        SampleDocuments.pdf(store.resolve("invoice.pdf"), List.of("Invoice for Bob Stone", "Pay to IBAN GB82 WEST 1234 5698 7654 32"));
        Files.createDirectories(dir.resolve("files/store/5"));
        SampleDocuments.zip(dir.resolve("files/store/5/bundle.zip"),
                Map.of("debug.log", bytes("login ok user=eve.m@example.org ip=198.51.100.23\n")));
        Files.copy(dir.resolve("files/store/5/bundle.zip"), dir.resolve("files/store/5/bundle-copy.zip"));
        writeExport(dir.resolve("export"), true);
        writeExport(dir.resolve("export-lines"), false);
        writeMailboxes(dir.resolve("mail"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void databaseLayoutListsIdBatchesAndAttachmentsAndLinksEveryAssetToItsTicketAndRequester() throws Exception {
        SupportConnector connector = new SupportConnector(support(databaseYaml(2)));

        List<ScanItem> items = connector.listItems();

        assertThat(items).extracting(ScanItem::locator).containsExactly("tickets[1..2]", "tickets[3..4]", "tickets[5..5]",
                "tickets/2/gone.pdf", "tickets/2/invoice.pdf", "tickets/5/bundle.zip", "tickets/5/bundle (2).zip");
        assertThat(items.get(0).revision()).startsWith("2:");
        assertThat(items.get(4).revision()).matches("\\d+:\\d+");
        assertThat(items.toString()).doesNotContain("@example");
        ItemResult all = scanAll(connector, items);
        Map<String, AssetOutcome> assets = byAsset(all);
        assertThat(assets.keySet()).containsExactlyInAnyOrder("tickets/1", "tickets/2", "tickets/3", "tickets/4", "tickets/5",
                "tickets/2/gone.pdf", "tickets/2/invoice.pdf", "tickets/5/bundle.zip", "tickets/5/bundle.zip!/debug.log",
                "tickets/5/bundle (2).zip", "tickets/5/bundle (2).zip!/debug.log");
        assertThat(assets.get("tickets/1").assetKind()).isEqualTo("ticket");
        assertThat(assets.get("tickets/1").links()).isEqualTo(Map.of("ticket", "1", "requester", fingerprint("ana.diaz@example.com")));
        assertThat(assets.get("tickets/1").modifiedMillis()).isEqualTo(java.time.Instant.parse("2026-11-01T10:00:00Z").toEpochMilli());
        assertThat(assets.get("tickets/2/invoice.pdf").assetKind()).isEqualTo("attachment");
        assertThat(assets.get("tickets/2/invoice.pdf").links()).isEqualTo(Map.of("ticket", "2", "requester", fingerprint("bob.stone@example.org")));
        assertThat(assets.get("tickets/5/bundle.zip!/debug.log").assetKind()).isEqualTo("embedded");
        assertThat(assets.get("tickets/5/bundle.zip!/debug.log").links()).isEqualTo(Map.of("ticket", "5", "requester", fingerprint("eve.m@example.org")));
        assertThat(findingTriples(all)).contains(
                tuple("tickets/1", "ticket", EntityType.PHONE_NUMBER),
                tuple("tickets/4", "ticket", EntityType.IBAN),
                tuple("tickets/2/invoice.pdf", "attachment", EntityType.IBAN),
                tuple("tickets/5/bundle.zip!/debug.log", "embedded", EntityType.EMAIL_ADDRESS),
                tuple("tickets/5/bundle.zip!/debug.log", "embedded", EntityType.IP_ADDRESS));
        assertThat(findingTriples(all)).noneMatch(t -> t.toList().get(0).equals("tickets/3"));
    }

    @Test
    void theDatabaseSeesOnlyReadingStatementsEachWithAPiimapComment() throws Exception {
        SupportConnector connector = new SupportConnector(support(databaseYaml(3)));
        List<ScanItem> items = connector.listItems();
        for (ScanItem item : items) {
            connector.scan(item, new ScanContext("run-log", ExtractionLimits.defaults(), true));
        }

        List<String> statements = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            statements.clear();
            String log = Files.exists(serverLog) ? Files.readString(serverLog) : "";
            for (String line : log.split("\n")) {
                int at = line.indexOf("LOG:  statement: ");
                int exec = line.indexOf("LOG:  execute ");
                if (line.startsWith("app=piimap:") && (at >= 0 || exec >= 0)) {
                    statements.add(at >= 0 ? line.substring(at + "LOG:  statement: ".length())
                            : line.substring(line.indexOf(": ", exec + "LOG:  execute ".length()) + 2));
                }
            }
            Thread.sleep(50);
        } while (statements.stream().noneMatch(s -> s.startsWith("/* piimap run=run-log */")) && System.nanoTime() < deadline);

        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(sql.replaceFirst("^/\\*[^*]*\\*/ ", "")
                .split("[ ;]")[0].toUpperCase(Locale.ROOT)).as(sql).isIn("SELECT", "SET", "SHOW", "BEGIN", "ROLLBACK", "COMMIT"));
        assertThat(statements).filteredOn(sql -> sql.contains(" FROM \"helpdesk\"")).isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).matches("/\\* piimap (listing|run=[\\w.:-]+) \\*/ SELECT .*"))
                .anySatisfy(sql -> assertThat(sql).startsWith("/* piimap run=run-log */ SELECT "))
                .anySatisfy(sql -> assertThat(sql).startsWith("/* piimap listing */ SELECT "));
    }

    @Test
    void aMissingAttachmentObjectIsOneErrorAssetWithAReasonAndTheOthersAreScanned() throws Exception {
        SupportConnector connector = new SupportConnector(support(databaseYaml(1000)));

        Map<String, AssetOutcome> assets = byAsset(scanAll(connector, connector.listItems()));

        AssetOutcome gone = assets.get("tickets/2/gone.pdf");
        assertThat(gone.status()).isEqualTo(ItemStatus.ERROR);
        assertThat(gone.detail()).isEqualTo(Attachments.NOT_FOUND);
        assertThat(gone.links()).containsEntry("ticket", "2");
        assertThat(assets.get("tickets/2/invoice.pdf").status()).isEqualTo(ItemStatus.OK);
        assertThat(assets.values()).filteredOn(a -> a.status() == ItemStatus.ERROR).hasSize(1);
    }

    @Test
    void exportLayoutReadsAJsonArrayAndJsonLinesAlikeInBatches() throws Exception {
        for (String folder : List.of("export", "export-lines")) {
            SupportConnector connector = new SupportConnector(support("""
                    fingerprint-key: ${file:%s}
                    sources:
                      - {name: desk, type: support, export: ./%s, batch-size: 2}
                    """.formatted(keyFile, folder)));
            List<ScanItem> items = connector.listItems();
            String file = folder.equals("export") ? "tickets.json" : "tickets.jsonl";
            assertThat(items).extracting(ScanItem::locator).as(folder).containsExactly("tickets/1042/invoice.pdf",
                    file + "[1..2]", "tickets/1044/missing.docx", file + "[3..3]");

            ItemResult all = scanAll(connector, items);
            Map<String, AssetOutcome> assets = byAsset(all);
            assertThat(assets.keySet()).containsExactlyInAnyOrder("tickets/1042", "tickets/1043", "tickets/1044",
                    "tickets/1042/invoice.pdf", "tickets/1044/missing.docx");
            assertThat(assets.get("tickets/1042/invoice.pdf").links())
                    .isEqualTo(Map.of("ticket", "1042", "requester", fingerprint("ana.diaz@example.com")));
            assertThat(assets.get("tickets/1043").links())
                    .isEqualTo(Map.of("ticket", "1043", "requester", fingerprint("bob.stone@example.org")));
            assertThat(assets.get("tickets/1044/missing.docx").status()).isEqualTo(ItemStatus.ERROR);
            assertThat(assets.get("tickets/1044/missing.docx").detail()).isEqualTo(Attachments.NOT_FOUND);
            assertThat(findingTriples(all)).contains(
                    tuple("tickets/1042", "ticket", EntityType.PERSON),
                    tuple("tickets/1043", "ticket", EntityType.CREDIT_CARD),
                    tuple("tickets/1042/invoice.pdf", "attachment", EntityType.EMAIL_ADDRESS));
        }
    }

    @Test
    void mailboxesLayoutMakesEveryMessageATicketWithItsSenderAsRequester() throws Exception {
        SupportConnector connector = new SupportConnector(support("""
                fingerprint-key: ${file:%s}
                sources:
                  - {name: inbox, type: support, mailboxes: ./mail, batch-size: 2}
                """.formatted(keyFile)));

        List<ScanItem> items = connector.listItems();

        assertThat(items).extracting(ScanItem::locator).containsExactly("archive/support.mbox[1..2]",
                "archive/support.mbox[3..3]", "complaint.eml");
        ItemResult all = scanAll(connector, items);
        Map<String, AssetOutcome> assets = byAsset(all);
        assertThat(assets.keySet()).containsExactlyInAnyOrder("tickets/archive/support.mbox#1", "tickets/archive/support.mbox#2",
                "tickets/archive/support.mbox#3", "tickets/complaint.eml", "tickets/complaint.eml/repro.txt");
        assertThat(assets.get("tickets/archive/support.mbox#2").links())
                .isEqualTo(Map.of("ticket", "archive/support.mbox#2", "requester", fingerprint("bob.stone@example.org")));
        assertThat(assets.get("tickets/complaint.eml/repro.txt").assetKind()).isEqualTo("attachment");
        assertThat(assets.get("tickets/complaint.eml/repro.txt").links())
                .isEqualTo(Map.of("ticket", "complaint.eml", "requester", fingerprint("chen.wei@example.net")));
        assertThat(findingTriples(all)).contains(
                tuple("tickets/archive/support.mbox#1", "ticket", EntityType.PHONE_NUMBER),
                tuple("tickets/archive/support.mbox#3", "ticket", EntityType.US_SSN),
                tuple("tickets/complaint.eml/repro.txt", "attachment", EntityType.IP_ADDRESS));
    }

    @Test
    void withoutAFingerprintKeyAssetsLinkToTheTicketOnlyAndPreflightWarnsInOneLine() throws Exception {
        SupportConnector connector = new SupportConnector(support("""
                sources:
                  - {name: desk, type: support, export: ./export}
                """));

        assertThat(connector.preflight()).singleElement().satisfies(w -> assertThat(w).doesNotContain("\n").contains("fingerprint-key"));
        Map<String, AssetOutcome> assets = byAsset(scanAll(connector, connector.listItems()));
        assertThat(assets.get("tickets/1042").links()).isEqualTo(Map.of("ticket", "1042"));
        assertThat(assets.get("tickets/1042/invoice.pdf").links()).isEqualTo(Map.of("ticket", "1042"));
    }

    @Test
    void anUnresolvableOrShortKeyFailsTheSourceNamingTheReferenceOnly() {
        SupportConnector unset = new SupportConnector(support("""
                fingerprint-key: ${env:PIIMAP_TEST_UNSET_KEY_VARIABLE}
                sources:
                  - {name: desk, type: support, export: ./export}
                """));
        assertThatThrownBy(unset::listItems).isInstanceOf(SourceException.class)
                .hasMessageContaining("${env:PIIMAP_TEST_UNSET_KEY_VARIABLE}");
    }

    @Test
    void aSourceKeyOverridesTheTopLevelKey() {
        SupportSourceConfig source = (SupportSourceConfig) config("""
                fingerprint-key: ${env:TOP_KEY}
                sources:
                  - {name: desk, type: support, export: ./export, fingerprint-key: "${file:/k}"}
                  - {name: desk2, type: support, export: ./export}
                """).sources().get(0);
        assertThat(source.fingerprintKey()).hasToString("${file:/k}");
    }

    @Test
    void databaseKeysMapToTheirFields() {
        SupportSourceConfig source = (SupportSourceConfig) config(databaseYaml(7)).sources().get(0);
        SupportSourceConfig.Database db = (SupportSourceConfig.Database) source.layout();

        assertThat(db.ticketTable()).isEqualTo("helpdesk.tickets");
        assertThat(db.ticketColumns()).isEqualTo(new SupportSourceConfig.TicketColumns("ticket_no", "requester_email",
                "subject", "body", "created_at"));
        assertThat(db.attachmentTable()).isEqualTo("helpdesk.ticket_files");
        assertThat(db.attachmentColumns()).isEqualTo(new SupportSourceConfig.AttachmentColumns("ticket_no", "name", "object_key"));
        assertThat(db.maxConnections()).isEqualTo(SupportSourceConfig.Database.DEFAULT_MAX_CONNECTIONS);
        assertThat(source.batchSize()).isEqualTo(7);
        assertThat(source.attachmentsRoot()).isEqualTo(dir.resolve("files").toString());
        assertThat(db.toString()).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no layout|{name: s, type: support}|sources[0]: a support source needs exactly one of tickets, export, mailboxes",
        "two layouts|{name: s, type: support, export: ./e, mailboxes: ./m}|(value: 'export, mailboxes')",
        "unknown key|{name: s, type: support, export: ./e, root: ./x}|sources[0].root: unknown key",
        "raw key|{name: s, type: support, export: ./e, fingerprint-key: hunter2hunter2hunter2}|sources[0].fingerprint-key: secrets may only be given as references",
        "attachments without root|{name: s, type: support, tickets: {url: 'jdbc:postgresql://h/db', table: t, attachments: {table: a}}}|sources[0].attachments-root: missing required key",
        "bad table|{name: s, type: support, tickets: {url: 'jdbc:postgresql://h/db', table: 'a.b.c'}}|sources[0].tickets.table: must be table or schema.table",
        "bad column key|{name: s, type: support, tickets: {url: 'jdbc:postgresql://h/db', table: t, columns: {email: e}}}|sources[0].tickets.columns.email: unknown key",
        "not jdbc|{name: s, type: support, tickets: {url: 'postgres://u:pw@h/db', table: t}}|sources[0].tickets.url: is not a JDBC URL",
        "batch size|{name: s, type: support, export: ./e, batch-size: 0}|sources[0].batch-size: must be a whole number from 1 to 100000",
        "root on mailboxes|{name: s, type: support, mailboxes: ./m, attachments-root: ./x}|sources[0].attachments-root: mailboxes carry their attachments",
        "s3 without s3a root|{name: s, type: support, export: ./e, s3: {path-style: true}}|sources[0].s3: is set but attachments-root is not an s3a:// root",
    })
    void badSupportConfigIsOneLineNamingTheKey(String why, String source, String expected) {
        assertThatThrownBy(() -> config("sources:\n  - " + source + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected)
                .hasMessageContaining("; fix: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("hunter2").doesNotContain(":pw@"));
    }

    @Test
    void badConfigExitsTwoWithOneLineOnStandardError() throws Exception {
        Path yaml = dir.resolve("bad-support.yaml");
        Files.writeString(yaml, "datamap: ./dm\nsources:\n  - {name: s, type: support, export: ./e, mailboxes: ./m}\n");
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = dev.piimap.scanner.cli.Main.execute("run", "--config", yaml.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("sources[0]");
        assertThat(dir.resolve("dm")).doesNotExist();
    }

    @Test
    void aScanWritesLinksToTheDataMapAndNoRawRequesterAddressAnywhereInIt() throws Exception {
        SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
        Path base = Files.createDirectories(dir.resolve("job"));
        String yaml = """
                datamap: ./datamap
                spark: {master: "local[2]"}
                fingerprint-key: ${file:%s}
                sources:
                  - name: helpdesk-db
                    type: support
                    tickets:
                      url: %s
                      user: postgres
                      table: helpdesk.tickets
                      columns: {id: ticket_no, requester: requester_email, created: created_at}
                      attachments: {table: helpdesk.ticket_files, columns: {ticket-id: ticket_no, file-name: name, key: object_key}}
                    attachments-root: %s
                    batch-size: 2
                  - {name: desk, type: support, export: %s}
                  - {name: inbox, type: support, mailboxes: %s}
                """.formatted(keyFile, postgres.getJdbcUrl("postgres", "postgres"), dir.resolve("files"),
                dir.resolve("export"), dir.resolve("mail"));
        ScanConfig config = new ScanConfigLoader().parse(yaml, base);
        String codec = spark.conf().get("spark.sql.parquet.compression.codec");
        RunSummary summary;
        try {
            // Uncompressed, so that a raw value in a Parquet page would show in the bytes read back below.
            spark.conf().set("spark.sql.parquet.compression.codec", "uncompressed");
            summary = new ScanJob(System.err).run(config, "support-run");
        } finally {
            spark.conf().set("spark.sql.parquet.compression.codec", codec);
        }

        assertThat(summary.itemsListed()).isEqualTo(7 + 3 + 2);
        DataMapReader reader = DataMapReader.open(spark, config.datamap());
        Map<String, Map<String, String>> links = new LinkedHashMap<>();
        for (Row row : reader.assets("support-run").collectAsList()) {
            int i = row.fieldIndex("links");
            links.put(row.getAs("source") + " " + row.getAs("asset"), row.isNullAt(i) ? null : row.getJavaMap(i));
        }
        assertThat(links).containsEntry("helpdesk-db tickets/2/invoice.pdf", Map.of("ticket", "2", "requester", fingerprint("bob.stone@example.org")))
                .containsEntry("desk tickets/1042", Map.of("ticket", "1042", "requester", fingerprint("ana.diaz@example.com")))
                .containsEntry("inbox tickets/complaint.eml/repro.txt", Map.of("ticket", "complaint.eml", "requester", fingerprint("chen.wei@example.net")));
        StringWriter export = new StringWriter();
        new Exporter(reader).writeJsonLines(Exporter.What.ASSETS, "support-run", export);
        assertThat(export.toString()).contains("\"asset\":\"tickets/2/invoice.pdf\",\"asset_kind\":\"attachment\",\"status\":\"ok\"")
                .contains("\"links\":{\"requester\":\"" + fingerprint("bob.stone@example.org") + "\",\"ticket\":\"2\"}");

        String everything = allBytes(Path.of(config.datamap())) + export;
        assertThat(everything).as("positive control: uncompressed pages are readable").contains(fingerprint("bob.stone@example.org"))
                .contains("tickets/complaint.eml/repro.txt");
        for (String address : REQUESTERS) {
            assertThat(everything).doesNotContain(address).doesNotContain(address.toUpperCase(Locale.ROOT));
        }
    }

    @Test
    void anAttachmentPathLeavingTheAttachmentsRootIsAnErrorAndNothingOutsideIsRead() throws Exception {
        Path export = Files.createDirectories(dir.resolve("escape/export"));
        Files.writeString(dir.resolve("escape/outside.txt"), "secret.person@example.com");
        Files.writeString(export.resolve("tickets.jsonl"), """
                {"id": 9, "requester": "ana.diaz@example.com", "subject": "x", "attachments": [
                  {"file_name": "a.txt", "path": "../outside.txt"}, {"file_name": "b.txt", "path": "/../../outside.txt"}]}
                """.replace("\n  ", " "));
        SupportConnector connector = new SupportConnector(support("""
                sources:
                  - {name: desk, type: support, export: ./escape/export}
                """));

        ItemResult all = scanAll(connector, connector.listItems());

        Map<String, AssetOutcome> assets = byAsset(all);
        assertThat(assets.get("tickets/9/a.txt").status()).isEqualTo(ItemStatus.ERROR);
        assertThat(assets.get("tickets/9/a.txt").detail()).contains("outside the root");
        assertThat(assets.get("tickets/9/b.txt").status()).isEqualTo(ItemStatus.ERROR);
        assertThat(all.findings()).extracting(AssetFinding::asset).doesNotContain("tickets/9/a.txt", "tickets/9/b.txt");
    }

    @Test
    void preflightWarnsWhenTheDatabaseRoleCanWriteAndWhenTheAttachmentsRootIsMissing() {
        SupportSourceConfig db = support(databaseYaml(10).replace("attachments-root: ./files", "attachments-root: ./no-such-folder"));

        List<String> warnings = new SupportConnector(db).preflight();

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("no-such-folder"))
                .anySatisfy(w -> assertThat(w).containsIgnoringCase("superuser"))
                .allSatisfy(w -> assertThat(w).doesNotContain("\n"));
    }

    @Test
    void theDemoHelpdeskExportScansWithLinksAndItsCleanTicketsStayClean() throws Exception {
        Path export = dir.resolve("demo-export");
        int files = new dev.piimap.scanner.demo.DemoHelpdesk(3L).writeExport(export, 12, 3);
        SupportConnector connector = new SupportConnector(support("""
                fingerprint-key: ${file:%s}
                sources:
                  - {name: desk, type: support, export: ./demo-export, batch-size: 5}
                """.formatted(keyFile)));

        ItemResult all = scanAll(connector, connector.listItems());

        assertThat(files).isEqualTo(4);
        Map<String, AssetOutcome> assets = byAsset(all);
        assertThat(assets.values()).filteredOn(a -> a.assetKind().equals("ticket")).hasSize(12)
                .allSatisfy(a -> assertThat(a.links()).containsKeys("ticket", "requester"));
        assertThat(assets.values()).filteredOn(a -> a.assetKind().equals("attachment")).hasSize(4)
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(ItemStatus.OK));
        com.fasterxml.jackson.databind.JsonNode tickets = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(export.resolve("tickets.json").toFile());
        List<String> clean = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode t : tickets) {
            if (List.of("Alert thresholds", "Export format").contains(t.get("subject").asText())) {
                clean.add("tickets/" + t.get("id").asText());
            }
        }
        assertThat(clean).isNotEmpty();
        assertThat(all.findings()).extracting(AssetFinding::asset).doesNotContainAnyElementsOf(clean)
                .contains("tickets/5001/invoice.pdf");
    }

    // --- fixtures ---

    private static String databaseYaml(int batchSize) {
        return """
                fingerprint-key: ${file:%s}
                sources:
                  - name: helpdesk-db
                    type: support
                    tickets:
                      url: %s
                      user: postgres
                      password: ${env:PIIMAP_NO_SUCH_VARIABLE_UNLESS_NEEDED}
                      table: helpdesk.tickets
                      columns: {id: ticket_no, requester: requester_email, created: created_at}
                      attachments:
                        table: helpdesk.ticket_files
                        columns: {ticket-id: ticket_no, file-name: name, key: object_key}
                    attachments-root: ./files
                    batch-size: %d
                """.formatted(keyFile, postgres.getJdbcUrl("postgres", "postgres"), batchSize)
                .replace("      password: ${env:PIIMAP_NO_SUCH_VARIABLE_UNLESS_NEEDED}\n", "");
    }

    private static SupportSourceConfig support(String sourcesYaml) {
        return (SupportSourceConfig) config(sourcesYaml).sources().get(0);
    }

    private static ScanConfig config(String sourcesYaml) {
        return new ScanConfigLoader().parse("datamap: ./datamap\n" + sourcesYaml, dir);
    }

    private static ItemResult scanAll(SupportConnector connector, List<ScanItem> items) {
        List<AssetOutcome> assets = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        for (ScanItem item : items) {
            ItemResult r = connector.scan(item, CONTEXT);
            assets.addAll(r.assets());
            findings.addAll(r.findings());
        }
        return new ItemResult(assets, findings);
    }

    private static Map<String, AssetOutcome> byAsset(ItemResult result) {
        Map<String, AssetOutcome> out = new LinkedHashMap<>();
        for (AssetOutcome a : result.assets()) {
            assertThat(out.put(a.asset(), a)).as("one outcome per asset: " + a.asset()).isNull();
        }
        return out;
    }

    private static List<org.assertj.core.groups.Tuple> findingTriples(ItemResult result) {
        return result.findings().stream().map(f -> tuple(f.asset(), f.assetKind(), f.type())).toList();
    }

    /** HMAC-SHA256 over {@code EMAIL_ADDRESS:<lower-cased address>} under the test key, written out here on purpose. */
    static String fingerprint(String address) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(("EMAIL_ADDRESS:" + address.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String allBytes(Path root) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void writeExport(Path folder, boolean array) throws Exception {
        Files.createDirectories(folder.resolve("attachments/1042"));
        List<String> tickets = List.of(
                """
                {"id": 1042, "requester": {"email": "Ana.Diaz@example.com", "name": "Ana Diaz"}, "subject": "Invoice dispute",
                 "description": "Hello, this is Ana Diaz. The invoice is wrong.", "created_at": "2026-11-02T09:15:00Z",
                 "attachments": [{"file_name": "invoice.pdf", "path": "attachments/1042/invoice.pdf"}]}""",
                """
                {"id": "1043", "requester": "bob.stone@example.org", "subject": "Card charged twice",
                 "comments": [{"body": "My card 4111 1111 1111 1111 was charged twice."}, {"body": "Any news?"}]}""",
                """
                {"id": 1044, "requester_email": "chen.wei@example.net", "subject": "Contract", "body": "Signed copy attached.",
                 "attachments": [{"file_name": "missing.docx"}]}""");
        String text = array ? "[\n" + String.join(",\n", tickets) + "\n]\n"
                : String.join("\n", tickets.stream().map(t -> t.replace("\n", " ")).toList()) + "\n";
        Files.writeString(folder.resolve(array ? "tickets.json" : "tickets.jsonl"), text);
        SampleDocuments.pdf(folder.resolve("attachments/1042/invoice.pdf"), List.of("Invoice INV-77", "Billing contact: accounts.ana@example.com"));
    }

    private static void writeMailboxes(Path folder) throws Exception {
        Files.createDirectories(folder.resolve("archive"));
        String mbox = """
                From ana.diaz@example.com Mon Jan  1 00:00:00 2024
                From: Ana Diaz <ana.diaz@example.com>
                To: support@example.com
                Subject: Call me
                Message-ID: <m1@example.com>

                Please call me back on +1 415 555 0142.

                From bob.stone@example.org Mon Jan  1 01:00:00 2024
                From: bob.stone@example.org
                To: support@example.com
                Subject: Thanks
                Message-ID: <m2@example.com>

                Thank you, all good.
                >From now on I will write less.

                From dora.k@example.com Mon Jan  1 02:00:00 2024
                From: "Dora K" <dora.k@example.com>
                To: support@example.com
                Subject: Identity check

                My social security number is 536-22-8714 as requested.
                """;
        Files.writeString(folder.resolve("archive/support.mbox"), mbox);
        SampleDocuments.eml(folder.resolve("complaint.eml"), "Chen Wei <chen.wei@example.net>", "support@example.com",
                "Login broken", "I cannot log in.\n", "repro.txt", bytes("Tried from 203.0.113.77 this morning.\n"), "text/plain");
    }
}

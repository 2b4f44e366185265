package dev.piimap.scanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.reports.SparkSessions;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dsr locate} end to end on real parts: an embedded PostgreSQL with tables keyed by id, by e-mail and not
 * at all, a folder of files, a helpdesk export with an attachment that does not mention its requester; scanned by
 * {@code bin/scan run} (Spark local, Delta), then searched by {@code bin/scan dsr locate}. Fingerprints are checked
 * against the classifiers' Fingerprinter under the test key; the data map is written uncompressed, so a raw value
 * in any of its files would show in the bytes read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DsrLocateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "dsr-test-fingerprint-key-0123456789abcdef";
    private static final String OTHER_KEY = "another-dsr-test-key-fedcba9876543210";
    private static final Fingerprinter KEYED = new Fingerprinter(KEY.getBytes(StandardCharsets.UTF_8));
    private static final Fingerprinter OTHER = new Fingerprinter(OTHER_KEY.getBytes(StandardCharsets.UTF_8));
    private static final String ANA = "ana.diaz@example.com";
    /** Raw values seeded in the estate that must not appear anywhere in the data map or the command output. */
    private static final List<String> CANARIES = List.of(ANA, "Ana.Diaz@example.com", "bob.stone@example.org",
            "dora.k@example.com", "+44 20 7946 0958", "+442079460958", "02079460958", "4111 1111 1111 1111",
            "4111111111111111", "DE89 3704 0044 0532 0130 00", "DE89370400440532013000");

    @TempDir
    static Path dir;
    private EmbeddedPostgres postgres;
    private final SparkSession spark = SparkSessions.getOrCreate("local[2]", "piimap-scanner-tests");
    private Path config;
    private Path otherKeyConfig;
    private Path keyFile;
    private Path otherKeyFile;
    private Path datamap;
    private String savedCodec;

    @BeforeAll
    void scanTheEstate() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE SCHEMA crm;
                    CREATE TABLE crm.customers (id integer PRIMARY KEY, email text, phone text, note text);
                    INSERT INTO crm.customers VALUES
                        (1, 'Ana.Diaz@example.com', '+44 20 7946 0958', 'prefers e-mail'),
                        (2, 'bob.stone@example.org', '+1 415 555 0142', 'met at the fair'),
                        (3, 'carol.white@example.net', NULL, 'also reachable as ana.diaz@example.com');
                    CREATE TABLE crm.newsletter (email text PRIMARY KEY, since date);
                    INSERT INTO crm.newsletter VALUES ('ana.diaz@example.com', '2026-01-02'), ('dora.k@example.com', '2026-02-03');
                    CREATE TABLE crm.audit (actor text, action text);
                    INSERT INTO crm.audit VALUES ('ana.diaz@example.com', 'login'), ('bob.stone@example.org', 'logout');
                    CREATE TABLE crm.payouts (id integer PRIMARY KEY, iban text);
                    INSERT INTO crm.payouts VALUES (7, 'DE89 3704 0044 0532 0130 00');
                    """);
        }
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("contacts.txt"), """
                Contacts exported 2026-11-01
                bob.stone@example.org
                ana.diaz@example.com, +44 20 7946 0958
                """);
        Files.writeString(share.resolve("clean.txt"), "Nothing personal in here.\n");
        Path export = Files.createDirectories(dir.resolve("export/attachments/1042"));
        Files.writeString(dir.resolve("export/tickets.jsonl"), """
                {"id": 1042, "requester": "Ana Diaz <ana.diaz@example.com>", "subject": "Refund", "description": "Please refund my last order.", "attachments": [{"file_name": "invoice.txt"}]}
                {"id": 1043, "requester": "bob.stone@example.org", "subject": "Charged twice", "description": "Card 4111 1111 1111 1111 was charged twice."}
                """);
        Files.writeString(export.resolve("invoice.txt"), "Invoice 2026-118\nTotal 42.00 EUR\n");
        keyFile = Files.writeString(dir.resolve("fingerprint.key"), KEY + "\n");
        otherKeyFile = Files.writeString(dir.resolve("other.key"), OTHER_KEY + "\n");
        datamap = dir.resolve("datamap");
        config = writeConfig("scan.yaml", keyFile);
        otherKeyConfig = writeConfig("scan-other-key.yaml", otherKeyFile);

        savedCodec = spark.conf().get("spark.sql.parquet.compression.codec");
        // Uncompressed, so that a raw value in a Parquet page would show in the bytes read back.
        spark.conf().set("spark.sql.parquet.compression.codec", "uncompressed");
        CliRunner.Result run = CliRunner.run("run", "--config", config.toString(), "--run-id", "dsr-1");
        assertThat(run.status()).as(run.err()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        if (savedCodec != null) {
            spark.conf().set("spark.sql.parquet.compression.codec", savedCodec);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void findsASubjectInTableRowsByKeyInAFileByLineAndInEveryAssetOfTheirTicketsByRequester() throws Exception {
        CliRunner.Result r = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(), "--email", "  ANA.Diaz@Example.com",
                "--config", config.toString());

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, JsonNode> places = places(r.out());
        String ana = KEYED.fingerprint(EntityType.EMAIL_ADDRESS, ANA);
        assertThat(places.keySet()).containsExactlyInAnyOrder("crm crm.customers.email", "crm crm.customers.note",
                "crm crm.newsletter.email", "crm crm.audit.actor", "share contacts.txt", "desk tickets/1042",
                "desk tickets/1042/invoice.txt");
        assertThat(places.values()).allSatisfy(p -> {
            assertThat(p.get("type").asText()).isEqualTo("EMAIL_ADDRESS");
            assertThat(p.get("run_id").asText()).isEqualTo("dsr-1");
        });
        assertPlace(places.get("crm crm.customers.email"), "column", 1, "id=1");
        assertPlace(places.get("crm crm.customers.note"), "column", 1, "id=3");
        assertPlace(places.get("crm crm.newsletter.email"), "column", 1, "email=fp:" + ana);
        assertPlace(places.get("crm crm.audit.actor"), "column", 1);
        assertPlace(places.get("share contacts.txt"), "file", 1, "line 3");
        assertPlace(places.get("desk tickets/1042"), "ticket", 1, "ticket 1042");
        assertPlace(places.get("desk tickets/1042/invoice.txt"), "attachment", 1, "ticket 1042");
        assertThat(places.get("desk tickets/1042/invoice.txt").get("links").get("ticket").asText()).isEqualTo("1042");
        assertThat(places.get("share contacts.txt").get("item").asText()).isEqualTo("contacts.txt");
        assertThat(places.get("crm crm.customers.email").has("links")).isFalse();
        assertThat(r.err()).contains("run dsr-1: 7 places for EMAIL_ADDRESS fingerprint " + ana);
        assertNoCanary(r.out() + r.err());
    }

    @Test
    @Order(2)
    void anyIndexedTypeIsFoundByValueWhateverItsFormattingAndTheTableFormatLinesPlacesUp() throws Exception {
        CliRunner.Result phone = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(),
                "--value", "phone_number=020 7946 0958", "--config", config.toString());
        CliRunner.Result iban = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(),
                "--value", "IBAN=de89370400440532013000", "--fingerprint-key", "${file:" + keyFile + "}", "--format", "table");

        assertThat(phone.status()).as(phone.err()).isZero();
        Map<String, JsonNode> places = places(phone.out());
        assertThat(places.keySet()).containsExactlyInAnyOrder("crm crm.customers.phone", "share contacts.txt");
        assertPlace(places.get("crm crm.customers.phone"), "column", 1, "id=1");
        assertPlace(places.get("share contacts.txt"), "file", 1, "line 3");
        assertThat(iban.status()).as(iban.err()).isZero();
        assertThat(iban.out().lines().toList()).containsExactly(
                "SOURCE  ASSET             TYPE  COUNT  KEYS",
                "crm     crm.payouts.iban  IBAN      1  id=7");
        assertNoCanary(phone.out() + phone.err() + iban.out() + iban.err());
    }

    @Test
    @Order(3)
    void theSameValueHasOneFingerprintInEverySourceAndNoRawValueIsStoredAnywhere() throws Exception {
        DataMapReader reader = DataMapReader.open(spark, datamap.toString());
        RunRecord run = reader.requireCommitted("dsr-1");
        List<Row> rows = reader.subjects(run).collectAsList();

        assertThat(run.fingerprintKeyId()).isEqualTo(KEYED.keyId());
        String ana = KEYED.fingerprint(EntityType.EMAIL_ADDRESS, ANA);
        assertThat(rows).filteredOn(row -> Rows.string(row, "fingerprint").equals(ana))
                .extracting(row -> Rows.string(row, "source")).contains("crm", "share", "desk");
        assertThat(rows).filteredOn(row -> Rows.string(row, "asset").equals("tickets/1043"))
                .extracting(row -> Rows.string(row, "type")).containsExactlyInAnyOrder("EMAIL_ADDRESS", "CREDIT_CARD");
        assertThat(rows).allSatisfy(row -> {
            assertThat(Rows.string(row, "fingerprint")).matches("[0-9a-f]{64}");
            assertThat(Rows.strings(row, "keys")).allSatisfy(key -> assertThat(key)
                    .matches("line \\d+|ticket \\d+|[a-z_]+=(\\d+|fp:[0-9a-f]{64})( at .+)?"));
        });
        StringBuilder everything = new StringBuilder(rows.toString());
        try (Stream<Path> files = Files.walk(datamap)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                everything.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(everything.toString()).as("positive control: uncompressed pages are readable").contains(ana);
        assertNoCanary(everything.toString());
    }

    @Test
    @Order(4)
    void aKeyThatIsNotTheRunsIsABadUsageAndSaysSo() {
        CliRunner.Result r = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(), "--email", ANA,
                "--fingerprint-key", "${file:" + otherKeyFile + "}");

        assertThat(r.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("--fingerprint-key")
                .contains("the key is not the one run dsr-1 used").contains("fix: ");
        assertNoCanary(r.err());
    }

    @Test
    @Order(5)
    void badUsageNeverRepeatsTheValue() {
        Assumptions.assumeTrue(System.getenv("PIIMAP_FINGERPRINT_KEY") == null, "the default key variable is set");
        CliRunner.Result noKey = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(), "--email", ANA);
        CliRunner.Result unknownType = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(),
                "--value", "SHOE_SIZE=" + ANA, "--config", config.toString());
        CliRunner.Result noType = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(),
                "--value", ANA, "--config", config.toString());
        CliRunner.Result stray = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(),
                "--email", "+44", "20 7946 0958", "--config", config.toString());
        CliRunner.Result both = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(),
                "--email", ANA, "--value", "IBAN=DE89370400440532013000", "--config", config.toString());
        CliRunner.Result rawKey = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(),
                "--email", ANA, "--fingerprint-key", KEY);

        assertThat(noKey.err()).contains("--fingerprint-key").contains("PIIMAP_FINGERPRINT_KEY").contains("--config");
        assertThat(unknownType.err()).contains("--value").contains("EMAIL_ADDRESS, PHONE_NUMBER").doesNotContain("SHOE_SIZE");
        assertThat(noType.err()).contains("--value").contains("TYPE=VALUE");
        assertThat(stray.err()).contains("unexpected argument");
        assertThat(rawKey.err()).contains("--fingerprint-key").contains("not a secret reference").doesNotContain(KEY);
        for (CliRunner.Result r : List.of(noKey, unknownType, noType, stray, both, rawKey)) {
            assertThat(r.status()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("7946");
            assertNoCanary(r.err());
        }
    }

    @Test
    @Order(6)
    void aKeyThatCannotBeReadWhereItemsAreScannedMakesEachItemAnErrorNamingTheReference() throws Exception {
        Path missing = dir.resolve("no-such.key");
        ScanConfig cfg = new ScanConfigLoader().load(config);
        ScanContext context = new ScanContext("run-x", cfg.limits(), false)
                .withSubjectKey(dev.piimap.scanner.config.SecretRef.parse("${file:" + missing + "}"));

        for (int i = 0; i < cfg.sources().size(); i++) {
            SourceConnector connector = cfg.sources().get(i).connector();
            ScanItem item = connector.listItems().get(0);
            ItemResult result = connector.scan(item, context);
            assertThat(result.assets()).as(connector.name()).isNotEmpty().allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(ItemStatus.ERROR);
                assertThat(a.detail()).contains("fingerprint-key ${file:" + missing + "}").contains("on this executor");
            });
            assertThat(result.subjects()).isEmpty();
        }
    }

    @Test
    @Order(7)
    void aKeyThatCannotBeReadOnTheDriverStopsTheRunBeforeAnythingIsWritten() throws Exception {
        Path yaml = Files.writeString(dir.resolve("unset-key.yaml"), """
                datamap: %s
                fingerprint-key: ${env:PIIMAP_TEST_UNSET_KEY_VARIABLE}
                sources:
                  - {name: share, type: files, root: %s}
                """.formatted(dir.resolve("never-written"), dir.resolve("share")));

        CliRunner.Result r = CliRunner.run("run", "--config", yaml.toString());

        assertThat(r.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("fingerprint-key")
                .contains("${env:PIIMAP_TEST_UNSET_KEY_VARIABLE}").contains("fix: ");
        assertThat(dir.resolve("never-written")).doesNotExist();
    }

    @Test
    @Order(8)
    void withoutAKeyARunKeepsNoIndexWarnsOnceAndDsrLocateSaysWhy() throws Exception {
        Path noKeyMap = dir.resolve("datamap-no-key");
        Path yaml = Files.writeString(dir.resolve("no-key.yaml"), """
                datamap: %s
                spark: {master: "local[2]"}
                sources:
                  - {name: share, type: files, root: %s}
                """.formatted(noKeyMap, dir.resolve("share")));

        CliRunner.Result run = CliRunner.run("run", "--config", yaml.toString(), "--run-id", "plain");
        CliRunner.Result locate = CliRunner.run("dsr", "locate", "--datamap", noKeyMap.toString(), "--email", ANA,
                "--config", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("no fingerprint-key"))).singleElement()
                .satisfies(l -> assertThat(l).contains("fingerprint-key: ${env:PIIMAP_FINGERPRINT_KEY}"));
        DataMapReader reader = DataMapReader.open(spark, noKeyMap.toString());
        assertThat(reader.requireCommitted("plain").fingerprintKeyId()).isNull();
        assertThat(reader.subjects(reader.requireCommitted("plain")).count()).isZero();
        assertThat(reader.findings("plain").count()).isPositive();
        assertThat(locate.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(locate.err()).contains("keeps no subject index").contains("fix: ");
    }

    @Test
    @Order(9)
    void anotherKeyRescansEverythingGivesOtherFingerprintsAndOldRunsStayReadableWithTheirKey() throws Exception {
        CliRunner.Result second = CliRunner.run("run", "--config", otherKeyConfig.toString(), "--run-id", "dsr-2");
        assertThat(second.status()).as(second.err()).isZero();

        DataMapReader reader = DataMapReader.open(spark, datamap.toString());
        RunRecord run = reader.requireCommitted("dsr-2");
        assertThat(run.itemsCarried()).as("a changed key rescans every item").isZero();
        assertThat(run.fingerprintKeyId()).isEqualTo(OTHER.keyId()).isNotEqualTo(KEYED.keyId());
        List<String> fingerprints = reader.subjects(run).collectAsList().stream().map(r -> Rows.string(r, "fingerprint")).toList();
        assertThat(fingerprints).contains(OTHER.fingerprint(EntityType.EMAIL_ADDRESS, ANA))
                .doesNotContain(KEYED.fingerprint(EntityType.EMAIL_ADDRESS, ANA));

        CliRunner.Result oldKey = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(), "--email", ANA,
                "--config", config.toString());
        CliRunner.Result oldRun = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(), "--email", ANA,
                "--config", config.toString(), "--run", "dsr-1");
        CliRunner.Result newKey = CliRunner.run("dsr", "locate", "--datamap", datamap.toString(), "--email", ANA,
                "--config", otherKeyConfig.toString());
        assertThat(oldKey.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(oldKey.err()).contains("--config").contains("the key is not the one run dsr-2 used");
        assertThat(oldRun.status()).as(oldRun.err()).isZero();
        assertThat(places(oldRun.out())).hasSize(7);
        assertThat(newKey.status()).as(newKey.err()).isZero();
        assertThat(places(newKey.out())).hasSize(7).allSatisfy((place, line) -> assertThat(line.get("run_id").asText()).isEqualTo("dsr-2"));
    }

    // --- helpers ---

    private Path writeConfig(String name, Path key) throws Exception {
        return Files.writeString(dir.resolve(name), """
                datamap: %s
                spark: {master: "local[2]"}
                fingerprint-key: ${file:%s}
                sources:
                  - name: crm
                    type: jdbc
                    url: %s
                    user: postgres
                    include: ["crm.*"]
                  - {name: share, type: files, root: %s}
                  - {name: desk, type: support, export: %s}
                """.formatted(datamap, key, postgres.getJdbcUrl("postgres", "postgres"), dir.resolve("share"),
                dir.resolve("export")));
    }

    /** The JSON lines of a dsr locate output, by "source asset" (each place once). */
    private static Map<String, JsonNode> places(String out) throws Exception {
        Map<String, JsonNode> places = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                String key = node.get("source").asText() + " " + node.get("asset").asText();
                assertThat(places.put(key, node)).as("one line per place: " + key).isNull();
            }
        }
        return places;
    }

    private static void assertPlace(JsonNode place, String assetKind, long count, String... keys) {
        assertThat(place).as("place").isNotNull();
        assertThat(place.get("asset_kind").asText()).isEqualTo(assetKind);
        assertThat(place.get("count").asLong()).isEqualTo(count);
        if (keys.length == 0) {
            assertThat(place.has("keys")).as(place.toString()).isFalse();
        } else {
            List<String> actual = new ArrayList<>();
            place.get("keys").forEach(k -> actual.add(k.asText()));
            assertThat(actual).as(place.toString()).containsExactly(keys);
        }
    }

    private static void assertNoCanary(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String canary : CANARIES) {
            assertThat(lower).as("no raw value").doesNotContain(canary.toLowerCase(Locale.ROOT));
        }
    }
}

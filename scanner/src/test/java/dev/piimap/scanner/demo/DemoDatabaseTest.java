package dev.piimap.scanner.demo;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.jdbc.JdbcConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The demo estate on its real embedded PostgreSQL, started once for the class. */
class DemoDatabaseTest {
    private static final Pattern CARD = Pattern.compile("\\d[\\d -]{11,20}\\d");

    @TempDir
    static Path dir;
    private static DemoDatabase demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoDatabase.start(dir.resolve("demo"));
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void holdsTheDemoTablesWithTheirRowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("accounts.customers", "accounts.plans", "billing.invoices", "billing.payments",
                "public.feature_flags", "support.ticket_attachments", "support.tickets", "telemetry.events")) {
            counts.put(table, longValue("SELECT count(*) FROM " + table));
        }

        assertThat(counts).containsExactly(entry("accounts.customers", 1_000L), entry("accounts.plans", 5L),
                entry("billing.invoices", 1_500L), entry("billing.payments", 2_000L), entry("public.feature_flags", 12L),
                entry("support.ticket_attachments", 5L), entry("support.tickets", 400L), entry("telemetry.events", 2_000L));
        assertThat(demo.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + demo.port() + "/ahurasense");
        assertThat(demo.user()).isEqualTo("piimap_reader");
    }

    @Test
    void ibansPassTheMod97Check() throws SQLException {
        List<String> ibans = strings("SELECT iban FROM billing.payments WHERE iban IS NOT NULL");

        assertThat(ibans).hasSizeGreaterThan(1_000)
                .anySatisfy(iban -> assertThat(iban).contains(" "))
                .anySatisfy(iban -> assertThat(iban).doesNotContain(" "))
                .allSatisfy(iban -> {
                    String compact = iban.replace(" ", "");
                    assertThat(compact).matches("(GB|DE|FR|NL)\\d{2}[A-Z0-9]{10,30}");
                    assertThat(mod97(compact.substring(4) + compact.substring(0, 4))).as(iban).isEqualTo(1);
                });
        assertThat(ibans).extracting(iban -> iban.substring(0, 2)).contains("GB", "DE", "FR", "NL");
    }

    @Test
    void cardNumbersLeakedInPaymentNotesPassLuhn() throws SQLException {
        List<String> cards = new ArrayList<>();
        for (String note : strings("SELECT note FROM billing.payments WHERE note IS NOT NULL")) {
            Matcher m = CARD.matcher(note);
            while (m.find()) {
                cards.add(m.group().replaceAll("[ -]", ""));
            }
        }

        assertThat(cards).hasSizeBetween(50, 200).allSatisfy(card -> {
            assertThat(card).hasSizeBetween(15, 16);
            assertThat(luhnValid(card)).as(card).isTrue();
        });
    }

    @Test
    void telemetryMixesIpv4AndIpv6() throws SQLException {
        assertThat(longValue("SELECT count(*) FROM telemetry.events WHERE family(ip) = 4")).isBetween(1_200L, 1_600L);
        assertThat(longValue("SELECT count(*) FROM telemetry.events WHERE family(ip) = 6")).isBetween(400L, 800L);
    }

    @Test
    void telemetrySpansFiveYearsAndSomePaymentsAreOlderThanSevenYears() throws SQLException {
        assertThat(string(DemoDatabase.DATABASE, "SELECT min(ts)::date || ' ' || max(ts)::date FROM telemetry.events"))
                .matches("2022-01-0\\d 2026-11-2\\d");
        assertThat(longValue("SELECT count(*) FROM telemetry.events WHERE ts < timestamptz '2025-10-28 00:00Z'"))
                .isBetween(1_400L, 1_650L);
        assertThat(longValue("SELECT count(*) FROM billing.payments WHERE created_at < timestamptz '2019-11-28 00:00Z'"))
                .isBetween(500L, 850L);
        assertThat(longValue("SELECT count(*) FROM billing.payments WHERE created_at >= timestamptz '2026-01-01 00:00Z'"))
                .isPositive();
    }

    @Test
    void generatesTheSameRowsEveryTime() throws SQLException {
        try (Connection admin = demo.adminConnection("postgres"); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE ahurasense_again");
        }
        try (Connection again = demo.adminConnection("ahurasense_again")) {
            DemoData.load(again);
        }
        for (String table : List.of("accounts.customers", "billing.payments", "telemetry.events", "support.tickets")) {
            String digest = "SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM " + table + " t";
            assertThat(string("ahurasense_again", digest)).as(table).isEqualTo(string(DemoDatabase.DATABASE, digest));
        }
    }

    @Test
    void readerRoleCanSelectButNotWrite() throws SQLException {
        try (Connection c = DriverManager.getConnection(demo.jdbcUrl(), demo.user(), "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts.customers")) {
                assertThat(rs.next()).isTrue();
            }
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM accounts.plans"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.executeUpdate("CREATE TABLE public.sneaky (id integer)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void connectorFindsEmailsInTheDemoEstateAndNothingInCleanTables() throws Exception {
        JdbcConnector connector = new JdbcConnector(new JdbcSourceConfig("ahurasense", demo.jdbcUrl(), demo.user(), null,
                List.of(), JdbcSourceConfig.DEFAULT_SAMPLE_ROWS));
        List<ScanItem> items = connector.listItems();
        List<AssetOutcome> assets = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        ScanContext context = new ScanContext("demo-test", ExtractionLimits.defaults(), true);
        for (ScanItem item : items) {
            ItemResult result = connector.scan(item, context);
            assets.addAll(result.assets());
            findings.addAll(result.findings());
        }

        assertThat(items).extracting(ScanItem::locator).containsExactly("accounts.customers", "accounts.plans",
                "billing.invoices", "billing.payments", "public.feature_flags", "support.ticket_attachments", "support.tickets",
                "telemetry.events");
        assertThat(assets).hasSize(10 + 6 + 9 + 7 + 5 + 3 + 5 + 7).extracting(AssetOutcome::status).containsOnly(ItemStatus.OK);
        assertThat(findings).filteredOn(f -> f.type() == EntityType.EMAIL_ADDRESS).extracting(AssetFinding::asset)
                .contains("accounts.customers.email", "support.tickets.requester_email");
        assertThat(findings).extracting(AssetFinding::asset)
                .noneMatch(a -> a.startsWith("accounts.plans.") || a.startsWith("billing.invoices.")
                        || a.startsWith("public.feature_flags.") || a.startsWith("support.ticket_attachments."));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotADataDirectory() throws Exception {
        Path folder = dir.resolve("not-a-demo");
        Files.createDirectories(folder.resolve(DemoDatabase.DATA_DIRECTORY));
        Files.writeString(folder.resolve(DemoDatabase.DATA_DIRECTORY).resolve("keep.txt"), "user file");

        assertThatThrownBy(() -> DemoDatabase.start(folder)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not a PostgreSQL data directory");
        assertThat(folder.resolve(DemoDatabase.DATA_DIRECTORY).resolve("keep.txt")).exists();
    }

    // ---- helpers: checksums computed independently of the generator

    private static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static long longValue(String sql) throws SQLException {
        return Long.parseLong(string(DemoDatabase.DATABASE, sql));
    }

    private static String string(String database, String sql) throws SQLException {
        try (Connection c = demo.adminConnection(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = demo.adminConnection(DemoDatabase.DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

package dev.piimap.reports.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The retention check over a real Delta data map written by {@link DataMapFixture} (plus its {@code dates}
 * rows): tables judged by their dated rows, files by their modification time, embedded documents by their
 * outer file's, the strictest rule per asset, undated assets listed, worst first.
 */
class RetentionCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String POLICY = """
            retention:
              - {name: telemetry, categories: [user.device], max-age: 13 months}
              - {name: support, sources: ["helpdesk*"], max-age: 24 months}
              - {name: payments, categories: [user.financial], max-age: 7 years}
              - {name: exports, categories: [user.contact], assets: ["exports/**"], max-age: 90 days}
              - {name: app support, assets: ["support.*"], max-age: 24 months}
            """;

    @TempDir
    static Path dir;
    private static DataMapReader reader;
    private static RetentionReport report;

    @BeforeAll
    static void writeDataMap() {
        SparkSession spark = TestSpark.session();
        DataMapFixture fixture = new DataMapFixture(spark, dir.toString())
                .run("r0", "committed", T0.minusSeconds(3_600), "app-db", "share")
                .run("r1", "committed", T0, "app-db", "share", "helpdesk-export");
        // An earlier run: its findings must not count.
        fixture.finding("r0", "share", "docs/manual.pdf", "file", "IP_ADDRESS", "user.device.ip_address", 1, 0.9, null, "x")
                .asset("r0", "share", "docs/manual.pdf", "file", "ok", null, 10L, Instant.parse("2020-01-01T00:00:00Z"));
        // Tables of app-db: their columns' findings.
        column(fixture, "telemetry.events.ip", "IP_ADDRESS", "user.device.ip_address");
        column(fixture, "telemetry.events.user_agent", "USER_AGENT", "user.device.browser");
        column(fixture, "billing.payments.iban", "IBAN", "user.financial.bank_account");
        column(fixture, "billing.payments.note", "CREDIT_CARD", "user.financial.bank_account.credit_card");
        column(fixture, "accounts.customers.email", "EMAIL_ADDRESS", "user.contact.email");
        column(fixture, "telemetry.sessions.ip", "IP_ADDRESS", "user.device.ip_address");
        column(fixture, "events.multi.ip", "IP_ADDRESS", "user.device.ip_address");
        // A table without findings or dates that a rule without categories covers.
        fixture.asset("r1", "app-db", "support.ticket_files.object_key", "column", "ok", null, null, null);
        // Files of share.
        file(fixture, "share", "exports/customers.csv", "file", "2026-05-01T08:00:00Z", "user.contact.email",
                "user.device.ip_address");
        file(fixture, "share", "logs/old-access.log", "file", "2024-06-02T23:59:00Z", "user.device.ip_address");
        file(fixture, "share", "logs/new.log", "file", "2026-11-01T00:00:00Z", "user.device.ip_address");
        file(fixture, "share", "bundle.zip", "file", "2023-01-01T12:00:00Z");
        file(fixture, "share", "bundle.zip!/debug.log", "embedded", null, "user.device.ip_address");
        file(fixture, "share", "docs/manual.pdf", "file", "2020-01-01T00:00:00Z");
        fixture.asset("r1", "share", "unlisted/", "source", "error", "permission denied", null, null);
        // Support export.
        file(fixture, "helpdesk-export", "tickets/7", "ticket", "2023-05-05T10:00:00Z", "user.contact.email");
        file(fixture, "helpdesk-export", "tickets/8/scan.png", "attachment", "2024-12-30T10:00:00Z");
        file(fixture, "helpdesk-export", "tickets/9/old.txt", "attachment", "2022-01-01T10:00:00Z");
        file(fixture, "helpdesk-export", "tickets/10", "ticket", null, "user.contact.email");
        DataMapLayout layout = fixture.write();

        List<Row> dates = new ArrayList<>();
        dates.add(dated("telemetry.events", "ts", "2024-01-01", 10, true));
        dates.add(dated("telemetry.events", "ts", "2025-06-01", 5, true));
        dates.add(dated("telemetry.events", "ts", "2026-06-01", 20, true));
        dates.add(dated("billing.payments", "created_at", "2018-05-05", 3, false));
        dates.add(dated("billing.payments", "created_at", "2020-01-01", 4, false));
        dates.add(dated("billing.invoices", "issued_on", "2010-01-01", 9, false));
        dates.add(dated("events.multi", "created_at", "2020-03-01", 1, false));
        dates.add(dated("events.multi", "updated_at", "2021-03-01", 5, false));
        dates.add(RowFactory.create("r0", "app-db", "telemetry.events", "ts", LocalDate.parse("2000-01-01"), 99L, false, null));
        spark.createDataFrame(dates, DataMapLayout.DATES_SCHEMA).write().format("delta").mode(SaveMode.Append)
                .save(layout.datesTable());

        reader = DataMapReader.open(spark, dir.toString());
        report = new RetentionCheck(reader).check(reader.requireCommitted("r1"), RetentionPolicy.parse(POLICY,
                RetentionPolicyTest.KNOWN), AS_OF);
    }

    @Test
    void reportsEveryAssetOverItsStrictestRuleWorstFirst() {
        assertThat(report.runId()).isEqualTo("r1");
        assertThat(report.violations()).extracting(RetentionViolation::source, RetentionViolation::asset,
                RetentionViolation::assetKind, RetentionViolation::rule, RetentionViolation::daysOver).containsExactly(
                tuple("app-db", "events.multi", "table", "telemetry", 1_704L),
                tuple("helpdesk-export", "tickets/9/old.txt", "attachment", "support", 1_064L),
                tuple("share", "bundle.zip!/debug.log", "embedded", "telemetry", 1_033L),
                tuple("app-db", "telemetry.events", "table", "telemetry", 668L),
                tuple("helpdesk-export", "tickets/7", "ticket", "support", 575L),
                tuple("app-db", "billing.payments", "table", "payments", 574L),
                tuple("share", "logs/old-access.log", "file", "telemetry", 515L),
                tuple("share", "exports/customers.csv", "file", "exports", 123L));
    }

    @Test
    void aTableReportsItsRowsOverTheLimitTheOldestDayAndTheDateColumn() {
        RetentionViolation events = violation("telemetry.events");
        assertThat(events.rowsOver()).isEqualTo(15L);
        assertThat(events.estimated()).isTrue();
        assertThat(events.oldest()).isEqualTo("2024-01-01");
        assertThat(events.dateColumn()).isEqualTo("ts");
        assertThat(events.cutoff()).isEqualTo(LocalDate.of(2025, 10, 30));
        assertThat(events.categories()).containsExactly("user.device.browser", "user.device.ip_address");
        assertThat(events.reason()).isEqualTo("15 rows (estimated from a sample) dated by ts before 2025-10-30"
                + " (older than 13 months); oldest 2024-01-01");

        RetentionViolation payments = violation("billing.payments");
        assertThat(payments).extracting(RetentionViolation::rowsOver, RetentionViolation::estimated,
                RetentionViolation::oldest, RetentionViolation::maxAge).containsExactly(3L, false, "2018-05-05",
                new MaxAge(7, MaxAge.Unit.YEAR));
        assertThat(payments.categories()).containsExactly("user.financial.bank_account",
                "user.financial.bank_account.credit_card");
    }

    @Test
    void aTableDatedByTwoColumnsIsJudgedByTheOneWithMostRowsOver() {
        assertThat(violation("events.multi")).extracting(RetentionViolation::dateColumn, RetentionViolation::rowsOver,
                RetentionViolation::oldest).containsExactly("updated_at", 5L, "2021-03-01");
    }

    @Test
    void filesAreDatedByTheirModificationTimeAndEmbeddedDocumentsByTheirOuterFiles() {
        RetentionViolation log = violation("logs/old-access.log");
        assertThat(log.oldest()).isEqualTo("2024-06-02T23:59:00Z");
        assertThat(log.rowsOver()).isNull();
        assertThat(log.estimated()).isFalse();
        assertThat(log.reason()).isEqualTo("modified 2024-06-02, older than 13 months (before 2025-10-30)");
        assertThat(violation("bundle.zip!/debug.log").oldest()).isEqualTo("2023-01-01T12:00:00Z");
    }

    @Test
    void theStrictestRuleJudgesAndNamesOnlyTheCategoriesItCovers() {
        RetentionViolation export = violation("exports/customers.csv");
        assertThat(export.rule()).isEqualTo("exports");
        assertThat(export.maxAge()).hasToString("90 days");
        assertThat(export.categories()).containsExactly("user.contact.email");
    }

    @Test
    void aRuleWithoutCategoriesCoversItsAssetsWithOrWithoutFindings() {
        assertThat(violation("tickets/9/old.txt").categories()).isEmpty();
        assertThat(violation("tickets/7").categories()).containsExactly("user.contact.email");
        assertThat(report.violations()).extracting(RetentionViolation::asset)
                .doesNotContain("tickets/8/scan.png", "logs/new.log", "docs/manual.pdf", "billing.invoices",
                        "accounts.customers", "bundle.zip");
    }

    @Test
    void assetsARuleAppliesToWithoutADateAreListedAsUndated() {
        assertThat(report.undated()).extracting(RetentionReport.Undated::source, RetentionReport.Undated::asset,
                RetentionReport.Undated::assetKind, RetentionReport.Undated::rule).containsExactly(
                tuple("app-db", "support.ticket_files", "table", "app support"),
                tuple("app-db", "telemetry.sessions", "table", "telemetry"),
                tuple("helpdesk-export", "tickets/10", "ticket", "support"));
    }

    @Test
    void nothingIsOverTheLimitOnAnEarlierDay() {
        RetentionReport early = new RetentionCheck(reader).check(reader.requireCommitted("r1"),
                RetentionPolicy.parse(POLICY, RetentionPolicyTest.KNOWN), LocalDate.of(2018, 1, 1));

        assertThat(early.violations()).isEmpty();
        assertThat(early.undated()).hasSize(3);
    }

    @Test
    void writesJsonLinesWithTheKeysInOrder() throws IOException {
        StringWriter out = new StringWriter();
        RetentionOutput.writeJsonLines(report, out);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(8);
        List<String> keys = new ArrayList<>();
        lines.get(3).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("rule", "source", "asset", "asset_kind", "categories", "max_age", "oldest",
                "rows_over", "estimated", "reason", "date_column", "cutoff", "days_over");
        JsonNode events = lines.get(3);
        assertThat(events.get("asset").asText()).isEqualTo("telemetry.events");
        assertThat(events.get("rows_over").asLong()).isEqualTo(15);
        assertThat(events.get("max_age").asText()).isEqualTo("13 months");
        assertThat(events.get("categories")).hasSize(2);
        JsonNode file = lines.get(6);
        assertThat(file.get("rows_over").isNull()).isTrue();
        assertThat(file.get("date_column").isNull()).isTrue();
        assertThat(file.get("oldest").asText()).isEqualTo("2024-06-02T23:59:00Z");
    }

    @Test
    void writesATableWithTheUndatedAssetsAfterTheViolations() throws IOException {
        StringWriter out = new StringWriter();
        RetentionOutput.writeTable(report, out);

        Iterator<String> lines = out.toString().lines().iterator();
        assertThat(lines.next()).isEqualTo("retention check of run r1 as of 2026-11-30: 8 violations");
        assertThat(lines.next()).startsWith("RULE").contains("ROWS OVER", "DATED BY");
        assertThat(lines.next()).startsWith("telemetry").contains("events.multi", "1,704", "updated_at");
        assertThat(out.toString()).contains("~15").contains("3 assets a rule applies to could not be checked (no date):")
                .contains("  app-db telemetry.sessions (table, rule telemetry): no dated rows");
    }

    // ---- helpers

    private static RetentionViolation violation(String asset) {
        return report.violations().stream().filter(v -> v.asset().equals(asset)).findFirst().orElseThrow();
    }

    private static void column(DataMapFixture fixture, String asset, String type, String category) {
        fixture.finding("r1", "app-db", asset, "column", type, category, 3, 0.9, null, "test")
                .asset("r1", "app-db", asset, "column", "ok", null, null, null);
    }

    /** An asset of run r1 with a finding of each category (types do not matter to retention). */
    private static void file(DataMapFixture fixture, String source, String asset, String kind, String modified,
                             String... categories) {
        fixture.asset("r1", source, asset, kind, "ok", null, 100L, modified == null ? null : Instant.parse(modified));
        for (String category : categories) {
            fixture.finding("r1", source, asset, kind, "TYPE_OF_" + category, category, 1, 0.9, null, "test");
        }
    }

    private static Row dated(String table, String column, String day, long rows, boolean estimated) {
        return RowFactory.create("r1", "app-db", table, column, LocalDate.parse(day), rows, estimated, table);
    }
}

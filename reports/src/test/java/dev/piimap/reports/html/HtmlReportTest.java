package dev.piimap.reports.html;

import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    /** Raw values that never went into the data map: the report must not contain them either. */
    private static final List<String> RAW_VALUES = List.of("4111111111111111", "4111 1111 1111 1111",
            "123-45-6789", "alice.smith@example.com", "hunter2", "DE89370400440532013000");

    @TempDir
    static Path dir;
    private static DataMapReader reader;
    private static String html;

    @BeforeAll
    static void writeRunAndRender() throws IOException {
        SparkSession spark = TestSpark.session();
        new DataMapFixture(spark, dir.toString())
                .run("run-7", "committed", T0, "billing-db", "support-tickets")
                .asset("run-7", "billing-db", "billing.cards.pan", "column", "ok", null, null, null)
                .asset("run-7", "billing-db", "billing.cards.id", "column", "ok", null, null, null)
                .asset("run-7", "support-tickets", "t-1/<script>alert(1)</script>.txt", "file", "ok", null, 90L, T0)
                .asset("run-7", "support-tickets", "t-2/scan.pdf", "file", "error",
                        "TikaException/parse-failed <b>", 4096L, T0)
                .asset("run-7", "support-tickets", "t-3/big.log", "file", "truncated", "limit characters-per-item",
                        1L << 30, T0)
                .finding("run-7", "billing-db", "billing.cards.pan", "column", "CREDIT_CARD",
                        "user.financial.bank_account.credit_card", 50, 0.99, "411111******1111", "50 of 50 values")
                .finding("run-7", "support-tickets", "t-1/<script>alert(1)</script>.txt", "file", "CREDIT_CARD",
                        "user.financial.bank_account.credit_card", 1, 0.9, "411111******1111", "Luhn-valid & near 'card'")
                .finding("run-7", "support-tickets", "t-1/<script>alert(1)</script>.txt", "file", "EMAIL_ADDRESS",
                        "user.contact.email", 2, 0.95, "a***@e***.com", "2 matches")
                .write();
        reader = DataMapReader.open(spark, dir.toString());
        StringWriter out = new StringWriter();
        new HtmlReport(reader).write(out);
        html = out.toString();
    }

    @Test
    void hasTheHeaderAndEverySection() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("run-7", "2026-11-28T10:00:00Z")
                .contains("id=\"overview\"", "id=\"risks\"", "id=\"sources\"", "id=\"outcomes\"")
                .contains("<h3>billing-db</h3>", "<h3>support-tickets</h3>")
                .contains("user.financial.bank_account.credit_card", "user.contact.email");
        assertThat(html.indexOf("id=\"risks\"")).isLessThan(html.indexOf("id=\"sources\""));
    }

    @Test
    void putsCardNumbersOutsidePaymentSystemsFirst() {
        String risks = html.substring(html.indexOf("id=\"risks\""), html.indexOf("id=\"sources\""));

        assertThat(risks).contains("Card numbers outside payment systems", "Card numbers in payment systems",
                "Assets that could not be read", "Assets read in part or skipped");
        assertThat(risks.indexOf("outside payment systems")).isLessThan(risks.indexOf("could not be read"));
        String outside = risks.substring(0, risks.indexOf("Card numbers in payment systems"));
        assertThat(outside).contains("support-tickets: t-1/").doesNotContain("billing.cards.pan");
    }

    @Test
    void listsWhatThePolicyDoesNotDeclareAmongTheRisks() throws IOException {
        dev.piimap.reports.policy.Policy policy = new dev.piimap.reports.policy.PolicyParser().parse("""
                policy: Test policy
                declared:
                  - purpose: payment records
                    categories: [user.financial]
                    where: {sources: [billing-db]}
                """);
        StringWriter out = new StringWriter();

        new HtmlReport(reader).withPolicy(policy).write(out);

        String risks = out.toString().substring(out.toString().indexOf("id=\"risks\""), out.toString().indexOf("id=\"trend\""));
        assertThat(risks).contains("Personal data the privacy policy does not declare (critical)",
                "Personal data the privacy policy does not declare (medium)", "Test policy");
        String critical = risks.substring(risks.indexOf("(critical)"), risks.indexOf("</div>", risks.indexOf("(critical)")));
        assertThat(critical).contains("support-tickets: t-1/&lt;script&gt;").contains("(CREDIT_CARD)")
                .doesNotContain("billing.cards.pan");
        assertThat(html).as("without a policy there is no drift").doesNotContain("does not declare");
    }

    @Test
    void listsDataKeptLongerThanTheRetentionPolicyAllowsAmongTheRisks() throws IOException {
        dev.piimap.reports.retention.RetentionPolicy retention = dev.piimap.reports.retention.RetentionPolicy.parse("""
                retention:
                  - name: support files
                    sources: [support-tickets]
                    max-age: 7 days
                """, java.util.Set.of("user.contact.email", "user.financial.bank_account.credit_card"));
        StringWriter out = new StringWriter();

        new HtmlReport(reader).withRetention(retention, java.time.LocalDate.parse("2026-12-31")).write(out);

        String risks = out.toString().substring(out.toString().indexOf("id=\"risks\""), out.toString().indexOf("id=\"trend\""));
        assertThat(risks).contains("Data kept longer than the retention policy allows")
                .contains("support-tickets: t-1/&lt;script&gt;").contains("support files, max 7 days");
        assertThat(risks).doesNotContain("billing.cards.pan (support files");
    }

    @Test
    void listsMaskedSamplesExplanationsAndReasons() {
        assertThat(html).contains("411111******1111", "a***@e***.com", "Luhn-valid &amp; near &#39;card&#39;")
                .contains("TikaException/parse-failed &lt;b&gt;", "limit characters-per-item", "0.99");
    }

    @Test
    void escapesTextFromTheDataMap() {
        assertThat(html).contains("t-1/&lt;script&gt;alert(1)&lt;/script&gt;.txt")
                .doesNotContain("<script", "parse-failed <b>");
    }

    @Test
    void containsNoRawValues() {
        assertThat(html).doesNotContain(RAW_VALUES);
    }

    @Test
    void writesAFileInPlace() throws IOException {
        Path file = dir.resolve("report.html");

        new HtmlReport(reader).writeFile(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(html);
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }
}

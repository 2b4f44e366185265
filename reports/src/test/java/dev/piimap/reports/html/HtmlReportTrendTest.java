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
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's trend section over three committed runs and one that never committed. */
class HtmlReportTrendTest {
    private static final Instant T0 = Instant.parse("2026-09-01T02:00:00Z");
    private static final String EMAIL = "user.contact.email";
    private static final String CARD = "user.financial.bank_account.credit_card";

    @TempDir
    static Path dir;
    private static DataMapReader reader;

    @BeforeAll
    static void writeRuns() {
        SparkSession spark = TestSpark.session();
        DataMapFixture fixture = new DataMapFixture(spark, dir.toString());
        for (int run = 1; run <= 3; run++) {
            String id = "nightly-" + run;
            fixture.run(id, "committed", T0.plusSeconds(86_400L * run), "share");
            // e-mails in 1, 2, then 3 files; a card number appears in run 3 only
            for (int file = 1; file <= run; file++) {
                fixture.asset(id, "share", "f" + file + ".txt", "file", "ok", null, 10L, T0)
                        .finding(id, "share", "f" + file + ".txt", "file", "EMAIL_ADDRESS", EMAIL, 2, 0.9, null, "2 matches");
            }
        }
        fixture.finding("nightly-3", "share", "f1.txt", "file", "CREDIT_CARD", CARD, 1, 0.95, null, "Luhn-valid")
                .run("broken-4", "incomplete", T0.plusSeconds(86_400L * 4), "share")
                .finding("broken-4", "share", "f9.txt", "file", "US_SSN", "user.government_id.national_identification_number",
                        1, 0.9, null, "never committed")
                .write();
        reader = DataMapReader.open(spark, dir.toString());
    }

    @Test
    void showsAssetsPerCategoryAcrossCommittedRunsWithTheLastChange() throws IOException {
        String trend = section(render("nightly-3"));

        assertThat(trend).contains("last 3 runs").contains("<svg class=\"spark\"");
        String email = rowOf(trend, EMAIL);
        assertThat(email).contains("<td class=\"n\">3</td>", "<td class=\"n\">+1</td>");
        String card = rowOf(trend, CARD);
        assertThat(card).contains("<td class=\"n\">1</td>", "<td class=\"n\">+1</td>");
        assertThat(trend).doesNotContain("broken-4", "national_identification_number");
        assertThat(trend.indexOf("nightly-3")).as("newest run first").isLessThan(trend.indexOf("nightly-1"));
    }

    @Test
    void aReportOfAnEarlierRunEndsItsTrendThere() throws IOException {
        String trend = section(render("nightly-2"));

        assertThat(trend).contains("last 2 runs").doesNotContain("nightly-3").doesNotContain(CARD);
        assertThat(rowOf(trend, EMAIL)).contains("<td class=\"n\">2</td>", "<td class=\"n\">+1</td>");
    }

    @Test
    void theFirstRunSaysTheTrendStartsNextTime() throws IOException {
        assertThat(section(render("nightly-1"))).contains("first committed run");
    }

    private static String render(String runId) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport(reader).write(runId, out);
        return out.toString();
    }

    private static String section(String html) {
        return html.substring(html.indexOf("id=\"trend\""), html.indexOf("id=\"sources\""));
    }

    private static String rowOf(String html, String category) {
        int start = html.indexOf("<tr><td>" + category + "</td>");
        assertThat(start).as("row of " + category).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}

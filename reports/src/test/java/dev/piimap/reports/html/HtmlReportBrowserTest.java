package dev.piimap.reports.html;

import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report as a browser shows it: headless Chromium (Debian's package, installed by
 * {@code .ci/run}) renders the self-contained file, prints it to PDF, whose text is checked, and saves
 * a screenshot under {@code target/} for people to look at. Chromium runs offline: no network, no
 * background services, a fresh profile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    static Path dir;
    private Path chromium;
    private Path report;

    @BeforeAll
    void render() throws IOException {
        Optional<Path> found = Stream.of(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), "Chromium is not installed (.ci/run installs Debian's chromium)");
        chromium = found.get();
        SparkSession spark = TestSpark.session();
        String datamap = dir.resolve("datamap").toString();
        new DataMapFixture(spark, datamap)
                .run("run-9", "committed", T0, "billing-db", "helpdesk")
                .asset("run-9", "billing-db", "billing.cards.pan", "column", "ok", null, null, null)
                .asset("run-9", "helpdesk", "tickets/88/statement.pdf", "file", "ok", null, 2048L, T0)
                .asset("run-9", "helpdesk", "tickets/90/scan.png", "file", "skipped", "no OCR engine (image/png)", 900L, T0)
                .finding("run-9", "billing-db", "billing.cards.pan", "column", "CREDIT_CARD",
                        "user.financial.bank_account.credit_card", 50, 0.99, "411111******1111", "50 of 50 values are valid card numbers")
                .finding("run-9", "helpdesk", "tickets/88/statement.pdf", "file", "CREDIT_CARD",
                        "user.financial.bank_account.credit_card", 1, 0.9, "411111******1111", "Luhn-valid near 'card'")
                .finding("run-9", "helpdesk", "tickets/88/statement.pdf", "file", "EMAIL_ADDRESS",
                        "user.contact.email", 2, 0.95, "a***@e***.com", "2 matches")
                .write();
        report = dir.resolve("report.html");
        new HtmlReport(DataMapReader.open(spark, datamap)).writeFile(report);
    }

    @Test
    void theRenderedReportShowsRisksSourcesAndOutcomes() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        chromium("--print-to-pdf=" + pdf, "--no-pdf-header-footer", report.toUri().toString());

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        // Table cells may wrap inside a token on a printed page, so the checks use text outside tables.
        assertThat(text).contains("run-9", "2 sources", "3 assets scanned", "Card numbers outside payment systems",
                "helpdesk: tickets/88/statement.pdf", "billing-db: billing.cards.pan", "no OCR engine (image/png)");
        assertThat(text.indexOf("Card numbers outside payment systems")).as("risks come first")
                .isLessThan(text.indexOf("Sources"));
        assertThat(text).doesNotContain("4111111111111111");
    }

    @Test
    void aScreenshotIsSavedAndShowsAPage() throws Exception {
        Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium("--screenshot=" + png, "--window-size=1280,1600", "--hide-scrollbars", report.toUri().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("a rendered page, not a blank one").isGreaterThan(20);
    }

    private void chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as(log).isZero();
    }
}

package dev.piimap.scanner.extract;

import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.testdata.ScannedDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Images and scanned PDFs: read by Tesseract where it is installed (.ci/run installs it), and
 * otherwise one {@code skipped} outcome that says why, never a silent "clean".
 */
class OcrExtractionTest {
    private static final List<String> FORM = List.of("Customer complaint form", "Email: ocr.reader@example.com",
            "Phone: +44 20 7946 0958");

    @TempDir
    Path dir;

    @Test
    void imageTextIsReadByOcr() throws Exception {
        assumeTrue(OcrEngine.installed(null), "tesseract is not installed (.ci/run installs it)");
        Path png = dir.resolve("form.png");
        ScannedDocuments.png(png, FORM);

        RecordingSink sink = RecordingSink.extract(png, ExtractionLimits.defaults());

        assertThat(sink.outcomes.get("form.png")).isEqualTo(DocumentOutcome.ok());
        assertThat(sink.text("form.png")).contains("ocr.reader@example.com").contains("complaint");
    }

    @Test
    void scannedPdfPagesAreReadByOcr() throws Exception {
        assumeTrue(OcrEngine.installed(null), "tesseract is not installed (.ci/run installs it)");
        Path pdf = dir.resolve("scan.pdf");
        ScannedDocuments.scannedPdf(pdf, FORM);

        RecordingSink sink = RecordingSink.extract(pdf, ExtractionLimits.defaults());

        assertThat(sink.outcomes.get("scan.pdf").status()).isEqualTo(ItemStatus.OK);
        assertThat(sink.text("scan.pdf")).contains("ocr.reader@example.com");
    }

    @Test
    void withoutAnOcrEngineAnImageIsSkippedWithTheReason() throws Exception {
        Path png = dir.resolve("form.png");
        ScannedDocuments.png(png, FORM);
        Path noTesseractHere = Files.createDirectory(dir.resolve("bin"));
        ExtractionLimits limits = ExtractionLimits.defaults()
                .withOcr(OcrSettings.auto().withTesseractPath(noTesseractHere.toString()));

        RecordingSink sink = RecordingSink.extract(png, limits);

        assertThat(sink.outcomes.get("form.png")).isEqualTo(DocumentOutcome.skipped("no OCR engine (image/png)"));
        assertThat(sink.text("form.png")).isBlank();
    }

    @Test
    void withoutAnOcrEngineAScannedPdfIsSkippedWithTheReason() throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        ScannedDocuments.scannedPdf(pdf, FORM);
        ExtractionLimits limits = ExtractionLimits.defaults()
                .withOcr(OcrSettings.auto().withTesseractPath(dir.resolve("missing").toString()));

        RecordingSink sink = RecordingSink.extract(pdf, limits);

        assertThat(sink.outcomes.get("scan.pdf")).isEqualTo(DocumentOutcome.skipped("no OCR engine (application/pdf)"));
    }

    @Test
    void ocrSwitchedOffSaysSo() throws Exception {
        Path png = dir.resolve("form.png");
        ScannedDocuments.png(png, FORM);

        RecordingSink sink = RecordingSink.extract(png, ExtractionLimits.defaults().withOcr(OcrSettings.off()));

        assertThat(sink.outcomes.get("form.png")).isEqualTo(DocumentOutcome.skipped("OCR switched off (image/png)"));
    }

    @Test
    void aPdfWithATextLayerIsReadFromItsTextLayer() throws Exception {
        Path pdf = dir.resolve("text.pdf");
        dev.piimap.scanner.testdata.SampleDocuments.pdf(pdf, List.of("Invoice for text.layer@example.com"));

        RecordingSink sink = RecordingSink.extract(pdf, ExtractionLimits.defaults());

        assertThat(sink.outcomes.get("text.pdf")).isEqualTo(DocumentOutcome.ok());
        assertThat(sink.text("text.pdf")).contains("text.layer@example.com");
    }

    @Test
    void tesseractJoinsTheParsersOnlyWhereOcrIsActive() {
        assertThat(TikaTextExtractor.tikaConfigXml(ExtractionLimits.defaults().withOcr(OcrSettings.off())))
                .doesNotContain("<parser class=\"org.apache.tika.parser.ocr.TesseractOCRParser\">");
        assumeTrue(OcrEngine.installed(null), "tesseract is not installed (.ci/run installs it)");
        assertThat(TikaTextExtractor.tikaConfigXml(ExtractionLimits.defaults()))
                .contains("<parser class=\"org.apache.tika.parser.ocr.TesseractOCRParser\">")
                .contains("<param name=\"language\" type=\"string\">eng</param>")
                .contains("<param name=\"timeout\" type=\"int\">120</param>");
    }
}

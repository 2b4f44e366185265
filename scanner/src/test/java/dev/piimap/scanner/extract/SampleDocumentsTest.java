package dev.piimap.scanner.extract;

import dev.piimap.scanner.testdata.SampleDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated documents are real (Tika detects and reads them) and byte-for-byte reproducible. */
class SampleDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void everyGeneratorIsDeterministic() throws Exception {
        for (String run : List.of("a", "b")) {
            Path d = Files.createDirectories(dir.resolve(run));
            SampleDocuments.pdf(d.resolve("x.pdf"), List.of("line one", "line two"));
            SampleDocuments.docx(d.resolve("x.docx"), List.of("paragraph"));
            SampleDocuments.eml(d.resolve("x.eml"), "a@example.com", "b@example.com", "Subject", "Body",
                    "note.txt", "attached".getBytes(StandardCharsets.UTF_8), "text/plain");
            SampleDocuments.zip(d.resolve("x.zip"), Map.of("b.txt", new byte[] {1}, "a.txt", new byte[] {2}));
            SampleDocuments.corruptPdf(d.resolve("bad.pdf"));
            Thread.sleep(1_100); // let the clock move on, so that any timestamp written would differ
        }
        for (String name : List.of("x.pdf", "x.docx", "x.eml", "x.zip", "bad.pdf")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(name)))
                    .as(name).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(name)));
        }
    }

    @Test
    void documentsAreDetectedAsWhatTheyClaimToBe() throws Exception {
        Path pdf = dir.resolve("doc.pdf");
        SampleDocuments.pdf(pdf, List.of("Caf\u00e9 \u2014 na\u00efve \u4e2d text with a tab\there"));
        Path eml = dir.resolve("mail.eml");
        SampleDocuments.eml(eml, "J\u00fcrgen <j@example.com>", "k@example.com", "Gr\u00fc\u00dfe\r\nBcc: evil@example.com",
                "Zeile mit \u00fc\n" + "x".repeat(2000), "r\u00e9sum\u00e9.txt", "cv".getBytes(StandardCharsets.UTF_8),
                "text/plain");

        RecordingSink pdfSink = RecordingSink.extract(pdf, ExtractionLimits.defaults());
        RecordingSink emlSink = RecordingSink.extract(eml, ExtractionLimits.defaults());

        assertThat(pdfSink.outcomes.get("doc.pdf")).isEqualTo(DocumentOutcome.ok());
        assertThat(pdfSink.text("doc.pdf")).contains("Caf\u00e9", "na\u00efve", "with a tab here");
        assertThat(emlSink.outcomes).containsOnlyKeys("mail.eml", "mail.eml!/r\u00e9sum\u00e9.txt");
        assertThat(emlSink.text("mail.eml")).contains("Zeile mit \u00fc", "J\u00fcrgen", "Gr\u00fc\u00dfe Bcc: evil@example.com");
        assertThat(Files.readString(eml, StandardCharsets.US_ASCII)).doesNotContain("\r\nBcc:");
    }
}

package dev.piimap.scanner.extract;

import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.testdata.SampleDocuments;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.tika.parser.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the extractor reports for each kind of document, and the outcomes of the edge cases. */
class TikaTextExtractorTest {
    private static final ExtractionLimits DEFAULTS = ExtractionLimits.defaults();

    @TempDir
    Path dir;

    @Test
    void extractsAPlainTextFileAsOneDocument() throws Exception {
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "Write to alice@example.com today.");

        RecordingSink sink = RecordingSink.extract(txt, DEFAULTS);

        assertThat(sink.events).containsExactly("start notes.txt", "end notes.txt ok");
        assertThat(sink.text("notes.txt")).contains("Write to alice@example.com today.");
        assertThat(sink.bytes.get("notes.txt")).isEqualTo(Files.size(txt));
    }

    @Test
    void extractsTheTextOfAPdf() throws Exception {
        Path pdf = dir.resolve("letter.pdf");
        SampleDocuments.pdf(pdf, List.of("Dear customer,", "contact bob@example.org for details."));

        RecordingSink sink = RecordingSink.extract(pdf, DEFAULTS);

        assertThat(sink.outcomes).containsOnlyKeys("letter.pdf");
        assertThat(sink.outcomes.get("letter.pdf")).isEqualTo(DocumentOutcome.ok());
        assertThat(sink.text("letter.pdf")).contains("contact bob@example.org for details.");
    }

    @Test
    void extractsTheParagraphsOfADocx() throws Exception {
        Path docx = dir.resolve("memo.docx");
        SampleDocuments.docx(docx, List.of("First paragraph for carol@example.net", "Second paragraph"));

        RecordingSink sink = RecordingSink.extract(docx, DEFAULTS);

        assertThat(sink.outcomes).containsOnlyKeys("memo.docx");
        assertThat(sink.outcomes.get("memo.docx").status()).isEqualTo(ItemStatus.OK);
        assertThat(sink.text("memo.docx")).contains("First paragraph for carol@example.net", "Second paragraph");
    }

    @Test
    void separatesAnEmailFromItsAttachment() throws Exception {
        Path pdf = dir.resolve("invoice.pdf");
        SampleDocuments.pdf(pdf, List.of("Invoice for dave@example.com"));
        Path eml = dir.resolve("mail.eml");
        SampleDocuments.eml(eml, "Erin <erin@example.com>", "frank@example.com", "Your invoice",
                "Please find the invoice attached.", "invoice.pdf", Files.readAllBytes(pdf), "application/pdf");

        RecordingSink sink = RecordingSink.extract(eml, DEFAULTS);

        assertThat(sink.events).containsExactly("start mail.eml", "start mail.eml!/invoice.pdf",
                "end mail.eml!/invoice.pdf ok", "end mail.eml ok");
        assertThat(sink.text("mail.eml")).contains("Please find the invoice attached.", "erin@example.com",
                "frank@example.com").doesNotContain("dave@example.com");
        assertThat(sink.text("mail.eml!/invoice.pdf")).contains("Invoice for dave@example.com");
    }

    @Test
    void reportsEveryZipEntryUnderItsOwnPath() throws Exception {
        Path docx = dir.resolve("memo.docx");
        SampleDocuments.docx(docx, List.of("Memo for carol@example.net"));
        Path zip = dir.resolve("bundle.zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("notes/readme.txt", "Ask grace@example.com".getBytes(StandardCharsets.UTF_8));
        entries.put("memo.docx", Files.readAllBytes(docx));
        SampleDocuments.zip(zip, entries);

        RecordingSink sink = RecordingSink.extract(zip, DEFAULTS);

        assertThat(sink.outcomes).containsOnlyKeys("bundle.zip", "bundle.zip!/memo.docx", "bundle.zip!/notes/readme.txt");
        assertThat(sink.outcomes.values()).allMatch(o -> o.status() == ItemStatus.OK);
        assertThat(sink.events.get(0)).isEqualTo("start bundle.zip");
        assertThat(sink.events.get(sink.events.size() - 1)).isEqualTo("end bundle.zip ok");
        assertThat(sink.text("bundle.zip!/notes/readme.txt")).contains("Ask grace@example.com");
        assertThat(sink.text("bundle.zip!/memo.docx")).contains("Memo for carol@example.net");
        assertThat(sink.text("bundle.zip")).doesNotContain("grace@example.com", "carol@example.net");
    }

    @Test
    void nestsPathsOfArchivesInsideArchives() throws Exception {
        Path inner = dir.resolve("inner.zip");
        SampleDocuments.zip(inner, Map.of("deep.txt", "deep@example.com".getBytes(StandardCharsets.UTF_8)));
        Path outer = dir.resolve("outer.zip");
        SampleDocuments.zip(outer, Map.of("sub/inner.zip", Files.readAllBytes(inner)));

        RecordingSink sink = RecordingSink.extract(outer, DEFAULTS);

        assertThat(sink.outcomes).containsOnlyKeys("outer.zip", "outer.zip!/sub/inner.zip",
                "outer.zip!/sub/inner.zip!/deep.txt");
        assertThat(sink.text("outer.zip!/sub/inner.zip!/deep.txt")).contains("deep@example.com");
    }

    @Test
    void corruptPdfIsAnErrorNamingTheFormatAndTheFailureClass() throws Exception {
        Path pdf = dir.resolve("broken.pdf");
        SampleDocuments.corruptPdf(pdf);

        RecordingSink sink = RecordingSink.extract(pdf, DEFAULTS);

        assertThat(sink.outcomes.get("broken.pdf"))
                .isEqualTo(DocumentOutcome.error("corrupt or unparseable PDF (TikaException)"));
    }

    @Test
    void emptyFileIsSkipped() throws Exception {
        Path empty = dir.resolve("empty.txt");
        SampleDocuments.emptyFile(empty);

        assertThat(RecordingSink.extract(empty, DEFAULTS).outcomes.get("empty.txt"))
                .isEqualTo(DocumentOutcome.skipped("empty file"));
        assertThat(RecordingSink.extractStream(empty, DEFAULTS).outcomes.get("empty.txt"))
                .isEqualTo(DocumentOutcome.skipped("empty file"));
    }

    @Test
    void binaryWithoutTextIsSkippedNamingItsType() throws Exception {
        Path bin = dir.resolve("blob.bin");
        Files.write(bin, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7, 0, (byte) 0x80});

        RecordingSink sink = RecordingSink.extract(bin, DEFAULTS);

        assertThat(sink.outcomes.get("blob.bin"))
                .isEqualTo(DocumentOutcome.skipped("no text extracted (application/octet-stream)"));
    }

    @Test
    void encryptedPdfIsSkipped() throws Exception {
        Path plain = dir.resolve("plain.pdf");
        SampleDocuments.pdf(plain, List.of("secret@example.com"));
        Path encrypted = dir.resolve("locked.pdf");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(encrypted.toFile());
        }

        RecordingSink sink = RecordingSink.extract(encrypted, DEFAULTS);

        assertThat(sink.outcomes.get("locked.pdf")).isEqualTo(DocumentOutcome.skipped("encrypted"));
        assertThat(sink.text("locked.pdf")).doesNotContain("secret@example.com");
    }

    @Test
    void itemNameWithFoldersIsThePathOfItsDocuments() throws Exception {
        Path zip = dir.resolve("a.zip");
        SampleDocuments.zip(zip, Map.of("x.txt", "x@example.com".getBytes(StandardCharsets.UTF_8)));
        RecordingSink sink = new RecordingSink();

        try (var in = Files.newInputStream(zip)) {
            new TikaTextExtractor(DEFAULTS).extract(in, "reports/2024/a.zip", Files.size(zip), sink);
        }

        assertThat(sink.outcomes).containsOnlyKeys("reports/2024/a.zip", "reports/2024/a.zip!/x.txt");
    }

    @Test
    void withOcrOffNoConfiguredParserStartsExternalPrograms() {
        List<String> parsers = ((DefaultParser) TikaTextExtractor.tikaConfig().getParser()).getAllComponentParsers()
                .stream().map(p -> p.getClass().getName()).toList();

        assertThat(parsers).contains("org.apache.tika.parser.pdf.PDFParser")
                .doesNotContain("org.apache.tika.parser.ocr.TesseractOCRParser",
                        "org.apache.tika.parser.external.CompositeExternalParser");
    }

    @Test
    void textArrivesInChunksCutAtWhitespace() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("word").append(i).append(i % 7 == 0 ? "\n" : " ");
        }
        RecordingSink sink = new RecordingSink();
        List<String> chunks = new java.util.ArrayList<>();
        DocumentSink recorder = new DocumentSink() {
            @Override
            public void start(String path, Long bytes) {
                sink.start(path, bytes);
            }

            @Override
            public void text(String path, CharSequence chunk) {
                chunks.add(chunk.toString());
                sink.text(path, chunk);
            }

            @Override
            public void end(String path, DocumentOutcome outcome) {
                sink.end(path, outcome);
            }
        };
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        new TikaTextExtractor(DEFAULTS).extract(new ByteArrayInputStream(bytes), "long.txt", bytes.length, recorder);

        assertThat(chunks).hasSizeGreaterThan(5);
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(TextChunker.CHUNK_CHARS + 1024));
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(Character.isWhitespace(c.charAt(c.length() - 1))).isTrue());
        assertThat(sink.text("long.txt")).contains(text.substring(0, 1000), text.substring(text.length() - 1000));
    }
}

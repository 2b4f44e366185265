package dev.piimap.scanner.testdata;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes real documents (PDF, DOCX, EML, ZIP) from given text, for tests and for {@code bin/scan demo}.
 * Output is deterministic: the same arguments give the same bytes (fixed IDs, dates and timestamps).
 * Every method creates or replaces the file at {@code path}; parent directories must exist.
 */
public final class SampleDocuments {
    /** Timestamp written wherever a format wants one: 2024-01-01T00:00 (local, zip) or UTC (documents). */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final long FIXED_EPOCH_MILLIS = 1_704_067_200_000L;
    private static final int PDF_LINES_PER_PAGE = 50;
    private static final int PDF_CHARS_PER_LINE = 95;

    private SampleDocuments() {
    }

    /** A PDF with one text line per entry (long lines wrapped), Helvetica 11pt, 50 lines per page. */
    public static void pdf(Path path, List<String> lines) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrapped.addAll(wrap(printable(font, line)));
        }
        try (PDDocument doc = new PDDocument()) {
            for (int start = 0; start < Math.max(1, wrapped.size()); start += PDF_LINES_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 790);
                    for (String line : wrapped.subList(start, Math.min(wrapped.size(), start + PDF_LINES_PER_PAGE))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            // PDFBox derives a missing trailer /ID from the clock; a fixed one keeps the bytes stable.
            COSArray id = new COSArray();
            id.add(new COSString("piimap-sample-document".getBytes(StandardCharsets.US_ASCII)));
            id.add(new COSString("piimap-sample-document".getBytes(StandardCharsets.US_ASCII)));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            try (OutputStream out = Files.newOutputStream(path)) {
                doc.save(out);
            }
        }
    }

    /** A Word document with one paragraph per entry. */
    public static void docx(Path path, List<String> paragraphs) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String paragraph : paragraphs) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            doc.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_EPOCH_MILLIS)));
            doc.write(buffer);
        }
        // POI stamps zip entries with the current time: rewrite them with a fixed one.
        Files.write(path, restampZip(buffer.toByteArray()));
    }

    /**
     * A MIME e-mail ({@code message/rfc822}): a {@code multipart/mixed} message with a text body and
     * one attachment, or a plain text message when {@code attachment} is null. Header values are
     * stripped of line breaks; non-ASCII headers use RFC 2047 encoded words.
     */
    public static void eml(Path path, String from, String to, String subject, String body,
                           String attachmentName, byte[] attachment, String attachmentMime) throws IOException {
        StringBuilder mail = new StringBuilder();
        header(mail, "From", encodeHeader(from));
        header(mail, "To", encodeHeader(to));
        header(mail, "Subject", encodeHeader(subject));
        header(mail, "Date", "Mon, 01 Jan 2024 00:00:00 +0000");
        header(mail, "Message-ID", "<piimap-sample@example.invalid>");
        header(mail, "MIME-Version", "1.0");
        if (attachment == null) {
            textPart(mail, body);
        } else {
            String boundary = "piimap-boundary-0001";
            header(mail, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
            mail.append("\r\nThis is a multi-part message in MIME format.\r\n");
            mail.append("--").append(boundary).append("\r\n");
            textPart(mail, body);
            mail.append("--").append(boundary).append("\r\n");
            String name = quoted(attachmentName == null ? "attachment.bin" : attachmentName);
            String mime = attachmentMime == null ? "application/octet-stream" : oneLine(attachmentMime);
            header(mail, "Content-Type", mime + "; name=" + name);
            header(mail, "Content-Disposition", "attachment; filename=" + name);
            header(mail, "Content-Transfer-Encoding", "base64");
            mail.append("\r\n").append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(attachment)).append("\r\n");
            mail.append("--").append(boundary).append("--\r\n");
        }
        Files.writeString(path, mail, StandardCharsets.US_ASCII);
    }

    /** A ZIP archive with the given entries, written in name order (names may contain {@code /}). */
    public static void zip(Path path, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(path))) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    /** A file that starts like a PDF and continues with garbage: no parser can read it. */
    public static void corruptPdf(Path path) throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R".getBytes(StandardCharsets.ISO_8859_1));
        out.write(garbage);
        Files.write(path, out.toByteArray());
    }

    /** A file of zero bytes. */
    public static void emptyFile(Path path) throws IOException {
        Files.write(path, new byte[0]);
    }

    private static void textPart(StringBuilder mail, String body) {
        String text = body == null ? "" : body.replace("\r\n", "\n").replace("\n", "\r\n");
        boolean plain = text.chars().allMatch(c -> c < 128) && text.lines().allMatch(l -> l.length() <= 998);
        header(mail, "Content-Type", "text/plain; charset=UTF-8");
        if (plain) {
            header(mail, "Content-Transfer-Encoding", "7bit");
            mail.append("\r\n").append(text).append("\r\n");
        } else {
            header(mail, "Content-Transfer-Encoding", "base64");
            mail.append("\r\n").append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(text.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
    }

    private static void header(StringBuilder mail, String name, String value) {
        mail.append(name).append(": ").append(value).append("\r\n");
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ");
    }

    private static String encodeHeader(String value) {
        String line = oneLine(value);
        if (line.chars().allMatch(c -> c >= 32 && c < 127)) {
            return line;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String quoted(String value) {
        String line = encodeHeader(value);
        return "\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Replaces characters the font cannot encode (outside WinAnsi) with {@code ?}. */
    private static String printable(PDType1Font font, String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\t') {
                out.append(' ');
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String line) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > PDF_CHARS_PER_LINE) {
            int cut = rest.lastIndexOf(' ', PDF_CHARS_PER_LINE);
            if (cut <= 0) {
                cut = PDF_CHARS_PER_LINE;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    private static byte[] restampZip(byte[] zipBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

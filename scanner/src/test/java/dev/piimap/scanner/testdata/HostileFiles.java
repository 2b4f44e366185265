package dev.piimap.scanner.testdata;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile and broken files for extraction tests, generated at test time (nothing binary is committed). */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A zip of {@code copies} entries named {@code base-N.ext}, each holding {@code content}. */
    public static byte[] zipOf(String entryBase, int copies, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            int dot = entryBase.lastIndexOf('.');
            for (int i = 0; i < copies; i++) {
                zip.putNextEntry(new ZipEntry(entryBase.substring(0, dot) + "-" + i + entryBase.substring(dot)));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * 42.zip's shape: 16 copies of the layer below per archive, {@code layers} archives deep, a file of
     * {@code baseBytes} zeros at the bottom. Each layer stays small because the compressed zeros of the
     * layer below compress again.
     */
    public static void fortyTwoZip(Path path, int layers, int baseBytes) throws IOException {
        byte[] layer = zipOf("zeros.bin", 16, new byte[baseBytes]);
        for (int level = 1; level < layers; level++) {
            layer = zipOf("lib" + level + ".zip", 16, layer);
        }
        Files.write(path, layer);
    }

    /** A zip with one entry of {@code bytes} zeros, streamed to disk (never held in memory). */
    public static void zerosZip(Path path, String entryName, long bytes) throws IOException {
        try (OutputStream file = Files.newOutputStream(path); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(entryName));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < bytes; written += zeros.length) {
                out.write(zeros);
            }
            out.closeEntry();
        }
    }

    /** The billion-laughs XML: ten levels of entities, each expanding ten of the previous. */
    public static void billionLaughs(Path path) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        xml.append(" <!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">\n");
        for (int i = 2; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>\n");
        Files.writeString(path, xml);
    }

    /** A real DOCX cut in the middle: its zip central directory is gone. */
    public static void truncatedDocx(Path path) throws IOException {
        Path whole = path.resolveSibling(path.getFileName() + ".whole.tmp");
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            paragraphs.add("Paragraph " + i + " of the contract for customer number " + (100_000 + i) + ".");
        }
        SampleDocuments.docx(whole, paragraphs);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        Files.write(path, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** A PDF of {@code lines} encrypted with a user password (AES-128). */
    public static void encryptedPdf(Path path, List<String> lines) throws IOException {
        Path plain = path.resolveSibling(path.getFileName() + ".plain.tmp");
        SampleDocuments.pdf(plain, lines);
        try (PDDocument doc = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(path.toFile());
        }
        Files.delete(plain);
    }

    /** Log-like text of {@code bytes} characters, an e-mail address every fifth line, written as a stream. */
    public static void bigLog(Path path, long bytes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            long written = 0;
            for (int i = 0; written < bytes; i++) {
                String line = i % 5 == 0
                        ? "2024-03-01T10:15:" + (i % 60) + "Z INFO login ok for user" + (i % 997) + "@example.net\n"
                        : "2024-03-01T10:15:" + (i % 60) + "Z DEBUG cache refresh finished in " + (i % 300) + " ms\n";
                out.write(line);
                written += line.length();
            }
        }
    }
}

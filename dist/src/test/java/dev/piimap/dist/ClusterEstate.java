package dev.piimap.dist;

import dev.piimap.scanner.demo.SyntheticIds;
import dev.piimap.scanner.testdata.SampleDocuments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small estate for the cluster test, made at test time with fixed seeds: a folder of real documents
 * (PDF, Word, e-mail with an attachment, ZIP, text files, a corrupt PDF, an empty file) and two tables in a
 * PostgreSQL database. Enough files that a run's items spread over several partitions, so two executors
 * both get work; every item is read on an executor (files from the shared folder, rows over JDBC).
 */
final class ClusterEstate {
    /** Text files of generated contact lines, beyond the fixed documents. */
    static final int CONTACT_FILES = 12;
    static final String FINGERPRINT_KEY = "cluster-test-fingerprint-key-0123456789";
    private static final String[] NAMES = {"Maria Garcia", "John Smith", "Aiko Tanaka", "Olusegun Adeyemi",
            "Sophie Martin", "Lukas Schneider", "Priya Patel", "Chen Wei"};

    private ClusterEstate() {
    }

    /** Writes the documents into {@code share}. */
    static void seedFiles(Path share) throws IOException {
        Files.createDirectories(share);
        Random random = new Random(11);
        Files.writeString(share.resolve("notes.txt"), "Call Jane back on +44 20 7946 0958 or write to jane.doe@example.co.uk\n");
        Files.writeString(share.resolve("clean.txt"), "Release 2.4.10.3 shipped. Build 7f3c9a1e2b4d6f8091a3c5e7f9b1d3e5.\n");
        SampleDocuments.pdf(share.resolve("invoice.pdf"), List.of("Invoice for Mr Smith", "Contact: billing.smith@example.com",
                "Pay to IBAN " + SyntheticIds.formatIban(SyntheticIds.iban(random, "DE"))));
        SampleDocuments.docx(share.resolve("letter.docx"), List.of("Dear team,",
                "my card number " + SyntheticIds.formatCard(SyntheticIds.card(random)) + " was charged twice.",
                "My social security number is " + SyntheticIds.ssn(random) + "."));
        SampleDocuments.eml(share.resolve("complaint.eml"), "angry.customer@example.net", "support@example.com", "Login broken",
                "Hello, I cannot log in. Please reply to angry.customer@example.net.\n", "repro.txt",
                "Tried from 203.0.113.77 this morning.\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("debug.log", "2026-11-28T10:00:00 login ok user=dev.ops@example.com ip=198.51.100.23\n"
                .getBytes(StandardCharsets.UTF_8));
        SampleDocuments.zip(share.resolve("bundle.zip"), entries);
        SampleDocuments.corruptPdf(share.resolve("corrupt.pdf"));
        SampleDocuments.emptyFile(share.resolve("empty.txt"));
        Path contacts = Files.createDirectories(share.resolve("contacts"));
        for (int f = 0; f < CONTACT_FILES; f++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 20; line++) {
                int n = f * 20 + line;
                text.append(NAMES[n % NAMES.length]).append(", customer").append(n).append("@example.com, ")
                        .append(String.format("+1 415 555 %04d", 1000 + n)).append(", last login from ")
                        .append(SyntheticIds.ipv4(random)).append('\n');
            }
            Files.writeString(contacts.resolve("contacts-" + f + ".txt"), text);
        }
    }

    /** Creates schema {@code crm} with a table of customers and a table without personal data. */
    static void seedDatabase(String jdbcUrl) throws SQLException {
        Random random = new Random(7);
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA crm");
            s.execute("CREATE TABLE crm.customers (id serial primary key, full_name text, email text, phone text,"
                    + " card_number text, iban text, last_ip text, notes text)");
            s.execute("CREATE TABLE crm.plans (id int primary key, name text, price numeric(8,2))");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO crm.customers"
                    + " (full_name, email, phone, card_number, iban, last_ip, notes) VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i < 120; i++) {
                    p.setString(1, NAMES[i % NAMES.length]);
                    p.setString(2, "customer" + i + "@example.com");
                    p.setString(3, String.format("+1 415 555 %04d", 100 + i));
                    p.setString(4, SyntheticIds.card(random));
                    p.setString(5, SyntheticIds.formatIban(SyntheticIds.iban(random, i % 2 == 0 ? "DE" : "GB")));
                    p.setString(6, SyntheticIds.ipv4(random));
                    p.setString(7, i % 10 == 0 ? "send invoices to billing" + i + "@example.org" : "called about an upgrade");
                    p.addBatch();
                }
                p.executeBatch();
            }
            s.execute("INSERT INTO crm.plans SELECT g, 'plan-' || g, 9.99 * g FROM generate_series(1, 50) g");
        }
    }

    /** A scan.yaml over the estate; its data map is {@code datamap}, relative to the config's folder. */
    static Path writeConfig(Path dir, String name, String datamap, String jdbcUrl) throws IOException {
        Path key = dir.resolve("fingerprint.key");
        if (!Files.exists(key)) {
            Files.writeString(key, FINGERPRINT_KEY);
        }
        return Files.writeString(dir.resolve(name), """
                datamap: %s
                fingerprint-key: ${file:%s}
                sources:
                  - name: crm-db
                    type: jdbc
                    url: %s
                    user: postgres
                    include: ["crm.*"]
                    sample-rows: 500
                  - name: share
                    type: files
                    root: ./share
                """.formatted(datamap, key, jdbcUrl));
    }
}

package dev.piimap.scanner.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.piimap.scanner.testdata.SampleDocuments;
import net.datafaker.Faker;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The helpdesk of the demo company as a support source sees it: a Zendesk-style export folder
 * ({@code tickets.json}, a JSON array, plus {@code attachments/<id>/<file>}) and a folder of mailboxes
 * ({@code support.mbox} and one {@code .eml}). Deterministic for a seed; every value synthetic. Some
 * tickets are clean (no personal data beyond the requester), so clean assets show in the demo too.
 *
 * <p>{@code main(folder, tickets)} writes a larger export for measuring a support scan.
 */
public final class DemoHelpdesk {
    private static final String[] DOMAINS = {"example.com", "mail.example.org", "example.net"};
    private final Faker faker;
    private final Random random;

    public DemoHelpdesk(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(Locale.US, new Random(seed));
    }

    /**
     * Writes {@code tickets} tickets under {@code folder} (created); every {@code attachmentEvery}-th ticket
     * gets one attachment (PDF, DOCX, text or ZIP in turn). Returns the number of attachment files written.
     */
    public int writeExport(Path folder, int tickets, int attachmentEvery) throws IOException {
        Files.createDirectories(folder);
        int attachments = 0;
        try (Writer out = Files.newBufferedWriter(folder.resolve("tickets.json"), StandardCharsets.UTF_8);
             JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartArray();
            for (int i = 0; i < tickets; i++) {
                int id = 5001 + i;
                String name = faker.name().fullName();
                String email = email(name);
                json.writeRaw('\n');
                json.writeStartObject();
                json.writeNumberField("id", id);
                json.writeObjectFieldStart("requester");
                json.writeStringField("name", name);
                json.writeStringField("email", email);
                json.writeEndObject();
                String[] text = ticket(name);
                json.writeStringField("subject", text[0]);
                json.writeStringField("description", text[1]);
                json.writeArrayFieldStart("comments");
                json.writeStartObject();
                json.writeStringField("body", random.nextInt(3) == 0 ? "Thanks, we are looking into it. - Support" : "Any update on this?");
                json.writeEndObject();
                json.writeEndArray();
                json.writeStringField("created_at", Instant.parse("2026-10-01T00:00:00Z").plusSeconds(600L * i).toString());
                if (attachmentEvery > 0 && i % attachmentEvery == 0) {
                    String file = attachment(folder, id, name, email, attachments++);
                    json.writeArrayFieldStart("attachments");
                    json.writeStartObject();
                    json.writeStringField("file_name", file);
                    json.writeStringField("path", "attachments/" + id + "/" + file);
                    json.writeEndObject();
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeRaw('\n');
            json.writeEndArray();
        }
        return attachments;
    }

    /** Writes {@code support.mbox} with {@code messages} messages and {@code escalation.eml} with an attachment. */
    public void writeMailboxes(Path folder, int messages) throws IOException {
        Files.createDirectories(folder);
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < messages; i++) {
            String name = faker.name().fullName();
            String email = email(name);
            mbox.append("From ").append(email).append(" Mon Nov  2 09:").append(String.format("%02d", i % 60)).append(":00 2026\n")
                    .append("From: ").append(name).append(" <").append(email).append(">\n")
                    .append("To: support@ahurasense.example\n")
                    .append("Subject: ").append(i % 2 == 0 ? "Callback please" : "Feature idea").append('\n')
                    .append("Message-ID: <demo-").append(i).append("@ahurasense.example>\n\n")
                    .append(i % 2 == 0 ? "Hi, please call me back on " + faker.phoneNumber().cellPhone() + ". " + name
                            : "It would be great to export dashboards as PNG.").append("\n\n");
        }
        Files.writeString(folder.resolve("support.mbox"), mbox, StandardCharsets.UTF_8);
        String name = faker.name().fullName();
        SampleDocuments.eml(folder.resolve("escalation.eml"), name + " <" + email(name) + ">", "support@ahurasense.example",
                "Escalation: account locked", "Please unlock my account, I attach the verification form.\n",
                "verification.txt", ("Name: " + name + "\nDate of birth: 1984-03-12\nSSN: " + SyntheticIds.ssn(random) + "\n")
                        .getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private String[] ticket(String name) {
        return switch (random.nextInt(5)) {
            case 0 -> new String[] {"Cannot log in", "Hi, this is " + name + ". Please call me on "
                    + faker.phoneNumber().cellPhone() + ", I am locked out."};
            case 1 -> new String[] {"Refund", "Please refund the double charge to IBAN "
                    + SyntheticIds.formatIban(SyntheticIds.iban(random, "DE")) + ". Regards, " + name};
            case 2 -> new String[] {"New billing address", "We moved to " + faker.address().streetAddress() + ", "
                    + faker.address().city() + ". " + name};
            case 3 -> new String[] {"Alert thresholds", "The usage alerts fire too often on staging. Can we raise it to 80%?"};
            default -> new String[] {"Export format", "Could the CSV export use semicolons as separators?"};
        };
    }

    private String attachment(Path folder, int id, String name, String email, int n) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("attachments/" + id));
        switch (n % 4) {
            case 0 -> {
                SampleDocuments.pdf(dir.resolve("invoice.pdf"), List.of("Invoice dispute", "Customer: " + name,
                        "E-mail: " + email, "Card used: " + SyntheticIds.formatCard(SyntheticIds.card(random))));
                return "invoice.pdf";
            }
            case 1 -> {
                SampleDocuments.docx(dir.resolve("id-check.docx"), List.of("Identity check", "Name: " + name,
                        "SSN: " + SyntheticIds.ssn(random)));
                return "id-check.docx";
            }
            case 2 -> {
                Files.writeString(dir.resolve("screenshot-notes.txt"), "Steps: open dashboard, click export.\n");
                return "screenshot-notes.txt";
            }
            default -> {
                Map<String, byte[]> entries = new LinkedHashMap<>();
                entries.put("client.log", ("login ok user=" + email + " ip=" + SyntheticIds.ipv4(random) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                SampleDocuments.zip(dir.resolve("debug-bundle.zip"), entries);
                return "debug-bundle.zip";
            }
        }
    }

    private String email(String name) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
        return local + random.nextInt(100) + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    }

    /** {@code DemoHelpdesk <folder> <tickets> [attachment-every]}: a larger export, for measuring a support scan. */
    public static void main(String[] args) throws IOException {
        int tickets = Integer.parseInt(args[1]);
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int files = new DemoHelpdesk(1L).writeExport(Path.of(args[0]), tickets, every);
        System.err.printf("wrote %d tickets and %d attachments under %s%n", tickets, files, args[0]);
    }
}

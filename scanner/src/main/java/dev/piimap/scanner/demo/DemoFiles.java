package dev.piimap.scanner.demo;

import dev.piimap.scanner.testdata.SampleDocuments;
import net.datafaker.Faker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The file share of the demo company, AhuraSense Cloud: application and web logs, CSV exports, and
 * support attachments (PDF, DOCX, an e-mail with an attachment, a ZIP), plus clean documents. All
 * generated deterministically (fixed seed) at run time. Two files carry fixed old modification times
 * ({@link #OLD_ACCESS_LOG}, {@link #OLD_ATTACHMENT}) so that a retention check finds them; the rest are
 * as new as the demo run.
 */
public final class DemoFiles {
    private static final String[] USER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"};

    /** The archived access log's modification time: older than any telemetry retention allows. */
    static final Instant OLD_ACCESS_LOG = Instant.parse("2024-06-02T23:59:00Z");
    /** The invoice-dispute attachment's modification time: older than two years of support retention. */
    static final Instant OLD_ATTACHMENT = Instant.parse("2023-03-14T09:12:00Z");

    private final Faker faker;
    private final Random random;

    public DemoFiles(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(Locale.US, new Random(seed));
    }

    /** Writes the file share under {@code root} and returns the number of files written. */
    public int generate(Path root) throws IOException {
        List<Path> written = new ArrayList<>();
        Path logs = Files.createDirectories(root.resolve("logs"));
        Path exports = Files.createDirectories(root.resolve("exports"));
        Path support = Files.createDirectories(root.resolve("support/attachments"));
        Path docs = Files.createDirectories(root.resolve("docs"));

        written.add(write(logs.resolve("app-2026-11-28.log"), appLog(400)));
        written.add(write(logs.resolve("nginx-access-2026-11-28.log"), accessLog(300)));
        written.add(write(exports.resolve("customers-2026-11.csv"), customersCsv(200)));
        written.add(write(exports.resolve("newsletter-optouts.csv"), optOutCsv(80)));
        written.add(write(exports.resolve("product-catalog.csv"), catalogCsv()));
        written.add(write(docs.resolve("release-notes.md"), releaseNotes()));
        written.add(write(docs.resolve("runbook.txt"), runbook()));

        String name = faker.name().fullName();
        String email = email(name);
        SampleDocuments.pdf(support.resolve("T-1042-invoice-dispute.pdf"), List.of(
                "Invoice dispute - AhuraSense Cloud", "Customer: " + name, "E-mail: " + email,
                "Billing address: " + faker.address().streetAddress() + ", " + faker.address().city(),
                "Please refund to IBAN " + SyntheticIds.formatIban(SyntheticIds.iban(random, "DE")),
                "Amount disputed: 129.00 EUR (invoice INV-2026-10-4411)"));
        written.add(support.resolve("T-1042-invoice-dispute.pdf"));

        String name2 = faker.name().fullName();
        SampleDocuments.docx(support.resolve("T-1043-identity-check.docx"), List.of(
                "Identity verification for account recovery",
                "Name: " + name2, "Phone: " + faker.phoneNumber().cellPhone(),
                "SSN provided by customer: " + SyntheticIds.ssn(random),
                "Card on file: " + SyntheticIds.formatCard(SyntheticIds.card(random)), "Contact: " + email(name2)));
        written.add(support.resolve("T-1043-identity-check.docx"));

        String name3 = faker.name().fullName();
        byte[] screenshotNotes = ("Steps to reproduce\nLogged in from " + SyntheticIds.ipv4(random) + " with "
                + USER_AGENTS[0] + "\nreporter: " + email(name3) + "\n").getBytes(StandardCharsets.UTF_8);
        SampleDocuments.eml(support.resolve("T-1044-forwarded-complaint.eml"), email(name3), "support@ahurasense.example",
                "Fwd: cannot log in", "Hi team,\n\nforwarding the complaint from " + name3 + ", call back on "
                        + faker.phoneNumber().cellPhone() + ".\n\nThanks\n", "repro-notes.txt", screenshotNotes, "text/plain");
        written.add(support.resolve("T-1044-forwarded-complaint.eml"));

        Map<String, byte[]> bundle = new LinkedHashMap<>();
        bundle.put("client-debug.log", appLog(60).getBytes(StandardCharsets.UTF_8));
        bundle.put("README.txt", "Debug bundle produced by the desktop client.\n".getBytes(StandardCharsets.UTF_8));
        SampleDocuments.zip(support.resolve("T-1050-debug-bundle.zip"), bundle);
        written.add(support.resolve("T-1050-debug-bundle.zip"));

        SampleDocuments.pdf(docs.resolve("architecture-overview.pdf"), List.of(
                "AhuraSense Cloud architecture", "Services: ingest 2.4.10, billing 3.1.0, notifier 1.0.7",
                "Build 7f3c9a1e2b4d6f8091a3c5e7f9b1d3e5 deployed to eu-west-1"));
        written.add(docs.resolve("architecture-overview.pdf"));

        // Files kept too long, for `bin/scan retention`: an access log nobody deleted and an old attachment.
        Path archive = Files.createDirectories(logs.resolve("archive"));
        written.add(write(archive.resolve("nginx-access-2024-06-02.log"), accessLog(120)));
        Files.setLastModifiedTime(archive.resolve("nginx-access-2024-06-02.log"), FileTime.from(OLD_ACCESS_LOG));
        Files.setLastModifiedTime(support.resolve("T-1042-invoice-dispute.pdf"), FileTime.from(OLD_ATTACHMENT));
        return written.size();
    }

    private String appLog(int lines) {
        StringBuilder sb = new StringBuilder();
        LocalDateTime t = LocalDateTime.of(2026, 11, 28, 0, 0);
        for (int i = 0; i < lines; i++) {
            t = t.plusSeconds(30 + random.nextInt(200));
            String user = email(faker.name().fullName());
            switch (random.nextInt(6)) {
                case 0 -> sb.append(t).append(" INFO  auth  login ok user=").append(user).append(" ip=").append(SyntheticIds.ipv4(random)).append('\n');
                case 1 -> sb.append(t).append(" WARN  auth  login failed user=").append(user).append(" ip=").append(SyntheticIds.ipv6(random)).append('\n');
                case 2 -> sb.append(t).append(" INFO  billing  invoice INV-2026-").append(10000 + i).append(" sent order=").append(700000 + random.nextInt(99999)).append('\n');
                case 3 -> sb.append(t).append(" DEBUG billing  charge request pan=").append(SyntheticIds.card(random)).append(" status=declined\n");
                case 4 -> sb.append(t).append(" INFO  api  GET /v1/projects 200 12ms build=2.4.10.3 req=").append(java.util.UUID.nameUUIDFromBytes(new byte[]{(byte) i})).append('\n');
                default -> sb.append(t).append(" INFO  notifier  sms queued to ").append(faker.phoneNumber().cellPhone()).append('\n');
            }
        }
        return sb.toString();
    }

    private String accessLog(int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(SyntheticIds.ipv4(random)).append(" - - [28/Nov/2026:10:").append(String.format("%02d:%02d", i % 60, random.nextInt(60)))
                    .append(" +0000] \"GET /app/dashboard HTTP/1.1\" 200 5123 \"-\" \"").append(USER_AGENTS[random.nextInt(USER_AGENTS.length)]).append("\"\n");
        }
        return sb.toString();
    }

    private String customersCsv(int rows) {
        StringBuilder sb = new StringBuilder("customer_id,full_name,email,phone,country,signup_date\n");
        for (int i = 0; i < rows; i++) {
            String name = faker.name().fullName();
            sb.append(10_000 + i).append(',').append(csv(name)).append(',').append(email(name)).append(',')
                    .append(csv(faker.phoneNumber().cellPhone())).append(',').append(faker.country().countryCode2().toUpperCase(Locale.ROOT))
                    .append(',').append(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700))).append('\n');
        }
        return sb.toString();
    }

    private String optOutCsv(int rows) {
        StringBuilder sb = new StringBuilder("email,opted_out_at\n");
        for (int i = 0; i < rows; i++) {
            sb.append(email(faker.name().fullName())).append(',').append(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300))).append('\n');
        }
        return sb.toString();
    }

    private String catalogCsv() {
        StringBuilder sb = new StringBuilder("sku,name,plan,monthly_price_eur,version\n");
        String[] plans = {"starter", "team", "business", "enterprise"};
        for (int i = 0; i < 40; i++) {
            sb.append("SKU-").append(4000 + i).append(',').append(csv(faker.commerce().productName())).append(',')
                    .append(plans[i % plans.length]).append(',').append(9 + i * 3).append(".00,")
                    .append(1 + i % 4).append('.').append(i % 10).append('.').append(i).append('\n');
        }
        return sb.toString();
    }

    private static String releaseNotes() {
        return "# Release notes\n\n## 2.4.10 (2026-11-20)\n- Faster dashboards (build 2.4.10.3)\n- Fixed export of project "
                + "archives larger than 4 GiB\n\n## 2.4.9\n- Checksum sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n";
    }

    private static String runbook() {
        return "On-call runbook\n\n1. Check the status page.\n2. Restart the ingest workers: kubectl rollout restart deploy/ingest\n"
                + "3. Escalate to the platform team after 30 minutes.\n";
    }

    private String email(String name) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
        String[] domains = {"example.com", "mail.example.org", "example.net"};
        return local + random.nextInt(100) + "@" + domains[random.nextInt(domains.length)];
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

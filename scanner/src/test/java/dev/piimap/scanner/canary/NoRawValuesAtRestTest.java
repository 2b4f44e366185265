package dev.piimap.scanner.canary;

import dev.piimap.scanner.cli.Main;
import dev.piimap.scanner.testdata.ChildJvm;
import dev.piimap.scanner.testdata.SampleDocuments;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RELIABILITY 7-8 and issue 5's canary test: sources are seeded with unique canary values (a database, a folder
 * of documents, a helpdesk export), scanned, and every output is then read by something other than Spark: the
 * Parquet files with parquet-hadoop's own reader, the Delta logs (with their column statistics) as text, every
 * export format, the HTML report, the commands' standard output and error, and the logs. No canary may appear in
 * any of them; the scan must have found each canary (so the test cannot pass by finding nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NoRawValuesAtRestTest {
    /** Canary values, by what they are, each unique to this test. */
    static final Map<String, String> CANARIES = new LinkedHashMap<>();

    static {
        CANARIES.put("EMAIL_ADDRESS", "quillon.varga7731@example.org");
        CANARIES.put("PHONE_NUMBER", "+44 20 7946 0736");
        CANARIES.put("CREDIT_CARD", "4929 7361 5843 2178");
        CANARIES.put("US_SSN", "536-82-7491");
        CANARIES.put("IBAN", "GB33 BUKB 2020 1555 5555 55");
        CANARIES.put("CREDENTIAL", "ghp_Qz8vK2mN5xR7tW1yB4cF6hJ9lP3sD0gA2eU5");
        CANARIES.put("PERSON", "Quillon Varganova");
        CANARIES.put("REQUESTER", "odalys.kettering4410@example.net");
    }

    @TempDir
    static Path tmp;
    private EmbeddedPostgres postgres;
    private final StringBuilder consoleAndLogs = new StringBuilder();
    private Path datamap;
    private Path outputs;

    @BeforeAll
    void seedScanAndExport() throws Exception {
        assertThat(luhn(digits(CANARIES.get("CREDIT_CARD")))).as("the card canary is a valid PAN").isTrue();
        postgres = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pg")).setCleanDataDirectory(true).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE SCHEMA crm;
                    CREATE TABLE crm.contacts (id integer PRIMARY KEY, full_name text, email text, phone text, ssn text,
                        iban text, profile jsonb);
                    INSERT INTO crm.contacts VALUES
                      (1, '%1$s', '%2$s', '%3$s', '%4$s', '%5$s', '{"billing": {"card": "%6$s"}}'),
                      (2, 'Mara Lind', 'mara.lind@example.com', '+44 20 7946 0999', '078-05-1120',
                       'DE89 3704 0044 0532 0130 00', '{"billing": {"card": null}}');
                    CREATE TABLE crm.by_email (email text PRIMARY KEY, note text);
                    INSERT INTO crm.by_email VALUES ('%2$s', 'api token %7$s');
                    """.formatted(CANARIES.get("PERSON"), CANARIES.get("EMAIL_ADDRESS"), CANARIES.get("PHONE_NUMBER"),
                    CANARIES.get("US_SSN"), CANARIES.get("IBAN"), CANARIES.get("CREDIT_CARD"), CANARIES.get("CREDENTIAL")));
        }
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("notes.txt"), "Call " + CANARIES.get("PERSON") + " on " + CANARIES.get("PHONE_NUMBER")
                + " or mail " + CANARIES.get("EMAIL_ADDRESS") + ".\nSSN " + CANARIES.get("US_SSN") + "\n");
        SampleDocuments.docx(share.resolve("contract.docx"), List.of("Account holder " + CANARIES.get("PERSON"),
                "IBAN " + CANARIES.get("IBAN"), "Card number " + CANARIES.get("CREDIT_CARD")));
        SampleDocuments.pdf(share.resolve("statement.pdf"), List.of("Statement for " + CANARIES.get("EMAIL_ADDRESS"),
                "Card " + CANARIES.get("CREDIT_CARD")));
        SampleDocuments.zip(share.resolve("export.zip"), Map.of("export/users.csv",
                ("name,email,password\n" + CANARIES.get("PERSON") + "," + CANARIES.get("EMAIL_ADDRESS") + ",token="
                        + CANARIES.get("CREDENTIAL") + "\n").getBytes(StandardCharsets.UTF_8)));
        Path helpdesk = Files.createDirectories(tmp.resolve("helpdesk").resolve("attachments/9"));
        Files.writeString(tmp.resolve("helpdesk/tickets.json"), """
                [{"id": 9, "requester": "%s", "subject": "Refund",
                  "description": "My card %s was charged twice.", "created_at": "2026-11-02T09:15:00Z",
                  "attachments": [{"file_name": "id.txt", "path": "attachments/9/id.txt"}]}]
                """.formatted(CANARIES.get("REQUESTER"), CANARIES.get("CREDIT_CARD")));
        Files.writeString(helpdesk.resolve("id.txt"), "SSN " + CANARIES.get("US_SSN") + ", phone " + CANARIES.get("PHONE_NUMBER") + "\n");
        Path key = Files.writeString(tmp.resolve("fingerprint.key"), "canary-test-key-7f3a9c0e5b2d4186a1f0c3e7d9b5a2c4\n");

        Path config = Files.writeString(tmp.resolve("scan.yaml"), """
                datamap: ./datamap
                spark: {master: "local[2]"}
                fingerprint-key: ${file:%s}
                samples: true
                sources:
                  - name: crm
                    type: jdbc
                    url: %s
                    user: postgres
                    sample-rows: 0
                  - name: share
                    type: files
                    root: ./share
                  - name: helpdesk
                    type: support
                    export: ./helpdesk
                """.formatted(key, postgres.getJdbcUrl("postgres", "postgres")));
        datamap = tmp.resolve("datamap");
        child("run", "--config", config.toString(), "--run-id", "canary-1");
        outputs = Files.createDirectories(tmp.resolve("outputs"));
        child("report", "--datamap", datamap.toString(), "--out", outputs.resolve("report.html").toString());
        captureLogs(() -> {
            for (String what : List.of("findings", "assets")) {
                for (String format : List.of("jsonl", "csv", "arrow")) {
                    inProcess("export", "--datamap", datamap.toString(), "--what", what, "--format", format,
                            "--out", outputs.resolve(what + "." + format).toString());
                }
            }
            inProcess("export", "--datamap", datamap.toString(), "--what", "findings", "--format", "fides",
                    "--out", outputs.resolve("fides.yml").toString());
            inProcess("export", "--datamap", datamap.toString(), "--what", "runs");
        });
    }

    @AfterAll
    void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theScanFoundEveryKindOfCanary() throws IOException {
        String findings = Files.readString(outputs.resolve("findings.jsonl"));
        for (String type : List.of("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "IBAN", "CREDENTIAL", "PERSON")) {
            assertThat(findings).as(type).contains("\"type\":\"" + type + "\"");
        }
        assertThat(findings).contains("crm.contacts.email", "crm.contacts.profile", "contract.docx", "statement.pdf",
                "export.zip!/export/users.csv");
    }

    @Test
    void noParquetFileOfTheDataMapHoldsACanary() throws IOException {
        List<Path> parquet = files(datamap, ".parquet");
        assertThat(parquet).as("data files of all six tables").hasSizeGreaterThanOrEqualTo(6);
        for (Path file : parquet) {
            assertNoCanary(file.toString(), parquetText(file));
        }
    }

    @Test
    void noDeltaLogNorItsColumnStatisticsHoldACanary() throws IOException {
        List<Path> logs = files(datamap, ".json");
        assertThat(logs).anyMatch(p -> p.toString().contains("_delta_log"));
        for (Path log : logs) {
            String text = Files.readString(log);
            assertNoCanary(log.toString(), text);
        }
        assertThat(String.join("", logs.stream().map(NoRawValuesAtRestTest::read).toList()))
                .as("statistics were written (and so checked)").contains("minValues");
        for (Path crc : files(datamap, ".crc")) {
            assertNoCanary(crc.toString(), new String(Files.readAllBytes(crc), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void noExportNorTheReportHoldsACanary() throws IOException {
        List<Path> written = files(outputs, "");
        assertThat(written).extracting(p -> p.getFileName().toString()).contains("report.html", "findings.jsonl",
                "findings.csv", "findings.arrow", "assets.arrow", "fides.yml");
        for (Path file : written) {
            // Arrow stores strings as plain UTF-8 in its buffers, so the bytes themselves are searched.
            assertNoCanary(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
    }

    @Test
    void noConsoleOutputNorLogHoldsACanary() {
        assertThat(consoleAndLogs).as("the run printed its summary").contains("run canary-1 committed");
        assertNoCanary("console and logs", consoleAndLogs.toString());
    }

    @Test
    void maskedSamplesShowAtMostWhatTheContractAllows() throws IOException {
        String findings = Files.readString(outputs.resolve("findings.jsonl"));
        assertThat(findings).contains("492973******2178").contains("q***@e***.org");
    }

    // ---- helpers

    /** Fails naming the output and the canary's kind (never printing more of the output than the kind). */
    static void assertNoCanary(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String compact = lower.replaceAll("[\\s\\-()./]", "");
        for (Map.Entry<String, String> canary : CANARIES.entrySet()) {
            for (String form : forms(canary.getValue())) {
                boolean found = form.length() >= 8 && (lower.contains(form) || compact.contains(form.replaceAll("[\\s\\-()./]", "")));
                assertThat(found).as("canary " + canary.getKey() + " (form of length " + form.length() + ") in " + where).isFalse();
            }
        }
    }

    /** The forms a canary could leak in: as written, without separators, and its distinctive parts. */
    static List<String> forms(String canary) {
        String lower = canary.toLowerCase(Locale.ROOT);
        List<String> forms = new ArrayList<>(List.of(lower, lower.replaceAll("[\\s\\-()./]", "")));
        if (lower.contains("@")) {
            forms.add(lower.substring(0, lower.indexOf('@'))); // the local part alone
        }
        if (lower.contains(" ") && Character.isLetter(lower.charAt(0)) && !lower.startsWith("gb")) {
            for (String word : lower.split(" ")) {
                forms.add(word.length() >= 8 ? word : lower); // a distinctive name part
            }
        }
        String digits = digits(canary);
        if (digits.length() >= 9) {
            forms.add(digits);
            forms.add(digits.substring(0, digits.length() - 4)); // more than the last four
        }
        return forms;
    }

    private static String parquetText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                text.append(row).append('\n');
            }
        }
        return text.toString();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void child(String... args) throws Exception {
        Process p = ChildJvm.scan(tmp, List.of(), args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        consoleAndLogs.append(out);
        // The canaries are synthetic: a failing command's output helps more than it leaks.
        assertThat(p.exitValue()).as("%s exited %d: %s", args[0], p.exitValue(),
                out.lines().skip(Math.max(0, out.lines().count() - 40)).reduce("", (a, b) -> a + "\n" + b)).isZero();
    }

    private void inProcess(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            status = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        consoleAndLogs.append(captured.toString(StandardCharsets.UTF_8));
        assertThat(status).as(String.join(" ", args)).isZero();
    }

    /** Runs {@code body} with everything logged (at the configured levels) copied into {@link #consoleAndLogs}. */
    private void captureLogs(ThrowingRunnable body) throws Exception {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        StringWriter logs = new StringWriter();
        WriterAppender appender = WriterAppender.newBuilder().setName("canary-capture").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%ex").build()).build();
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        try {
            body.run();
        } finally {
            context.getConfiguration().getRootLogger().removeAppender(appender.getName());
            context.updateLoggers();
            appender.stop();
            consoleAndLogs.append(logs);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }
}

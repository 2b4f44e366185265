package dev.piimap.scanner.cli;

import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.demo.DemoDatabase;
import dev.piimap.scanner.demo.DemoFiles;
import dev.piimap.scanner.demo.DemoHelpdesk;
import dev.piimap.scanner.job.RunIds;
import dev.piimap.scanner.job.RunSummary;
import dev.piimap.scanner.job.ScanJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates the sample estate of a fictional SaaS company (a real embedded PostgreSQL database, a folder of logs, exports and support attachments,",
                "a helpdesk export and mailboxes),",
                "scans it with Spark local[*], and prints a summary and where the data map and the HTML report are."})
final class DemoCommand implements Callable<Integer> {
    static final String MARKER = ".piimap-demo";
    static final long SEED = 20261129L;
    static final String HELPDESK_EXPORT = "helpdesk-export";
    static final String MAILBOXES = "mailboxes";
    static final String FINGERPRINT_KEY = "fingerprint.key";
    /** The AhuraSense privacy policy as policy.yaml, copied into the demo folder for {@code bin/scan policy}. */
    static final String POLICY = "policy.yaml";
    /** The AhuraSense retention rules as retention.yaml, copied into the demo folder for {@code bin/scan retention}. */
    static final String RETENTION = "retention.yaml";
    static final int HELPDESK_TICKETS = 40;
    static final int HELPDESK_ATTACHMENT_EVERY = 5;
    static final int MAILBOX_MESSAGES = 6;

    static final int MAX_RUNS = 5;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo", description = "Folder for the estate, data map and report (default: ./demo).")
    Path out;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1", description = "Runs to commit (1-" + MAX_RUNS + ", default: ${DEFAULT-VALUE}). "
            + "Before each run after the first, a day's new application log lands in the file share; those runs are incremental, "
            + "so the data map gets a history (trend, diff) and shows what carrying unchanged items forward saves.")
    int runs;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new UsageException("--runs", String.valueOf(runs), "must be between 1 and " + MAX_RUNS, "omit it for one run, or pass --runs 2");
        }
        Path dir = out.toAbsolutePath().normalize();
        prepare(dir);
        Path files = dir.resolve("files");
        int fileCount = new DemoFiles(SEED).generate(files);
        System.err.printf("piimap demo: wrote %d files under %s%n", fileCount, files);
        DemoHelpdesk helpdesk = new DemoHelpdesk(SEED);
        int attachments = helpdesk.writeExport(dir.resolve(HELPDESK_EXPORT), HELPDESK_TICKETS, HELPDESK_ATTACHMENT_EVERY);
        helpdesk.writeMailboxes(dir.resolve(MAILBOXES), MAILBOX_MESSAGES);
        System.err.printf("piimap demo: wrote a helpdesk export (%d tickets, %d attachments) under %s and mailboxes under %s%n",
                HELPDESK_TICKETS, attachments, dir.resolve(HELPDESK_EXPORT), dir.resolve(MAILBOXES));
        Path key = writeFingerprintKey(dir.resolve(FINGERPRINT_KEY));
        try (DemoDatabase db = DemoDatabase.start(dir.resolve("db"))) {
            System.err.printf("piimap demo: embedded PostgreSQL running at %s%n", db.jdbcUrl());
            Path config = dir.resolve("scan.yaml");
            Files.writeString(config, scanYaml(db, key), StandardCharsets.UTF_8);
            ScanConfig cfg = new ScanConfigLoader().load(config);
            RunSummary summary = new ScanJob(System.err).run(cfg, RunIds.next());
            for (int day = 2; day <= runs; day++) {
                System.out.print(SummaryTable.render(summary));
                Path log = writeDayLog(files, day);
                System.err.printf("piimap demo: day %d: a new application log arrived (%s); scanning again, incrementally%n", day,
                        files.relativize(log));
                summary = new ScanJob(System.err).run(cfg, RunIds.next());
            }
            Path report = dir.resolve("report.html");
            Path policyFile = copyShippedPolicy(dir, "ahurasense-policy.yaml", POLICY);
            Path retentionFile = copyShippedPolicy(dir, "ahurasense-retention.yaml", RETENTION);
            ReportCommand.render(cfg.datamap(), report, PolicyCommand.loadPolicy(policyFile),
                    dev.piimap.reports.retention.RetentionPolicy.load(retentionFile, RetentionCommand.knownCategories()));
            System.out.print(SummaryTable.render(summary));
            System.out.printf("%ndata map:    %s%nHTML report: %s%nconfig:      %s (the database port changes on every demo run)%n",
                    cfg.datamap(), report, config);
            System.out.printf("next:        bin/scan export --datamap %s --what findings | head%n", cfg.datamap());
            System.out.printf("             bin/scan policy --datamap %s --policy %s --format table%n", cfg.datamap(), policyFile);
            System.out.printf("             bin/scan retention --datamap %s --policy %s --format table%n", cfg.datamap(),
                    retentionFile);
            System.out.printf("             bin/scan dsr locate --datamap %s --config %s --email ADDRESS%n", cfg.datamap(), config);
        }
        return Main.EXIT_OK;
    }

    private static String scanYaml(DemoDatabase db, Path fingerprintKey) {
        return """
                # Generated by `bin/scan demo`: the sample estate of AhuraSense Cloud.
                datamap: ./datamap
                spark:
                  master: local[*]
                # HMAC key of the subject index (dsr locate) and of support requesters' fingerprints (random per demo run).
                fingerprint-key: ${file:%s}
                sources:
                  - name: app-db
                    type: jdbc
                    url: %s
                    user: %s
                    sample-rows: 1000
                  - name: file-share
                    type: files
                    root: ./files
                  - name: helpdesk-db
                    type: support
                    tickets:
                      url: %s
                      user: %s
                      table: support.tickets
                      columns: {requester: requester_email, created: created_at}
                      attachments: {table: support.ticket_attachments, columns: {key: object_key}}
                    attachments-root: ./files/support/attachments
                    batch-size: 100
                  - name: helpdesk-export
                    type: support
                    export: ./%s
                  - name: support-inbox
                    type: support
                    mailboxes: ./%s
                """.formatted(fingerprintKey, db.jdbcUrl(), db.user(), db.jdbcUrl(), db.user(), HELPDESK_EXPORT, MAILBOXES);
    }

    /**
     * Day {@code day}'s application log: sign-ins with e-mail addresses and IP addresses, and one payment error that
     * logs a full card number (a test PAN), the kind of leak policy drift should flag. Deterministic per day.
     */
    static Path writeDayLog(Path files, int day) throws IOException {
        Path log = files.resolve("logs").resolve(String.format(java.util.Locale.ROOT, "app-2026-11-%02d.log", day));
        Files.createDirectories(log.getParent());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(String.format(java.util.Locale.ROOT,
                    "2026-11-%02dT%02d:%02d:00Z INFO auth sign-in ok user=day%d.user%02d@example.com ip=203.0.113.%d%n",
                    day, 8 + i / 4, (i * 7) % 60, day, i, 10 + i));
        }
        text.append(String.format(java.util.Locale.ROOT,
                "2026-11-%02dT17:45:00Z ERROR billing charge failed card=4242 4242 4242 4242 customer=day%d.user07@example.com%n",
                day, day));
        Files.writeString(log, text, StandardCharsets.UTF_8);
        return log;
    }

    /** Copies a policy shipped in the jar ({@code policies/NAME}) into the demo folder as {@code target}. */
    static Path copyShippedPolicy(Path dir, String name, String target) throws IOException {
        try (var in = DemoCommand.class.getResourceAsStream("/policies/" + name)) {
            if (in == null) {
                throw new IllegalStateException("policies/" + name + " is missing from the jar: rebuild with ./mvnw package");
            }
            Path file = dir.resolve(target);
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    /** A fresh random key (64 hex characters) for requester fingerprints, readable by the owner only where supported. */
    private static Path writeFingerprintKey(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the key stays with the default permissions
        }
        return file;
    }

    /** Refuses to wipe a folder that is not a previous demo; clears a previous demo's estate. */
    private static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException("--out", dir.toString(), "folder exists, is not empty and was not made by the demo",
                            "pass --out with a new or empty folder");
                }
            }
        }
        for (String part : new String[]{"files", "db", "datamap", "report.html", "scan.yaml", HELPDESK_EXPORT, MAILBOXES,
                FINGERPRINT_KEY, POLICY, RETENTION}) {
            deleteRecursively(dir.resolve(part));
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by bin/scan demo; safe to delete\n");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.piimap.scanner.cli;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.mask.SubjectTypes;
import dev.piimap.reports.datamap.DataMapNotFoundException;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.dsr.SubjectLocator;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.source.FingerprintKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/scan dsr locate}: one line per place where an identifier occurs (CONTRACT.md section 8). The
 * identifier is fingerprinted here with the run's key and only the fingerprint goes further: the value is never
 * printed, logged or handed to Spark, and usage errors do not repeat it (nor unexpected arguments, which may
 * be a mistyped value).
 */
@Command(name = "locate", mixinStandardHelpOptions = true,
        description = {"Lists every place (source, asset) where a data subject's identifier occurs, with counts and,"
                + " where known, row keys or line numbers; from the latest committed run's subject index.",
                "The identifier is fingerprinted with the scan's fingerprint-key (HMAC-SHA256); the value itself is"
                        + " never printed or stored."})
final class DsrLocateCommand implements Callable<Integer> {
    static final String KEY_ENV = "PIIMAP_FINGERPRINT_KEY";
    static final String FORMATS = "jsonl or table";

    @Option(names = "--datamap", required = true, paramLabel = "URI", description = "The data map (a path or a file:/s3a: URI).")
    String datamap;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Identifier identifier;

    static final class Identifier {
        @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "An e-mail address (case does not matter).")
        String email;

        @Option(names = "--value", required = true, paramLabel = "TYPE=VALUE",
                description = "An identifier of an indexed type, e.g. 'PHONE_NUMBER=+44 20 7946 0958' or IBAN=DE89...;"
                        + " an unknown TYPE is answered with the list of indexed types.")
        String value;
    }

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT", description = "jsonl (default) or table.")
    String format;

    @Option(names = "--config", paramLabel = "scan.yaml", description = "Take the key from this scan.yaml's fingerprint-key.")
    Path config;

    @Option(names = "--fingerprint-key", paramLabel = "REF",
            description = "The key as a reference, ${env:NAME} or ${file:/path} (default: ${env:" + KEY_ENV + "} when set).")
    String fingerprintKey;

    @Option(names = "--run", paramLabel = "ID", description = "The committed run to search (default: the latest).")
    String runId;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!unmatched.isEmpty()) {
            throw new UsageException("dsr locate", null, unmatched.size() + " unexpected argument"
                    + (unmatched.size() == 1 ? "" : "s") + " (not repeated: it may be personal data)",
                    "quote a value that has spaces, e.g. --value 'PHONE_NUMBER=<the number>'; see bin/scan dsr locate --help");
        }
        if (!format.equals("jsonl") && !format.equals("table")) {
            throw new UsageException("--format", format, "unsupported format", "use --format " + FORMATS);
        }
        Identifier id = identifier;
        EntityType type;
        String value;
        if (id.email != null) {
            type = EntityType.EMAIL_ADDRESS;
            value = id.email;
            if (value.isBlank() || value.indexOf('@') <= 0) {
                throw new UsageException("--email", null, "not an e-mail address (not repeated here)",
                        "give the address, e.g. --email ana@example.com");
            }
        } else {
            int eq = id.value.indexOf('=');
            if (eq <= 0 || eq == id.value.length() - 1) {
                throw new UsageException("--value", null, "expected TYPE=VALUE (not repeated here)",
                        "write e.g. --value IBAN=GB82WEST12345698765432; TYPE is one of " + SubjectTypes.names());
            }
            try {
                type = SubjectTypes.parse(id.value.substring(0, eq));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--value", null, "TYPE is " + e.getMessage(), "write --value TYPE=VALUE");
            }
            value = id.value.substring(eq + 1);
        }
        KeySource key = key();
        Fingerprinter fingerprinter;
        try {
            fingerprinter = FingerprintKey.load(key.reference());
        } catch (FingerprintKey.UnavailableException e) {
            throw new UsageException(key.flag(), null, e.getMessage(), "point it at the key the scan used (32+ characters)");
        }
        String fingerprint = fingerprinter.fingerprint(type, value);

        DataMapReader reader = ExportCommand.openReader(datamap);
        RunRecord run = run(reader);
        List<SubjectLocator.Place> places;
        try {
            places = new SubjectLocator(reader).locate(run, fingerprinter.keyId(), type.name(), fingerprint);
        } catch (SubjectLocator.IndexUnavailableException e) {
            throw new UsageException(key.flag(), null, e.getMessage(), e.fix());
        }
        System.err.printf("piimap: dsr locate: run %s: %d place%s for %s fingerprint %s%n", run.runId(), places.size(),
                places.size() == 1 ? "" : "s", type, fingerprint);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (format.equals("table")) {
            SubjectLocator.writeTable(places, out);
        } else {
            SubjectLocator.writeJsonLines(places, out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /** Where the key comes from, and the flag to name in errors about it. */
    private record KeySource(SecretRef reference, String flag) {
    }

    /** --fingerprint-key, else --config's fingerprint-key, else ${env:PIIMAP_FINGERPRINT_KEY} when that is set. */
    private KeySource key() {
        if (fingerprintKey != null) {
            try {
                return new KeySource(SecretRef.parse(fingerprintKey), "--fingerprint-key");
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fingerprint-key", null, "not a secret reference (not repeated: it may be the key)",
                        "write --fingerprint-key '${env:NAME}' or '${file:/path}'");
            }
        }
        if (config != null) {
            SecretRef ref = new ScanConfigLoader().load(config).fingerprintKey();
            if (ref == null) {
                throw new UsageException("--config", config.toString(), "the scan.yaml has no fingerprint-key",
                        "use the scan.yaml the run was made with, or pass --fingerprint-key '${env:NAME}'");
            }
            return new KeySource(ref, "--config");
        }
        if (System.getenv(KEY_ENV) != null) {
            return new KeySource(SecretRef.parse("${env:" + KEY_ENV + "}"), "--fingerprint-key");
        }
        throw new UsageException("--fingerprint-key", null, "no fingerprint key given",
                "pass --config scan.yaml (its fingerprint-key), --fingerprint-key '${env:NAME}' or '${file:/path}',"
                        + " or set " + KEY_ENV);
    }

    private RunRecord run(DataMapReader reader) {
        if (runId == null) {
            try {
                return reader.requireLatestCommittedRun();
            } catch (DataMapNotFoundException e) {
                throw new UsageException("--datamap", datamap, e.getMessage(), "run bin/scan run first");
            }
        }
        try {
            return reader.committedRun(runId).orElseThrow(() -> new UsageException("--run", runId,
                    "no committed run with this id", "pick a run id from bin/scan export --what assets, or leave --run out"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--run", runId, "not a valid run id", "use 1-64 letters, digits, '.', '_' or '-'");
        }
    }
}

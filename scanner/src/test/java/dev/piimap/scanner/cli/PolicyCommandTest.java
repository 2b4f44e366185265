package dev.piimap.scanner.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/scan policy} end to end with the shipped AhuraSense policy on a data map shaped like the
 * demo's: its source names and assets, with findings the policy declares and findings it does not.
 */
class PolicyCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String CARD = "user.financial.bank_account.credit_card";
    private static final String SSN = "user.government_id.national_identification_number";
    private static final String DOB = "user.demographic.date_of_birth";
    private static final Path SHIPPED_POLICY = Path.of(System.getProperty("basedir", "."))
            .resolve("../policies/ahurasense-policy.yaml").normalize();

    @TempDir
    static Path tmp;
    private static String datamap;

    @BeforeAll
    static void commitDemoShapedRuns() {
        datamap = tmp.resolve("datamap").toString();
        new CommittedRuns(datamap)
                .finding("file-share", "logs/old.log", "file", "CREDENTIAL", "user.authorization.credentials", 2, 0.9)
                .commit("d1", T0)
                // declared by the policy
                .finding("app-db", "accounts.customers.email", "column", "EMAIL_ADDRESS", "user.contact.email", 1000, 0.99)
                .finding("app-db", "billing.payments.note", "column", "CREDIT_CARD", CARD, 3, 0.97)
                .finding("app-db", "billing.payments.iban", "column", "IBAN", "user.financial.bank_account", 600, 0.99)
                .finding("app-db", "telemetry.events.ip", "column", "IP_ADDRESS", "user.device.ip_address", 1000, 0.99)
                .finding("file-share", "logs/app-2026-11-28.log", "file", "EMAIL_ADDRESS", "user.contact.email", 130, 0.99)
                .finding("helpdesk-export", "tickets/5003", "ticket", "STREET_ADDRESS", "user.contact.address", 1, 0.8)
                // drift
                .finding("app-db", "accounts.customers.date_of_birth", "column", "DATE_OF_BIRTH", DOB, 1000, 0.95)
                .finding("file-share", "logs/app-2026-11-28.log", "file", "CREDIT_CARD", CARD, 61, 0.99)
                .finding("file-share", "logs/app-2026-11-28.log", "file", "PHONE_NUMBER", "user.contact.phone_number", 70, 0.95)
                .finding("file-share", "exports/customers-2026-11.csv", "file", "EMAIL_ADDRESS", "user.contact.email", 200, 0.99)
                .finding("helpdesk-export", "tickets/5002/id-check.docx", "attachment", "US_SSN", SSN, 1, 0.85)
                .finding("helpdesk-export", "tickets/5001", "ticket", "IBAN", "user.financial.bank_account", 1, 0.99)
                .finding("helpdesk-export", "tickets/5004/debug-bundle.zip!/client.log", "embedded", "IP_ADDRESS",
                        "user.device.ip_address", 1, 0.99)
                .finding("support-inbox", "escalation.eml!/verification.txt", "embedded", "US_SSN", SSN, 1, 0.85)
                .finding("support-inbox", "escalation.eml!/verification.txt", "embedded", "DATE_OF_BIRTH", DOB, 1, 0.9)
                .finding("helpdesk-db", "tickets/12", "ticket", "CREDENTIAL", "user.authorization.credentials", 1, 0.9)
                .commit("d2", T0.plusSeconds(3600));
    }

    @Test
    void listsTheLatestRunsDriftWorstFirstAsJsonLines() {
        CliRunner.Result r = CliRunner.run("policy", "--datamap", datamap, "--policy", SHIPPED_POLICY.toString());

        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("{\"severity\":\"critical\",\"source\":\"file-share\",\"asset\":\"logs/app-2026-11-28.log\","
                + "\"type\":\"CREDIT_CARD\",\"category\":\"" + CARD + "\",\"count\":61,\"confidence\":0.99,\"reason\":\"CREDIT_CARD ("
                + CARD + ") is declared only for payment and transaction records in app-db: billing.*, payments.*; "
                + "found in file-share: logs/app-2026-11-28.log\"}");
        assertThat(lines).extracting(line -> line.replaceAll(".*\"severity\":\"(\\w+)\",\"source\":\"([^\"]+)\",\"asset\":\"([^\"]+)\","
                        + "\"type\":\"(\\w+)\".*", "$1 $4 $2: $3"))
                .containsExactly(
                        "critical CREDIT_CARD file-share: logs/app-2026-11-28.log",
                        "critical CREDENTIAL helpdesk-db: tickets/12",
                        "critical US_SSN helpdesk-export: tickets/5002/id-check.docx",
                        "critical US_SSN support-inbox: escalation.eml!/verification.txt",
                        "high DATE_OF_BIRTH app-db: accounts.customers.date_of_birth",
                        "high IBAN helpdesk-export: tickets/5001",
                        "high DATE_OF_BIRTH support-inbox: escalation.eml!/verification.txt",
                        "medium EMAIL_ADDRESS file-share: exports/customers-2026-11.csv",
                        "medium PHONE_NUMBER file-share: logs/app-2026-11-28.log",
                        "low IP_ADDRESS helpdesk-export: tickets/5004/debug-bundle.zip!/client.log");
        assertThat(r.err()).contains("policy: AhuraSense Cloud privacy policy").contains("run d2")
                .contains("10 findings outside what the policy declares: 4 critical, 3 high, 2 medium, 1 low");
    }

    @Test
    void writesATable() {
        CliRunner.Result r = CliRunner.run("policy", "--datamap", datamap, "--policy", SHIPPED_POLICY.toString(),
                "--format", "table");

        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(1 + 2 * 10);
        assertThat(lines.subList(0, 3)).containsExactly(
                "SEVERITY  TYPE                  COUNT CONFIDENCE  SOURCE: ASSET",
                "critical  CREDIT_CARD              61       0.99  file-share: logs/app-2026-11-28.log",
                "          CREDIT_CARD (" + CARD + ") is declared only for payment and transaction records in app-db: "
                        + "billing.*, payments.*; found in file-share: logs/app-2026-11-28.log");
        assertThat(lines.get(9)).isEqualTo(
                "high      DATE_OF_BIRTH         1,000       0.95  app-db: accounts.customers.date_of_birth");
        assertThat(lines.get(10)).isEqualTo("          DATE_OF_BIRTH (" + DOB + ") is not declared by the policy; "
                + "found in app-db: accounts.customers.date_of_birth");
    }

    @Test
    void checksAnOlderRunWhenAskedTo() {
        CliRunner.Result r = CliRunner.run("policy", "--datamap", datamap, "--policy", SHIPPED_POLICY.toString(),
                "--run", "d1");

        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList()).singleElement().asString()
                .startsWith("{\"severity\":\"critical\",\"source\":\"file-share\",\"asset\":\"logs/old.log\",\"type\":\"CREDENTIAL\"");
    }

    @Test
    void aBadPolicyFileIsOneConfigErrorNamingFileKeyValueAndFix() throws IOException {
        Path policy = tmp.resolve("bad-category.yaml");
        Files.writeString(policy, """
                policy: test
                declared:
                  - purpose: payments
                    categories: [user.financial.credit_card]
                """);

        CliRunner.Result r = CliRunner.run("policy", "--datamap", datamap, "--policy", policy.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n")
                .startsWith("config error: " + policy + ": declared[0].categories[0]: unknown data category "
                        + "(value: 'user.financial.credit_card'); fix: use one of: user, user.authorization, ")
                .contains("user.financial.bank_account.credit_card");
    }

    @Test
    void otherBadPolicyFilesExitTwoWithOneLine() throws IOException {
        Path yaml = tmp.resolve("broken.yaml");
        Files.writeString(yaml, "policy: x\ndeclared: {a: b: c}\n");
        Path unknownKey = tmp.resolve("unknown-key.yaml");
        Files.writeString(unknownKey, "declared: [{purpose: a, categories: [user], where: {tables: [x]}}]\n");

        CliRunner.Result broken = CliRunner.run("policy", "--datamap", datamap, "--policy", yaml.toString());
        CliRunner.Result unknown = CliRunner.run("policy", "--datamap", datamap, "--policy", unknownKey.toString());

        assertThat(broken.status()).isEqualTo(2);
        assertThat(broken.err().strip()).isEqualTo("config error: " + yaml + ": not valid YAML at line 2; fix: fix the YAML syntax");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("config error: " + unknownKey + ": declared[0].where.tables: unknown key; "
                + "fix: remove it or correct the spelling; known keys here: assets, sources");
        assertThat(broken.out() + unknown.out()).isEmpty();
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        String policy = SHIPPED_POLICY.toString();
        CliRunner.Result missingPolicy = CliRunner.run("policy", "--datamap", datamap, "--policy", tmp.resolve("nope.yaml").toString());
        CliRunner.Result unknownRun = CliRunner.run("policy", "--datamap", datamap, "--policy", policy, "--run", "d7");
        CliRunner.Result badRunId = CliRunner.run("policy", "--datamap", datamap, "--policy", policy, "--run", "a b");
        CliRunner.Result format = CliRunner.run("policy", "--datamap", datamap, "--policy", policy, "--format", "html");
        CliRunner.Result noDatamap = CliRunner.run("policy", "--datamap", tmp.resolve("none").toString(), "--policy", policy);

        assertThat(missingPolicy.status()).isEqualTo(2);
        assertThat(missingPolicy.err().strip()).isEqualTo("usage error: --policy: file not found (value: '"
                + tmp.resolve("nope.yaml") + "'); fix: pass the path of a policy file, e.g. policies/ahurasense-policy.yaml");
        assertThat(unknownRun.status()).isEqualTo(2);
        assertThat(unknownRun.err().strip()).doesNotContain("\n")
                .isEqualTo("usage error: --run: not a committed run of the data map at " + datamap + " (value: 'd7'); "
                        + "fix: pass a committed run id (list them with bin/scan diff --datamap " + datamap
                        + " --list-runs), or omit --run for the latest");
        assertThat(badRunId.status()).isEqualTo(2);
        assertThat(badRunId.err().strip()).doesNotContain("\n").startsWith("usage error: --run: run id 'a b' is not valid");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err().strip()).isEqualTo(
                "usage error: --format: unsupported format (value: 'html'); fix: use --format jsonl or --format table");
        assertThat(noDatamap.status()).isEqualTo(2);
        assertThat(noDatamap.err().strip()).startsWith("usage error: --datamap: no data map at");
        assertThat(missingPolicy.out() + unknownRun.out() + badRunId.out() + format.out() + noDatamap.out()).isEmpty();
    }

    @Test
    void hasHelp() {
        CliRunner.Result r = CliRunner.run("policy", "--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: scan policy").contains("--policy").contains("--run");
    }
}

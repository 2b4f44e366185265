package dev.piimap.reports.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String CARD = "user.financial.bank_account.credit_card";
    private static final String SSN = "user.government_id.national_identification_number";
    private static final Policy POLICY = new PolicyParser().parse("""
            policy: test policy
            declared:
              - purpose: account details
                categories: [user.name, user.contact]
                where: {sources: [app-db], assets: ["accounts.*"]}
              - purpose: payment records
                categories: [user.financial]
                where: {sources: [app-db], assets: ["billing.*"]}
              - purpose: telemetry
                categories: [user.device, user.contact.email]
                where: {sources: [share], assets: ["logs/**"]}
              - purpose: support records
                categories: [user.name, user.contact]
                where: {sources: [helpdesk]}
            """);

    @TempDir
    static Path dir;
    private static DataMapReader reader;

    @BeforeAll
    static void writeTwoRuns() {
        SparkSession spark = TestSpark.session();
        new DataMapFixture(spark, dir.toString())
                .run("old", "committed", T0, "app-db", "share", "helpdesk")
                .run("new", "committed", T0.plusSeconds(60), "app-db", "share", "helpdesk")
                .finding("old", "share", "logs/old.log", "file", "CREDENTIAL", "user.authorization.credentials", 1, 0.9,
                        null, null)
                // allowed
                .finding("new", "app-db", "accounts.customers.email", "column", "EMAIL_ADDRESS", "user.contact.email",
                        900, 0.99, null, null)
                .finding("new", "app-db", "billing.payments.note", "column", "CREDIT_CARD", CARD, 12, 0.97, null, null)
                .finding("new", "share", "logs/app.log", "file", "IP_ADDRESS", "user.device.ip_address", 300, 0.99,
                        null, null)
                .finding("new", "helpdesk", "tickets/7", "ticket", "PHONE_NUMBER", "user.contact.phone_number", 1,
                        0.9, null, null)
                // drift
                .finding("new", "share", "logs/app.log", "file", "CREDIT_CARD", CARD, 57, 0.99, null, null)
                .finding("new", "share", "logs/app.log", "file", "PHONE_NUMBER", "user.contact.phone_number", 70,
                        0.95, null, null)
                .finding("new", "helpdesk", "tickets/7/id.docx", "attachment", "US_SSN", SSN, 1, 0.85, null, null)
                .finding("new", "helpdesk", "tickets/9", "ticket", "CREDENTIAL", "user.authorization.credentials", 2,
                        0.9, null, null)
                .finding("new", "helpdesk", "tickets/8", "ticket", "IBAN", "user.financial.bank_account", 1, 0.99,
                        null, null)
                .finding("new", "app-db", "accounts.customers.date_of_birth", "column", "DATE_OF_BIRTH",
                        "user.demographic.date_of_birth", 1000, 0.95, null, null)
                .finding("new", "helpdesk", "tickets/9/bundle.zip!/client.log", "embedded", "IP_ADDRESS",
                        "user.device.ip_address", 4, 0.99, null, null)
                .write();
        reader = DataMapReader.open(spark, dir.toString());
    }

    @Test
    void listsTheLatestRunsUndeclaredFindingsWorstFirstThenByCount() {
        List<Violation> violations = PolicyDrift.violations(reader, POLICY);

        assertThat(violations).extracting(v -> v.severity().wireName() + " " + v.count() + " " + v.source() + ": "
                        + v.asset() + " " + v.type())
                .containsExactly(
                        "critical 57 share: logs/app.log CREDIT_CARD",
                        "critical 2 helpdesk: tickets/9 CREDENTIAL",
                        "critical 1 helpdesk: tickets/7/id.docx US_SSN",
                        "high 1000 app-db: accounts.customers.date_of_birth DATE_OF_BIRTH",
                        "high 1 helpdesk: tickets/8 IBAN",
                        "medium 70 share: logs/app.log PHONE_NUMBER",
                        "low 4 helpdesk: tickets/9/bundle.zip!/client.log IP_ADDRESS");
        assertThat(violations.get(0)).isEqualTo(new Violation(Severity.CRITICAL, "share", "logs/app.log", "CREDIT_CARD",
                CARD, 57, 0.99, "CREDIT_CARD (" + CARD + ") is declared only for payment records in app-db: billing.*; "
                        + "found in share: logs/app.log"));
        assertThat(violations.get(3).reason()).isEqualTo("DATE_OF_BIRTH (user.demographic.date_of_birth) is not declared "
                + "by the policy; found in app-db: accounts.customers.date_of_birth");
    }

    @Test
    void evaluatesAnOlderRunWhenAskedTo() {
        assertThat(PolicyDrift.violations(reader, reader.requireCommitted("old"), POLICY))
                .extracting(Violation::severity, Violation::asset, Violation::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "logs/old.log", "CREDENTIAL"));
    }

    @Test
    void severityOverridesReorderTheList() {
        Policy lenient = new Policy(POLICY.name(), POLICY.declared(),
                java.util.Map.of("user.demographic", Severity.LOW, "user.contact.phone_number", Severity.CRITICAL));

        assertThat(PolicyDrift.violations(reader, lenient)).extracting(v -> v.severity() + " " + v.type())
                .containsExactly("CRITICAL PHONE_NUMBER", "CRITICAL CREDIT_CARD", "CRITICAL CREDENTIAL", "CRITICAL US_SSN",
                        "HIGH IBAN", "LOW DATE_OF_BIRTH", "LOW IP_ADDRESS");
    }

    @Test
    void writesJsonLinesWithTheKeysInOrder() throws IOException {
        StringWriter out = new StringWriter();

        PolicyDrift.Summary summary = new PolicyDrift(reader, POLICY)
                .write(reader.requireLatestCommittedRun(), PolicyDrift.Format.JSONL, out);

        List<String> lines = out.toString().lines().toList();
        assertThat(summary).isEqualTo(new PolicyDrift.Summary(3, 2, 1, 1));
        assertThat(summary.total()).isEqualTo(7);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(2)).isEqualTo("{\"severity\":\"critical\",\"source\":\"helpdesk\",\"asset\":\"tickets/7/id.docx\","
                + "\"type\":\"US_SSN\",\"category\":\"" + SSN + "\",\"count\":1,\"confidence\":0.85,\"reason\":\"US_SSN ("
                + SSN + ") is not declared by the policy; found in helpdesk: tickets/7/id.docx\"}");
        JsonNode first = JSON.readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("severity", "source", "asset", "type", "category", "count", "confidence", "reason");
    }

    @Test
    void writesATableWithTheReasonUnderEachRow() throws IOException {
        StringWriter out = new StringWriter();

        new PolicyDrift(reader, POLICY).write(reader.requireLatestCommittedRun(), PolicyDrift.Format.TABLE, out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(15);
        assertThat(lines.subList(0, 3)).containsExactly(
                "SEVERITY  TYPE                  COUNT CONFIDENCE  SOURCE: ASSET",
                "critical  CREDIT_CARD              57       0.99  share: logs/app.log",
                "          CREDIT_CARD (" + CARD + ") is declared only for payment records in app-db: billing.*; "
                        + "found in share: logs/app.log");
        assertThat(lines.get(7)).isEqualTo(
                "high      DATE_OF_BIRTH         1,000       0.95  app-db: accounts.customers.date_of_birth");
    }
}

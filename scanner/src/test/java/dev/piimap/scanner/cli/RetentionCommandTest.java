package dev.piimap.scanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.reports.retention.RetentionPolicy;
import dev.piimap.reports.retention.RetentionRule;
import dev.piimap.scanner.demo.DemoDatabase;
import dev.piimap.scanner.demo.DemoFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/scan retention} end to end on the demo estate (its embedded PostgreSQL and file share, scanned by
 * {@code run}) with the shipped AhuraSense policy, as of a fixed day: old telemetry, payments and tickets in the
 * database and an old log and attachment on the share are reported, worst first; bad usage exits 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The shipped policy, from the scanner module's folder (the tests' working directory). */
    static final Path POLICY = Path.of("..", "policies", "ahurasense-retention.yaml");
    private static final String AS_OF = "2026-11-30";

    @TempDir
    static Path tmp;
    private DemoDatabase demo;
    private Path datamap;

    @BeforeAll
    void scanTheDemoEstate() throws Exception {
        demo = DemoDatabase.start(tmp.resolve("db"));
        new DemoFiles(20261129L).generate(tmp.resolve("files"));
        datamap = tmp.resolve("datamap");
        Path config = Files.writeString(tmp.resolve("scan.yaml"), """
                datamap: ./datamap
                spark: {master: "local[2]"}
                sources:
                  - {name: app-db, type: jdbc, url: "%s", user: %s, sample-rows: 1000}
                  - {name: file-share, type: files, root: ./files}
                """.formatted(demo.jdbcUrl(), demo.user()));
        CliRunner.Result run = CliRunner.run("run", "--config", config.toString(), "--run-id", "demo-1");
        assertThat(run.status()).as(run.err()).isZero();
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void reportsTheDemosOldRowsAndFilesWorstFirstAsJsonLines() throws Exception {
        CliRunner.Result r = CliRunner.run("retention", "--datamap", datamap.toString(), "--policy", POLICY.toString(),
                "--as-of", AS_OF);

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, JsonNode> byAsset = new LinkedHashMap<>();
        List<Long> daysOver = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            JsonNode v = JSON.readTree(line);
            byAsset.put(v.get("source").asText() + " " + v.get("asset").asText(), v);
            daysOver.add(v.get("days_over").asLong());
        }
        assertThat(daysOver).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(byAsset.keySet()).containsExactlyInAnyOrder("app-db telemetry.events", "app-db billing.payments",
                "app-db support.tickets", "file-share logs/archive/nginx-access-2024-06-02.log",
                "file-share support/attachments/T-1042-invoice-dispute.pdf");

        JsonNode events = byAsset.get("app-db telemetry.events");
        assertThat(events.get("rule").asText()).isEqualTo("telemetry");
        assertThat(events.get("asset_kind").asText()).isEqualTo("table");
        assertThat(events.get("date_column").asText()).isEqualTo("ts");
        assertThat(events.get("estimated").asBoolean()).as("1,000 of 2,000 rows read").isTrue();
        assertThat(events.get("rows_over").asLong()).isBetween(1_300L, 1_800L);
        assertThat(events.get("oldest").asText()).startsWith("2022-").isLessThan("2022-03");
        assertThat(events.get("categories")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("user.device.browser", "user.device.ip_address");

        JsonNode payments = byAsset.get("app-db billing.payments");
        assertThat(payments.get("rule").asText()).isEqualTo("payment records");
        assertThat(payments.get("max_age").asText()).isEqualTo("7 years");
        assertThat(payments.get("date_column").asText()).isEqualTo("created_at");
        assertThat(payments.get("rows_over").asLong()).isBetween(400L, 1_000L);
        assertThat(payments.get("oldest").asText()).startsWith("2016-").isLessThan("2016-03");

        assertThat(byAsset.get("app-db support.tickets").get("rule").asText()).isEqualTo("support data in the application");

        JsonNode log = byAsset.get("file-share logs/archive/nginx-access-2024-06-02.log");
        assertThat(log.get("rule").asText()).isEqualTo("telemetry");
        assertThat(log.get("oldest").asText()).isEqualTo("2024-06-02T23:59:00Z");
        assertThat(log.get("rows_over").isNull()).isTrue();
        assertThat(log.get("reason").asText()).isEqualTo("modified 2024-06-02, older than 13 months (before 2025-10-30)");

        JsonNode attachment = byAsset.get("file-share support/attachments/T-1042-invoice-dispute.pdf");
        assertThat(attachment.get("rule").asText()).isEqualTo("support data in the application");
        assertThat(attachment.get("max_age").asText()).isEqualTo("24 months");

        assertThat(r.err()).contains("have no date to check").contains("support.ticket_attachments");
    }

    @Test
    void printsATableAndChecksAnEarlierDayOfANamedRun() {
        CliRunner.Result table = CliRunner.run("retention", "--datamap", datamap.toString(), "--policy", POLICY.toString(),
                "--as-of", AS_OF, "--run", "demo-1", "--format", "table");
        CliRunner.Result early = CliRunner.run("retention", "--datamap", datamap.toString(), "--policy", POLICY.toString(),
                "--as-of", "2023-01-31", "--run", "demo-1");

        assertThat(table.status()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("retention check of run demo-1 as of 2026-11-30: 5 violations")
                .contains("RULE", "ROWS OVER", "telemetry.events", "~", "nginx-access-2024-06-02.log", "modified")
                .contains("app-db support.ticket_attachments (table, rule support data in the application): no dated rows");
        assertThat(early.status()).as(early.err()).isZero();
        assertThat(early.out().lines()).singleElement().satisfies(line -> assertThat(line).contains("billing.payments"));
    }

    @Test
    void badUsageExitsTwoWithOneLineAndNoOutput() throws Exception {
        Path badPolicy = Files.writeString(tmp.resolve("bad.yaml"),
                "retention:\n  - {name: telemetry, categories: [user.device], max-age: 13 monts}\n");
        String dm = datamap.toString();
        for (String[] args : List.of(
                new String[] {"retention", "--datamap", dm, "--policy", badPolicy.toString()},
                new String[] {"retention", "--datamap", dm, "--policy", tmp.resolve("none.yaml").toString()},
                new String[] {"retention", "--datamap", dm, "--policy", POLICY.toString(), "--as-of", "30.11.2026"},
                new String[] {"retention", "--datamap", dm, "--policy", POLICY.toString(), "--format", "csv"},
                new String[] {"retention", "--datamap", dm, "--policy", POLICY.toString(), "--run", "demo-9"},
                new String[] {"retention", "--datamap", tmp.resolve("no-datamap").toString(), "--policy", POLICY.toString()},
                new String[] {"retention", "--datamap", dm})) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.status()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).doesNotContain("\n").contains("fix: ");
        }
        assertThat(CliRunner.run("retention", "--datamap", dm, "--policy", badPolicy.toString()).err())
                .contains("policy error: " + badPolicy + ": retention[0].max-age: not a duration")
                .contains("(value: '13 monts')");
    }

    @Test
    void theShippedPolicyParsesIntoItsFourRules() {
        RetentionPolicy policy = RetentionPolicy.load(POLICY, RetentionCommand.knownCategories());

        assertThat(policy.rules()).extracting(RetentionRule::name, r -> r.maxAge().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("telemetry", "13 months"),
                org.assertj.core.groups.Tuple.tuple("payment records", "7 years"),
                org.assertj.core.groups.Tuple.tuple("support records", "24 months"),
                org.assertj.core.groups.Tuple.tuple("support data in the application", "24 months"));
        assertThat(policy.rules()).allSatisfy(r -> assertThat(r.basis()).isNotBlank());
    }

    @Test
    void hasHelp() {
        CliRunner.Result r = CliRunner.run("retention", "--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage:", "--policy", "--as-of", "--format");
    }
}

package dev.piimap.scanner.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/scan diff} end to end on a data map with three committed runs (and one with a single run). */
class DiffCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String CARD = "user.financial.bank_account.credit_card";

    @TempDir
    static Path tmp;
    private static String datamap;
    private static String singleRun;

    /** n1 -> n2: card in the log is new, the phone count grew, the name file is gone. n2 -> n3: nothing changed. */
    @BeforeAll
    static void commitRuns() {
        datamap = tmp.resolve("datamap").toString();
        new CommittedRuns(datamap)
                .finding("app-db", "accounts.customers.phone", "column", "PHONE_NUMBER", "user.contact.phone_number", 900, 0.98)
                .finding("file-share", "docs/names.txt", "file", "PERSON", "user.name", 3, 0.7)
                .commit("n1", T0)
                .finding("app-db", "accounts.customers.phone", "column", "PHONE_NUMBER", "user.contact.phone_number", 950, 0.98)
                .finding("file-share", "logs/app.log", "file", "CREDIT_CARD", CARD, 57, 0.99)
                .commit("n2", T0.plusSeconds(3600))
                .finding("app-db", "accounts.customers.phone", "column", "PHONE_NUMBER", "user.contact.phone_number", 950, 0.98)
                .finding("file-share", "logs/app.log", "file", "CREDIT_CARD", CARD, 57, 0.99)
                .commit("n3", T0.plusSeconds(7200));
        singleRun = tmp.resolve("single").toString();
        new CommittedRuns(singleRun)
                .finding("app-db", "accounts.customers.email", "column", "EMAIL_ADDRESS", "user.contact.email", 10, 0.99)
                .commit("only", T0);
    }

    @Test
    void comparesTheLastTwoRunsByDefault() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", datamap);

        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("diff: run n2 (started 2026-11-28T11:00:00Z) -> run n3 (started 2026-11-28T12:00:00Z)")
                .contains("diff: 0 new, 0 removed, 0 changed");
    }

    @Test
    void writesJsonLinesForExplicitRuns() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", datamap, "--from", "n1", "--to", "n2");

        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "{\"change\":\"changed\",\"source\":\"app-db\",\"asset\":\"accounts.customers.phone\",\"type\":\"PHONE_NUMBER\","
                        + "\"category\":\"user.contact.phone_number\",\"from_count\":900,\"to_count\":950,"
                        + "\"from_confidence\":0.98,\"to_confidence\":0.98}",
                "{\"change\":\"removed\",\"source\":\"file-share\",\"asset\":\"docs/names.txt\",\"type\":\"PERSON\","
                        + "\"category\":\"user.name\",\"from_count\":3,\"to_count\":null,"
                        + "\"from_confidence\":0.7,\"to_confidence\":null}",
                "{\"change\":\"new\",\"source\":\"file-share\",\"asset\":\"logs/app.log\",\"type\":\"CREDIT_CARD\","
                        + "\"category\":\"" + CARD + "\",\"from_count\":null,\"to_count\":57,"
                        + "\"from_confidence\":null,\"to_confidence\":0.99}");
        assertThat(r.err()).contains("diff: 1 new, 1 removed, 1 changed");
    }

    @Test
    void writesATable() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", datamap, "--from", "n1", "--format", "table");

        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "CHANGE   TYPE               FROM COUNT     TO COUNT FROM CONF   TO CONF  SOURCE: ASSET",
                "changed  PHONE_NUMBER              900          950      0.98      0.98  app-db: accounts.customers.phone",
                "removed  PERSON                      3            -       0.7         -  file-share: docs/names.txt",
                "new      CREDIT_CARD                 -           57         -      0.99  file-share: logs/app.log");
        assertThat(r.err()).contains("run n1 (started 2026-11-28T10:00:00Z) -> run n3");
    }

    @Test
    void toAloneComparesWithTheRunBeforeIt() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", datamap, "--to", "n2");

        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("run n1 (started 2026-11-28T10:00:00Z) -> run n2");
        assertThat(r.out().lines()).hasSize(3);
    }

    @Test
    void listsTheCommittedRuns() {
        CliRunner.Result json = CliRunner.run("diff", "--datamap", datamap, "--list-runs");
        CliRunner.Result table = CliRunner.run("diff", "--datamap", datamap, "--list-runs", "--format", "table");

        assertThat(json.status()).isZero();
        assertThat(json.out().lines().toList()).containsExactly(
                "{\"run_id\":\"n1\",\"started_at\":\"2026-11-28T10:00:00Z\",\"finished_at\":\"2026-11-28T10:00:30Z\",\"findings\":2}",
                "{\"run_id\":\"n2\",\"started_at\":\"2026-11-28T11:00:00Z\",\"finished_at\":\"2026-11-28T11:00:30Z\",\"findings\":2}",
                "{\"run_id\":\"n3\",\"started_at\":\"2026-11-28T12:00:00Z\",\"finished_at\":\"2026-11-28T12:00:30Z\",\"findings\":2}");
        assertThat(table.out().lines().toList()).containsExactly(
                "STARTED                  FINISHED                   FINDINGS  RUN",
                "2026-11-28T10:00:00Z     2026-11-28T10:00:30Z              2  n1",
                "2026-11-28T11:00:00Z     2026-11-28T11:00:30Z              2  n2",
                "2026-11-28T12:00:00Z     2026-11-28T12:00:30Z              2  n3");
    }

    @Test
    void aDataMapWithOneRunGivesAnEmptyDiffAndSaysWhy() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", singleRun);

        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("has one committed run (only): nothing to compare it with yet, so the diff is empty");
    }

    @Test
    void anUnknownFromRunIsAUsageErrorSayingHowToListRuns() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", datamap, "--from", "n9");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n")
                .isEqualTo("usage error: --from: run n9 is not a committed run of the data map at " + datamap
                        + " (value: 'n9'); fix: pass a committed run id (latest first: n3, n2, n1); list them all with "
                        + "bin/scan diff --datamap " + datamap + " --list-runs");
    }

    @Test
    void anUnknownToRunNamesTo() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", datamap, "--from", "n1", "--to", "nightly-7");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("usage error: --to: run nightly-7 is not a committed run")
                .contains("(value: 'nightly-7')").contains("--list-runs");
    }

    @Test
    void theEarliestRunAloneAsToAsksForFrom() {
        CliRunner.Result r = CliRunner.run("diff", "--datamap", datamap, "--to", "n1");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("usage error: --from: run n1 is the earliest committed run")
                .contains("fix: pass --from with the run to compare it with");
    }

    @Test
    void otherBadUsageExitsTwoWithOneLine() {
        CliRunner.Result format = CliRunner.run("diff", "--datamap", datamap, "--format", "csv");
        CliRunner.Result listing = CliRunner.run("diff", "--datamap", datamap, "--list-runs", "--from", "n1");
        CliRunner.Result missing = CliRunner.run("diff", "--datamap", tmp.resolve("nothing").toString());
        CliRunner.Result noDatamap = CliRunner.run("diff");

        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err().strip()).isEqualTo(
                "usage error: --format: unsupported format (value: 'csv'); fix: use --format jsonl or --format table");
        assertThat(listing.status()).isEqualTo(2);
        assertThat(listing.err().strip()).startsWith("usage error: --from: --list-runs lists every committed run");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().strip()).doesNotContain("\n").startsWith("usage error: --datamap: no data map at");
        assertThat(noDatamap.status()).isEqualTo(2);
        assertThat(noDatamap.err()).contains("--datamap").contains("bin/scan diff --help");
        assertThat(format.out() + listing.out() + missing.out() + noDatamap.out()).isEmpty();
    }

    @Test
    void hasHelp() {
        CliRunner.Result r = CliRunner.run("diff", "--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: scan diff").contains("--from").contains("--to").contains("--list-runs");
    }
}

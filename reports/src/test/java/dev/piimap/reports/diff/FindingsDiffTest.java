package dev.piimap.reports.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapNotFoundException;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.diff.FindingChange.Kind;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingsDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String EMAIL = "user.contact.email";
    private static final String PHONE = "user.contact.phone_number";
    private static final String IP = "user.device.ip_address";
    private static final String CARD = "user.financial.bank_account.credit_card";
    private static final String SSN = "user.government_id.national_identification_number";

    @TempDir
    static Path dir;
    private static DataMapReader reader;
    private static FindingsDiff diff;

    /**
     * r1 -> r2: phone count 5 -> 7, IP confidence 0.99 -> 0.95, card new, name removed, e-mail unchanged, street
     * address unchanged but for confidence noise (0.9 -> 0.902, under the tolerance).
     * r2 -> r3: SSN new, IP removed; r3 holds the e-mail finding as two rows that add up to r2's.
     * r4 never committed, so it is invisible.
     */
    @BeforeAll
    static void writeThreeRuns() {
        SparkSession spark = TestSpark.session();
        new DataMapFixture(spark, dir.toString())
                .run("r1", "committed", T0, "db", "files")
                .run("r2", "committed", T0.plusSeconds(3600), "db", "files")
                .run("r3", "committed", T0.plusSeconds(7200), "db", "files")
                .run("r4", "incomplete", T0.plusSeconds(10800), "db", "files")
                .finding("r1", "db", "app.users.email", "column", "EMAIL_ADDRESS", EMAIL, 10, 0.9, null, null)
                .finding("r1", "db", "app.users.street", "column", "STREET_ADDRESS", "user.contact.address", 3, 0.9, null, null)
                .finding("r2", "db", "app.users.street", "column", "STREET_ADDRESS", "user.contact.address", 3, 0.902, null, null)
                .finding("r3", "db", "app.users.street", "column", "STREET_ADDRESS", "user.contact.address", 3, 0.902, null, null)
                .finding("r1", "db", "app.users.phone", "column", "PHONE_NUMBER", PHONE, 5, 0.8, null, null)
                .finding("r1", "files", "logs/x.log", "file", "IP_ADDRESS", IP, 3, 0.99, null, null)
                .finding("r1", "files", "notes/y.txt", "file", "PERSON", "user.name", 1, 0.7, null, null)
                .finding("r2", "db", "app.users.email", "column", "EMAIL_ADDRESS", EMAIL, 10, 0.9, null, null)
                .finding("r2", "db", "app.users.phone", "column", "PHONE_NUMBER", PHONE, 7, 0.8, null, null)
                .finding("r2", "files", "logs/x.log", "file", "IP_ADDRESS", IP, 3, 0.95, null, null)
                .finding("r2", "files", "logs/z.log", "file", "CREDIT_CARD", CARD, 2, 0.99, null, null)
                .finding("r3", "db", "app.users.email", "column", "EMAIL_ADDRESS", EMAIL, 4, 0.9, null, null)
                .finding("r3", "db", "app.users.email", "column", "EMAIL_ADDRESS", EMAIL, 6, 0.85, null, null)
                .finding("r3", "db", "app.users.phone", "column", "PHONE_NUMBER", PHONE, 7, 0.8, null, null)
                .finding("r3", "files", "logs/z.log", "file", "CREDIT_CARD", CARD, 2, 0.99, null, null)
                .finding("r3", "files", "support/w.pdf", "file", "US_SSN", SSN, 1, 0.9, null, null)
                .finding("r4", "files", "logs/never.log", "file", "US_SSN", SSN, 9, 0.9, null, null)
                .write();
        reader = DataMapReader.open(spark, dir.toString());
        diff = new FindingsDiff(reader);
    }

    @Test
    void comparesTheLastTwoCommittedRunsByDefault() {
        FindingsDiff.Runs runs = diff.selectRuns(null, null).orElseThrow();

        assertThat(runs.from().runId()).isEqualTo("r2");
        assertThat(runs.to().runId()).isEqualTo("r3");
        assertThat(changes(runs)).containsExactly(
                new FindingChange(Kind.REMOVED, "files", "logs/x.log", "IP_ADDRESS", IP, 3L, null, 0.95, null),
                new FindingChange(Kind.NEW, "files", "support/w.pdf", "US_SSN", SSN, null, 1L, null, 0.9));
    }

    @Test
    void reportsNewRemovedAndChangedButNotUnchangedFindingsBetweenExplicitRuns() {
        FindingsDiff.Runs runs = diff.selectRuns("r1", "r2").orElseThrow();

        assertThat(changes(runs)).containsExactly(
                new FindingChange(Kind.CHANGED, "db", "app.users.phone", "PHONE_NUMBER", PHONE, 5L, 7L, 0.8, 0.8),
                new FindingChange(Kind.CHANGED, "files", "logs/x.log", "IP_ADDRESS", IP, 3L, 3L, 0.99, 0.95),
                new FindingChange(Kind.NEW, "files", "logs/z.log", "CREDIT_CARD", CARD, null, 2L, null, 0.99),
                new FindingChange(Kind.REMOVED, "files", "notes/y.txt", "PERSON", "user.name", 1L, null, 0.7, null));
    }

    @Test
    void runsMayBeComparedBackwardsOrAcrossARun() {
        assertThat(changes(diff.selectRuns("r2", "r1").orElseThrow()))
                .extracting(c -> c.change() + " " + c.asset())
                .containsExactly("CHANGED app.users.phone", "CHANGED logs/x.log", "REMOVED logs/z.log", "NEW notes/y.txt");
        assertThat(changes(diff.selectRuns("r1", "r3").orElseThrow()))
                .extracting(c -> c.change() + " " + c.asset())
                .containsExactly("CHANGED app.users.phone", "REMOVED logs/x.log", "NEW logs/z.log", "REMOVED notes/y.txt",
                        "NEW support/w.pdf");
        assertThat(changes(diff.selectRuns("r2", "r2").orElseThrow())).isEmpty();
    }

    @Test
    void fromAloneComparesWithTheLatestRunAndToAloneWithTheRunBeforeIt() {
        FindingsDiff.Runs fromOnly = diff.selectRuns("r1", null).orElseThrow();
        FindingsDiff.Runs toOnly = diff.selectRuns(null, "r2").orElseThrow();

        assertThat(List.of(fromOnly.from().runId(), fromOnly.to().runId())).containsExactly("r1", "r3");
        assertThat(List.of(toOnly.from().runId(), toOnly.to().runId())).containsExactly("r1", "r2");
    }

    @Test
    void rejectsRunsThatAreNotCommittedNamingTheSide() {
        assertThatThrownBy(() -> diff.selectRuns("r4", null))
                .isInstanceOfSatisfying(RunSelectionException.class, e -> {
                    assertThat(e.side()).isEqualTo(RunSelectionException.Side.FROM);
                    assertThat(e.runId()).isEqualTo("r4");
                })
                .hasMessage("run r4 is not a committed run of the data map at " + reader.layout().root());
        assertThatThrownBy(() -> diff.selectRuns("r1", "nope"))
                .isInstanceOfSatisfying(RunSelectionException.class,
                        e -> assertThat(e.side()).isEqualTo(RunSelectionException.Side.TO));
        assertThatThrownBy(() -> diff.selectRuns(null, "r1"))
                .isInstanceOfSatisfying(RunSelectionException.class, e -> {
                    assertThat(e.side()).isEqualTo(RunSelectionException.Side.FROM);
                    assertThat(e.runId()).isNull();
                })
                .hasMessageContaining("run r1 is the earliest committed run");
    }

    @Test
    void ordersRunsByStartTimeNotFinishTime() {
        Instant t = T0;
        RunRecord longRun = RunRecord.committed("long", t, t.plusSeconds(500), List.of("db"), 1, 1, 1, 0, "test");
        RunRecord shortRun = RunRecord.committed("short", t.plusSeconds(10), t.plusSeconds(20), List.of("db"), 1, 1, 1, 0, "test");

        FindingsDiff.Runs runs = FindingsDiff.select(List.of(longRun, shortRun), null, null, "dm").orElseThrow();

        assertThat(runs.from().runId()).isEqualTo("long");
        assertThat(runs.to().runId()).isEqualTo("short");
        assertThat(FindingsDiff.select(List.of(longRun), null, null, "dm")).isEmpty();
    }

    @Test
    void aDataMapWithOneRunHasNothingToCompare(@TempDir Path other) {
        new DataMapFixture(TestSpark.session(), other.toString())
                .run("only", "committed", T0, "db")
                .finding("only", "db", "a.b.c", "column", "PERSON", "user.name", 1, 0.9, null, null)
                .write();
        FindingsDiff single = new FindingsDiff(DataMapReader.open(TestSpark.session(), other.toString()));

        assertThat(single.selectRuns(null, null)).isEmpty();
    }

    @Test
    void aDataMapWithoutCommittedRunsSaysSo(@TempDir Path other) {
        new DataMapFixture(TestSpark.session(), other.toString()).run("half", "incomplete", T0, "db").write();
        FindingsDiff none = new FindingsDiff(DataMapReader.open(TestSpark.session(), other.toString()));

        assertThatThrownBy(() -> none.selectRuns(null, null)).isInstanceOf(DataMapNotFoundException.class);
    }

    @Test
    void writesJsonLinesWithTheKeysInOrderAndNullsOnTheAbsentSide() throws IOException {
        StringWriter out = new StringWriter();

        FindingsDiff.Summary summary = diff.write(diff.selectRuns("r1", "r2").orElseThrow(), FindingsDiff.Format.JSONL, out);

        assertThat(summary).isEqualTo(new FindingsDiff.Summary(1, 1, 2));
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).isEqualTo("{\"change\":\"new\",\"source\":\"files\",\"asset\":\"logs/z.log\","
                + "\"type\":\"CREDIT_CARD\",\"category\":\"" + CARD + "\",\"from_count\":null,\"to_count\":2,"
                + "\"from_confidence\":null,\"to_confidence\":0.99}");
        JsonNode changed = JSON.readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        changed.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("change", "source", "asset", "type", "category", "from_count", "to_count",
                "from_confidence", "to_confidence");
        assertThat(changed.get("from_count").asLong()).isEqualTo(5);
        assertThat(changed.get("to_count").asLong()).isEqualTo(7);
    }

    @Test
    void writesAnAlignedTable() throws IOException {
        StringWriter out = new StringWriter();

        diff.write(diff.selectRuns("r1", "r2").orElseThrow(), FindingsDiff.Format.TABLE, out);

        assertThat(out.toString().lines().toList()).containsExactly(
                "CHANGE   TYPE               FROM COUNT     TO COUNT FROM CONF   TO CONF  SOURCE: ASSET",
                "changed  PHONE_NUMBER                5            7       0.8       0.8  db: app.users.phone",
                "changed  IP_ADDRESS                  3            3      0.99      0.95  files: logs/x.log",
                "new      CREDIT_CARD                 -            2         -      0.99  files: logs/z.log",
                "removed  PERSON                      1            -       0.7         -  files: notes/y.txt");
    }

    @Test
    void formatsParseByTheirLowerCaseNames() {
        assertThat(FindingsDiff.Format.parse("jsonl")).contains(FindingsDiff.Format.JSONL);
        assertThat(FindingsDiff.Format.parse("table")).contains(FindingsDiff.Format.TABLE);
        assertThat(FindingsDiff.Format.parse("csv")).isEmpty();
    }

    private static List<FindingChange> changes(FindingsDiff.Runs runs) {
        List<FindingChange> all = new ArrayList<>();
        Iterator<FindingChange> it = diff.changes(runs);
        it.forEachRemaining(all::add);
        return all;
    }
}

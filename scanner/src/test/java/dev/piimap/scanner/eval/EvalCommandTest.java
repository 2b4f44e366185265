package dev.piimap.scanner.eval;

import dev.piimap.scanner.cli.EvalCommand;
import dev.piimap.scanner.cli.EvalCorpusCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {
    private static final String SECRET = "Jane Secretname";

    @TempDir
    Path tmp;

    private Path labelled() throws Exception {
        Path file = tmp.resolve("labelled.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"1\",\"text\":\"write to jo@example.com or call +44 20 7946 0958\",\"spans\":["
                        + "{\"type\":\"EMAIL_ADDRESS\",\"start\":9,\"end\":23},{\"type\":\"PHONE_NUMBER\",\"start\":32,\"end\":48}]}",
                "{\"id\":\"2\",\"text\":\"IBAN DE89 3704 0044 0532 0130 00 for Ann\",\"spans\":[{\"type\":\"IBAN\",\"start\":5,\"end\":32},"
                        + "{\"type\":\"PERSON\",\"start\":37,\"end\":40}]}",
                "{\"id\":\"3\",\"text\":\"build 2.4.10 finished\",\"spans\":[],\"negative\":true}", ""));
        return file;
    }

    @Test
    void printsATableOfCountsAndScores() throws Exception {
        CommandRunner.Result r = CommandRunner.run(new EvalCommand(), "--in", labelled().toString(), "--threads", "2");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("records: 3 (1 negative, 0 of those with findings)");
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l.split(" +"))
                .containsExactly("EMAIL_ADDRESS", "1", "1", "1", "0", "0", "1.000", "1.000", "1.000", "0"));
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l.split(" +"))
                .containsExactly("PERSON", "1", "0", "0", "0", "1", "-", "0.000", "0.000", "0"));
        assertThat(r.out()).contains("micro").contains("macro (4 types)");
    }

    @Test
    void jsonTypesAndStrictAreHonoured() throws Exception {
        CommandRunner.Result r = CommandRunner.run(new EvalCommand(), "--in", labelled().toString(), "--format", "json", "--strict",
                "--types", "IBAN,EMAIL_ADDRESS", "--min-score", "0.5");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("\"matching\" : \"exact\"").contains("\"type\" : \"IBAN\"").contains("\"type\" : \"EMAIL_ADDRESS\"")
                .doesNotContain("PERSON").doesNotContain("PHONE_NUMBER");
    }

    @Test
    void aMalformedLineExitsTwoNamingItsNumberWithoutItsText() throws Exception {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\":\"fine\"}\n{\"text\":\"" + SECRET + "\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":99}]}\n");
        CommandRunner.Result r = CommandRunner.run(new EvalCommand(), "--in", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("usage error: --in: line 2: spans[0].end 99 is past the end of the text")
                .contains("fix: ").doesNotContain("Secretname");
    }

    @Test
    void invalidJsonExitsTwoWithoutEchoingIt() throws Exception {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, "\n\n{\"text\": \"" + SECRET + "\"\n");
        CommandRunner.Result r = CommandRunner.run(new EvalCommand(), "--in", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("line 3: not valid JSON").doesNotContain("Secretname");
    }

    @Test
    void badUsageExitsTwoWithOneLineNamingTheFlag() throws Exception {
        String in = labelled().toString();
        assertUsage(CommandRunner.run(new EvalCommand(), "--in", tmp.resolve("missing.jsonl").toString()), "--in", "file not found");
        assertUsage(CommandRunner.run(new EvalCommand(), "--in", tmp.toString()), "--in", "is a folder");
        assertUsage(CommandRunner.run(new EvalCommand(), "--in", in, "--types", "SHOE_SIZE"), "--types", "unknown entity type");
        assertUsage(CommandRunner.run(new EvalCommand(), "--in", in, "--format", "xml"), "--format", "use --format table or --format json");
        assertUsage(CommandRunner.run(new EvalCommand(), "--in", in, "--min-score", "2"), "--min-score", "between 0 and 1");
        assertUsage(CommandRunner.run(new EvalCommand(), "--in", in, "--threads", "0"), "--threads", "at least 1");
        assertThat(CommandRunner.run(new EvalCommand()).status()).isEqualTo(2); // --in is required
    }

    @Test
    void evaluatesAGeneratedCorpusEndToEnd() throws Exception {
        Path corpus = tmp.resolve("eval.jsonl");
        CommandRunner.Result generated = CommandRunner.run(new EvalCorpusCommand(), "--out", corpus.toString(), "--records", "300", "--seed", "5");
        assertThat(generated.status()).isZero();
        assertThat(generated.err()).startsWith("eval-corpus: wrote 300 records (");
        CommandRunner.Result r = CommandRunner.run(new EvalCommand(), "--in", corpus.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("records: 300 (").contains("EMAIL_ADDRESS").contains("IBAN").contains("micro");
    }

    private static void assertUsage(CommandRunner.Result r, String flag, String problem) {
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains(flag).contains(problem).contains("fix: ");
    }
}

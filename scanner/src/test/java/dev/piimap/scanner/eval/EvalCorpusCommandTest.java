package dev.piimap.scanner.eval;

import dev.piimap.scanner.cli.EvalCorpusCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCorpusCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheRequestedRecordsDeterministically() throws Exception {
        Path a = tmp.resolve("a.jsonl");
        Path b = tmp.resolve("b.jsonl");
        assertThat(CommandRunner.run(new EvalCorpusCommand(), "--out", a.toString(), "--records", "150", "--seed", "9").status()).isZero();
        assertThat(CommandRunner.run(new EvalCorpusCommand(), "--out", b.toString(), "--records", "150", "--seed", "9").status()).isZero();
        assertThat(Files.readAllLines(a)).hasSize(150);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        assertThat(tmp.resolve("a.jsonl.tmp")).doesNotExist();
    }

    @Test
    void badUsageExitsTwoAndWritesNothing() {
        CommandRunner.Result zero = CommandRunner.run(new EvalCorpusCommand(), "--out", tmp.resolve("x.jsonl").toString(), "--records", "0");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("--records").contains("fix: ");
        CommandRunner.Result noFolder = CommandRunner.run(new EvalCorpusCommand(), "--out", tmp.resolve("no/such/x.jsonl").toString());
        assertThat(noFolder.status()).isEqualTo(2);
        assertThat(noFolder.err().strip()).doesNotContain("\n").contains("--out").contains("folder does not exist");
        assertThat(CommandRunner.run(new EvalCorpusCommand(), "--records", "5").status()).isEqualTo(2); // --out is required
        assertThat(tmp.resolve("x.jsonl")).doesNotExist();
    }
}

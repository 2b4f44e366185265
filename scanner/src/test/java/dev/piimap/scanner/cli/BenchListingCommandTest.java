package dev.piimap.scanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench-listing} on a small tree: it generates the files once, lists them both ways and finds all of them. */
class BenchListingCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsAGeneratedTreeWholeAndInShardsAndReusesIt() {
        CliRunner.Result first = CliRunner.run("bench-listing", "--objects", "1500", "--driver-limit", "1000",
                "--out", tmp.toString(), "--master", "local[2]");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err()).contains("writing 1500 files");
        // 1,500 files in two folders below one: the root's, a000's and each folder's own files, 4 shards.
        assertThat(first.out()).containsPattern("1,500 \\| +[0-9.]+ MB +[0-9.]+ s \\| +[0-9.]+ MB +4 +[0-9.]+ s \\| +[0-9.]+ s +1,500");

        CliRunner.Result again = CliRunner.run("bench-listing", "--objects", "1500", "--out", tmp.toString(), "--master", "local[2]");
        assertThat(again.status()).isZero();
        assertThat(again.err()).doesNotContain("writing");
        assertThat(again.out()).as("below the limit: listed whole, no shards").containsPattern("1,500 \\|.*\\| +[0-9.]+ MB +0 ");
    }
}

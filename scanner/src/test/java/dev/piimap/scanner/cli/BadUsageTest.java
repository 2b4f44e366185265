package dev.piimap.scanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad usage and bad config end with exit 2 and one line on standard error naming the key and the fix; nothing is written. */
class BadUsageTest {
    @TempDir
    Path tmp;

    @Test
    void unknownSourceTypeExitsTwoWithOneLine() throws Exception {
        Path cfg = tmp.resolve("scan.yaml");
        Files.writeString(cfg, "datamap: ./dm\nsources:\n  - {name: share, type: ftp, root: /srv}\n");
        CliRunner.Result r = CliRunner.run("run", "--config", cfg.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n")
                .contains("sources[0].type").contains("'ftp'").contains("fix: use one of: jdbc, files");
        assertThat(tmp.resolve("dm")).doesNotExist();
    }

    @Test
    void missingKeyExitsTwoNamingTheKey() throws Exception {
        Path cfg = tmp.resolve("scan.yaml");
        Files.writeString(cfg, "sources:\n  - {name: share, type: files, root: /srv}\n");
        CliRunner.Result r = CliRunner.run("run", "--config", cfg.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("datamap: missing required key").contains("fix: ");
    }

    @Test
    void missingConfigFileExitsTwo() {
        CliRunner.Result r = CliRunner.run("run", "--config", tmp.resolve("nope.yaml").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--config").contains("file not found");
    }

    @Test
    void unknownFlagExitsTwoWithOneLine() {
        CliRunner.Result r = CliRunner.run("run", "--confg", "x");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--confg").contains("bin/scan run --help");
    }

    @Test
    void unknownEntityTypeForDetectExitsTwo() {
        CliRunner.Result r = CliRunner.run("detect", "--types", "EMAIL_ADDRESS,SHOE_SIZE", "--in", tmp.resolve("none.jsonl").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--types").contains("SHOE_SIZE").contains("fix: ");
    }

    @Test
    void unknownExportFormatExitsTwoNamingTheFormats() {
        CliRunner.Result r = CliRunner.run("export", "--datamap", tmp.resolve("dm").toString(), "--what", "findings",
                "--format", "xlsx", "--out", tmp.resolve("out.xlsx").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--format").contains("'xlsx'")
                .contains("fix: use one of: jsonl, csv, arrow, fides");
        assertThat(tmp.resolve("out.xlsx")).doesNotExist();
    }

    @Test
    void arrowExportWithoutOutExitsTwoNamingOut() {
        CliRunner.Result r = CliRunner.run("export", "--datamap", tmp.resolve("dm").toString(), "--what", "assets",
                "--format", "arrow");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("--out").contains("fix: add --out FILE.arrow");
    }

    @Test
    void fidesExportOfAssetsExitsTwoNamingWhat() {
        CliRunner.Result r = CliRunner.run("export", "--datamap", tmp.resolve("dm").toString(), "--what", "assets",
                "--format", "fides", "--out", tmp.resolve("fides.yml").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--what").contains("'assets'")
                .contains("fix: use --what findings with --format fides");
        assertThat(tmp.resolve("fides.yml")).doesNotExist();
    }

    @Test
    void exportOfARunThatIsNeitherAnIdNorAllExitsTwoNamingRun() {
        CliRunner.Result r = CliRunner.run("export", "--datamap", tmp.resolve("dm").toString(), "--what", "findings",
                "--run", "last week");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--run").contains("'last week'").contains("fix:");
        CliRunner.Result fides = CliRunner.run("export", "--datamap", tmp.resolve("dm").toString(), "--what", "findings",
                "--run", "all", "--format", "fides");
        assertThat(fides.status()).isEqualTo(2);
        assertThat(fides.err()).contains("fides describes one run");
    }

    @Test
    void demoWithRunsOutOfRangeExitsTwoBeforeWritingAnything() {
        Path demo = tmp.resolve("demo-runs");
        CliRunner.Result r = CliRunner.run("demo", "--out", demo.toString(), "--runs", "9");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--runs").contains("'9'").contains("fix:");
        assertThat(demo).doesNotExist();
    }

    @Test
    void benchListingWithNoObjectsExitsTwoNamingTheFlag() {
        CliRunner.Result r = CliRunner.run("bench-listing", "--out", tmp.resolve("listing").toString(), "--objects", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--objects").contains("'0'").contains("fix:");
        assertThat(tmp.resolve("listing")).doesNotExist();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"demo", "run", "detect", "export", "report", "diff", "policy", "retention", "dsr", "eval", "eval-corpus", "bench", "bench-estate", "bench-listing"}) {
            CliRunner.Result r = CliRunner.run(command, "--help");
            assertThat(r.status()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage:");
        }
    }
}

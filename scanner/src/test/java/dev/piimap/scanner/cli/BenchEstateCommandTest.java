package dev.piimap.scanner.cli;

import dev.piimap.scanner.bench.EstateReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/scan bench-estate} end to end at a tiny size: a real embedded PostgreSQL, real files, a real scan in a child JVM. */
class BenchEstateCommandTest {
    @TempDir
    Path dir;

    @Test
    void measuresATinyEstateEndToEndAndPrintsPositiveFigures() throws IOException {
        Path out = dir.resolve("bench");
        CliRunner.Result r = CliRunner.run("bench-estate", "--sizes", "4MB", "--executors", "1", "--detect-mb", "1", "--seed", "7",
                "--out", out.toString(), "--incremental");

        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("bench-estate: ").contains("sizes 4MB").contains("masters local[1]");
        assertThat(lines.get(1)).startsWith("detect reference").contains("MB/s per core");

        List<String> estate = rowAfterHeader(lines, EstateReport.ESTATE_COLUMNS);
        assertThat(estate).hasSize(EstateReport.ESTATE_COLUMNS.size()).first().isEqualTo("4MB");
        // Reading 2 MB of files from the page cache can take less than the millisecond the table shows.
        int filesRead = EstateReport.ESTATE_COLUMNS.indexOf("files read s");
        assertThat(estate.subList(1, filesRead)).allSatisfy(v -> assertThat(number(v)).as(v).isPositive());
        assertThat(number(estate.get(filesRead))).isNotNegative();

        List<String> run = rowAfterHeader(lines, EstateReport.RUN_COLUMNS);
        assertThat(run).hasSize(EstateReport.RUN_COLUMNS.size()).startsWith("4MB", "local[1]");
        assertThat(run.subList(2, run.size())).allSatisfy(v -> assertThat(number(v)).as(v).isPositive());
        assertThat(number(run.get(EstateReport.RUN_COLUMNS.indexOf("speed-up")))).isEqualTo(1.0);

        // The nightly run over the unchanged estate carries every table and file forward: 2 tables of 2 MB, and files.
        assertThat(r.out()).contains("incremental runs (the same estate again, nothing changed")
                .containsPattern("\\n4MB +local\\[1\\] +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9,]+ +[0-9.]+%\\n");
        List<String> incremental = r.out().lines().filter(l -> l.startsWith("4MB ") && l.endsWith("%")).toList();
        assertThat(incremental).hasSize(1);
        String[] cells = incremental.get(0).trim().split(" +");
        assertThat(number(cells[5])).as("items carried").isEqualTo(number(estate.get(EstateReport.ESTATE_COLUMNS.indexOf("tables")))
                + number(estate.get(EstateReport.ESTATE_COLUMNS.indexOf("files"))));
        assertThat(number(cells[3])).as("incremental wall below the full run's").isLessThan(number(cells[2]));

        assertThat(r.out()).contains("linearity (wall s per GB").contains("local[1]: 4MB ")
                .contains("targets (issue 6):").contains("end-to-end <= 3x merely reading").doesNotContain("warning:");
        assertThat(r.err()).contains("bench-estate: 4MB: generating the estate").contains("bench-estate: 4MB local[1]: estate-db (jdbc)");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("the size's folder is deleted without --keep").extracting(p -> p.getFileName().toString())
                    .containsExactly(BenchEstateCommand.MARKER);
        }
    }

    @Test
    void rejectsASizeTooSmallForFilesInOneLine() {
        CliRunner.Result r = CliRunner.run("bench-estate", "--sizes", "1MB", "--out", dir.resolve("never").toString());

        assertThat(r.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--sizes").contains("1MB").contains("fix: ");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void rejectsAnExecutorCountOfZero() {
        CliRunner.Result r = CliRunner.run("bench-estate", "--sizes", "4MB", "--executors", "1,0");

        assertThat(r.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--executors").contains("fix: ");
    }

    @Test
    void refusesAFolderItDidNotMake() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");

        CliRunner.Result r = CliRunner.run("bench-estate", "--sizes", "4MB", "--out", foreign.toString());

        assertThat(r.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains("--out").contains("not made by bench-estate");
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }

    /** The values of the first row after the line holding {@code columns} in order, split on blanks. */
    private static List<String> rowAfterHeader(List<String> lines, List<String> columns) {
        for (int i = 0; i < lines.size() - 1; i++) {
            if (inOrder(lines.get(i), columns)) {
                return List.of(lines.get(i + 1).trim().split("\\s+"));
            }
        }
        throw new AssertionError("no header with " + columns + " in:\n" + String.join("\n", lines));
    }

    private static boolean inOrder(String line, List<String> columns) {
        int from = 0;
        for (String c : columns) {
            int at = line.indexOf(c, from);
            if (at < 0) {
                return false;
            }
            from = at + c.length();
        }
        return true;
    }

    private static double number(String value) {
        return Double.parseDouble(value.replace(",", "").replace("x", ""));
    }
}

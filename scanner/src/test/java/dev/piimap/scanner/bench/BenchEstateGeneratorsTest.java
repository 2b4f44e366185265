package dev.piimap.scanner.bench;

import dev.piimap.scanner.eval.BenchCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The estate's sizes and its file generator (the database half runs in {@code BenchEstateCommandTest}). */
class BenchEstateGeneratorsTest {
    @TempDir
    Path dir;

    @Test
    void parsesBinarySizesAndRejectsTheRest() {
        assertThat(EstateSize.parseList("100MB, 1gb,4MB")).containsExactly(new EstateSize("100MB", 100L << 20),
                new EstateSize("1GB", 1L << 30), new EstateSize("4MB", 4L << 20));
        assertThat(EstateSize.parse("2048KB").bytes()).isEqualTo(2L << 20);
        assertThat(EstateSize.parse("5GB").databaseBytes() + EstateSize.parse("5GB").fileBytes()).isEqualTo(5L << 30);

        for (String bad : List.of("1MB", "100", "1.5GB", "2PB", "-4MB", "MB")) {
            assertThatThrownBy(() -> EstateSize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> EstateSize.parseList("1GB,1024MB")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> EstateSize.parseList(" , ")).hasMessageContaining("no size");
    }

    @Test
    void writesAboutOneMegabytePerFileOfEachKindTheSameWayEveryTime() throws IOException {
        EstateFiles.Written first = EstateFiles.write(dir.resolve("a"), 6L << 20, 5);
        EstateFiles.Written again = EstateFiles.write(dir.resolve("b"), 6L << 20, 5);

        assertThat(first).isEqualTo(again);
        assertThat(first.bytes()).isBetween(6L << 20, (6L << 20) + 40_000);
        assertThat(first.files()).isBetween(4L, 12L);
        List<Path> files = regularFiles(dir.resolve("a"));
        assertThat(files).hasSize((int) first.files());
        assertThat(files.stream().mapToLong(p -> p.toFile().length()).sum()).isEqualTo(first.bytes());
        assertThat(files).extracting(p -> dir.resolve("a").relativize(p).toString().replace('\\', '/'))
                .contains("logs/000/app-000000.log", "events/000/events-000000.log", "exports/000/orders-000000.csv",
                        "notes/000/notes-000000.txt");
        assertThat(Files.readString(dir.resolve("a/exports/000/orders-000000.csv"))).startsWith("sku,product,price,quantity,ordered,customer_email\n");
        assertThat(Files.readString(dir.resolve("a/events/000/events-000000.log")).lines().limit(50)).allMatch(l -> l.startsWith("{\"id\":"));
        for (Path p : files) {
            assertThat(Files.readString(p)).as(p.toString()).isEqualTo(Files.readString(dir.resolve("b").resolve(dir.resolve("a").relativize(p))));
        }
    }

    @Test
    void mixedDocumentStreamRepeatsTheBenchmarkCorpus() {
        BenchCorpus corpus = BenchCorpus.generate(3, 300_000);
        Supplier<String> stream = BenchCorpus.documents(3, BenchCorpus.Shape.MIXED);

        List<String> streamed = new ArrayList<>();
        for (int i = 0; i < corpus.documents().size(); i++) {
            streamed.add(stream.get());
        }
        assertThat(streamed).isEqualTo(corpus.documents());
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}

package dev.piimap.scanner.eval;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.scanner.cli.BenchCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    @Test
    void reportsThroughputForAllAndStructuredTypesOnOneAndNThreads() {
        CommandRunner.Result r = CommandRunner.run(new BenchCommand(), "--mb", "1", "--threads", "2", "--seed", "3", "--passes", "1",
                "--cells", "2000");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("JVM ").contains("cores available").contains("input 1.0 MB");
        assertThat(r.out()).contains("MB/s total").contains("chars/s total").contains("Presidio");
        assertThat(r.out().lines().filter(l -> l.startsWith("all types (")).count()).isEqualTo(2);
        assertThat(r.out().lines().filter(l -> l.startsWith("structured types (")).count()).isEqualTo(2);
        assertThat(r.err()).contains("bench: warming up all types");
        assertThat(r.out().lines().filter(l -> l.startsWith("cell values (")).count()).isEqualTo(1);
        assertThat(r.out()).contains("cells/s per core");
    }

    @Test
    void cellValuesAreShortAndDeterministic() {
        BenchCells cells = BenchCells.generate(1, 5_000);
        assertThat(cells.values()).hasSize(5_000).isEqualTo(BenchCells.generate(1, 5_000).values());
        assertThat((double) cells.chars() / cells.values().size()).isBetween(5.0, 80.0);
        long withFindings = cells.values().stream().filter(v -> !Classifier.defaults().detect(v).isEmpty()).count();
        assertThat(withFindings).as("values holding personal data").isBetween(1_000L, 4_000L);
    }

    @Test
    void structuredClassifierRunsNoModelDetectors() {
        Classifier structured = Benchmark.structuredOnly(Classifier.defaults());
        assertThat(structured.detectors()).extracting(Detector::type).doesNotContainAnyElementsOf(Benchmark.MODEL_TYPES);
        assertThat(structured.detectors().size()).isEqualTo((int) Classifier.defaults().detectors().stream()
                .filter(d -> !Benchmark.MODEL_TYPES.contains(d.type())).count());
    }

    @Test
    void corpusHasTheRequestedSizeAndAFewPercentEntityTokens() {
        BenchCorpus corpus = BenchCorpus.generate(1, 2L << 20);
        assertThat(corpus.utf8Bytes()).isBetween(2L << 20, (2L << 20) + 40_000);
        assertThat(corpus.entityTokenShare()).isBetween(0.01, 0.03);
        assertThat(BenchCorpus.generate(1, 200_000).documents()).isEqualTo(BenchCorpus.generate(1, 200_000).documents());
    }

    @Test
    void badSizeExitsTwo() {
        CommandRunner.Result r = CommandRunner.run(new BenchCommand(), "--mb", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--mb").contains("fix: ");
    }
}

package dev.piimap.scanner.extract;

import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.testdata.HostileFiles;
import dev.piimap.scanner.testdata.SampleDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every limit of {@link ExtractionLimits} cuts what it must, names itself, and leaves the item accounted for. */
class BombsAndLimitsTest {
    private static final ExtractionLimits DEFAULTS = ExtractionLimits.defaults();

    @TempDir
    Path dir;

    @Test
    void nestedZipsStopAtTheEmbeddedDepthLimit() throws Exception {
        Path zip = nestedZips(8);

        RecordingSink sink = RecordingSink.extract(zip, DEFAULTS.withMaxEmbeddedDepth(3));

        String beyond = "l8.zip!/l7.zip!/l6.zip!/l5.zip!/l4.zip";
        assertThat(sink.outcomes).containsOnlyKeys("l8.zip", "l8.zip!/l7.zip", "l8.zip!/l7.zip!/l6.zip",
                "l8.zip!/l7.zip!/l6.zip!/l5.zip", beyond);
        assertThat(sink.outcomes.get(beyond)).isEqualTo(DocumentOutcome.skipped("embedded depth limit 3"));
        assertThat(sink.outcomes.get("l8.zip")).isEqualTo(DocumentOutcome.truncated("embedded depth limit 3"));
        assertThat(sink.texts.values()).noneMatch(t -> t.toString().contains("deep@example.com"));
    }

    @Test
    void documentsWithinTheDepthLimitAreRead() throws Exception {
        Path zip = nestedZips(3);

        RecordingSink sink = RecordingSink.extract(zip, DEFAULTS.withMaxEmbeddedDepth(3));

        assertThat(sink.outcomes.values()).allMatch(o -> o.status() == ItemStatus.OK);
        assertThat(sink.text("l3.zip!/l2.zip!/l1.zip!/l0.txt")).contains("deep@example.com");
    }

    @Test
    void embeddedCountLimitStopsReportingEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            entries.put("entry" + i + ".txt", ("text " + i).getBytes(StandardCharsets.UTF_8));
        }
        Path zip = dir.resolve("many.zip");
        SampleDocuments.zip(zip, entries);

        RecordingSink sink = RecordingSink.extract(zip, DEFAULTS.withMaxEmbeddedCount(2));

        assertThat(sink.outcomes).containsOnlyKeys("many.zip", "many.zip!/entry1.txt", "many.zip!/entry2.txt");
        assertThat(sink.outcomes.get("many.zip")).isEqualTo(DocumentOutcome.truncated("embedded count limit 2"));
    }

    @Test
    void characterLimitTruncatesTheDocumentAndBoundsItsText() throws Exception {
        Path txt = dir.resolve("long.txt");
        Files.writeString(txt, "lorem ipsum ".repeat(1_000) + "late@example.com");

        RecordingSink sink = RecordingSink.extract(txt, DEFAULTS.withMaxCharsPerItem(1_000));

        assertThat(sink.outcomes.get("long.txt")).isEqualTo(DocumentOutcome.truncated("character limit 1000"));
        assertThat(sink.text("long.txt")).hasSizeLessThanOrEqualTo(1_000).doesNotContain("late@example.com");
    }

    @Test
    void itemLargerThanTheByteLimitIsSkippedUnread() throws Exception {
        Path txt = dir.resolve("big.txt");
        Files.writeString(txt, "x".repeat(4096));

        RecordingSink sink = RecordingSink.extract(txt, DEFAULTS.withMaxBytesPerItem(1024));

        assertThat(sink.outcomes.get("big.txt")).isEqualTo(DocumentOutcome.skipped("size limit 1 KiB"));
        assertThat(sink.text("big.txt")).isEmpty();
    }

    @Test
    void streamOfUnknownSizeIsCutAtTheByteLimit() throws Exception {
        Path txt = dir.resolve("big.txt");
        Files.writeString(txt, "word ".repeat(100_000));

        RecordingSink sink = RecordingSink.extractStream(txt, DEFAULTS.withMaxBytesPerItem(64 * 1024));

        DocumentOutcome outcome = sink.outcomes.get("big.txt");
        assertThat(outcome.status()).isIn(ItemStatus.TRUNCATED, ItemStatus.SKIPPED);
        assertThat(outcome.reason()).isEqualTo("size limit 64 KiB");
        assertThat(sink.text("big.txt").length()).isLessThan(100_000);
    }

    @Test
    @Timeout(60)
    void zerosReadOutOfAZipStopAtTheZipBombLimit() throws Exception {
        Path zip = zeroZip("zeros.txt", 200L << 20);
        long heapBefore = usedHeap();

        RecordingSink sink = RecordingSink.extractStream(zip, DEFAULTS.withMaxZipRatio(20));

        String limit = "zip-bomb ratio limit 20 (decompressed bytes over 20x the item size)";
        assertThat(sink.outcomes.get("zeros.txt.zip")).isEqualTo(DocumentOutcome.truncated(limit));
        assertThat(sink.outcomes.get("zeros.txt.zip!/zeros.txt").reason()).isEqualTo(limit);
        assertThat(usedHeap() - heapBefore).isLessThan(256L << 20);
    }

    @Test
    @Timeout(60)
    void zipEntryDeclaringMoreThanTheZipBombBudgetIsSkippedUnread() throws Exception {
        Path zip = zeroZip("zeros.bin", 200L << 20);

        RecordingSink sink = RecordingSink.extract(zip, DEFAULTS);

        String limit = "zip-bomb ratio limit 100 (decompressed bytes over 100x the item size)";
        assertThat(sink.outcomes.get("zeros.bin.zip!/zeros.bin")).isEqualTo(DocumentOutcome.skipped(limit));
        assertThat(sink.outcomes.get("zeros.bin.zip")).isEqualTo(DocumentOutcome.truncated(limit));
    }

    @Test
    @Timeout(60)
    void fortyTwoZipStyleArchiveStopsAtALimitWithoutUnpackingIt() throws Exception {
        // 16 copies per layer, 4 layers, 16 MiB of zeros at the bottom: 1 TiB unpacked, 50 KB packed.
        Path zip = dir.resolve("42.zip");
        HostileFiles.fortyTwoZip(zip, 4, 16 << 20);

        RecordingSink sink = RecordingSink.extract(zip, DEFAULTS);

        DocumentOutcome outcome = sink.outcomes.get("42.zip");
        assertThat(outcome.status()).isEqualTo(ItemStatus.TRUNCATED);
        assertThat(outcome.reason()).isEqualTo("zip-bomb ratio limit 100 (decompressed bytes over 100x the item size)");
        assertThat(sink.outcomes.size()).isLessThan(100);
    }

    @Test
    void billionLaughsIsCutAtTheEntityExpansionLimit() throws Exception {
        Path file = dir.resolve("lolz.xml");
        HostileFiles.billionLaughs(file);

        RecordingSink sink = RecordingSink.extract(file, DEFAULTS);

        DocumentOutcome outcome = sink.outcomes.get("lolz.xml");
        assertThat(outcome.status()).isIn(ItemStatus.TRUNCATED, ItemStatus.SKIPPED);
        assertThat(outcome.reason()).isEqualTo("XML entity expansion limit");
        assertThat(sink.text("lolz.xml").length()).isLessThan(10_000);
    }

    @Test
    void deeplyNestedMarkupIsCutAtTheXmlDepthLimit() throws Exception {
        Path html = dir.resolve("deep.html");
        Files.writeString(html, "<html><body>" + "<ul><li>".repeat(300) + "inner@example.com" + "</li></ul>".repeat(300)
                + "</body></html>");

        RecordingSink sink = RecordingSink.extract(html, DEFAULTS.withMaxXmlDepth(50));

        DocumentOutcome outcome = sink.outcomes.get("deep.html");
        assertThat(outcome.status()).isIn(ItemStatus.TRUNCATED, ItemStatus.SKIPPED);
        assertThat(outcome.reason()).isEqualTo("XML depth limit 50");
    }

    private Path nestedZips(int levels) throws Exception {
        Path previous = dir.resolve("l0.txt");
        Files.writeString(previous, "deep@example.com");
        for (int i = 1; i <= levels; i++) {
            Path zip = dir.resolve("l" + i + ".zip");
            SampleDocuments.zip(zip, Map.of(previous.getFileName().toString(), Files.readAllBytes(previous)));
            previous = zip;
        }
        return previous;
    }

    private Path zeroZip(String entryName, long bytes) throws Exception {
        Path zip = dir.resolve(entryName + ".zip");
        HostileFiles.zerosZip(zip, entryName, bytes);
        return zip;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}

package dev.piimap.scanner.source.objectstore;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.files.FilesConnector;
import dev.piimap.scanner.testdata.SampleDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.piimap.scanner.source.objectstore.ObjectStoreFilesTest.bytes;
import static dev.piimap.scanner.source.objectstore.ObjectStoreFilesTest.bzip2;
import static dev.piimap.scanner.source.objectstore.ObjectStoreFilesTest.gzip;
import static dev.piimap.scanner.source.objectstore.ObjectStoreFilesTest.zstd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Local files go through the same decompression as objects: a compressed file is scanned as itself,
 * what is inside a compressed archive is {@code file.tar.gz!/entry}, and the zip-bomb ratio holds.
 */
class LocalCompressedFilesTest {
    private static final ScanContext CONTEXT = new ScanContext("run-local", ExtractionLimits.defaults(), true);

    @TempDir
    Path root;

    @Test
    void compressedLocalFilesAreScannedAsThemselves() throws Exception {
        byte[] text = bytes("Reach peggy@example.com, card 4111 1111 1111 1111\n");
        Files.write(root.resolve("a.txt.gz"), gzip(text));
        Files.write(root.resolve("b.txt.bz2"), bzip2(text));
        Files.write(root.resolve("c.txt.zst"), zstd(text));
        Path pdf = root.resolve("d.tmp");
        SampleDocuments.pdf(pdf, List.of("PDF for trent@example.com"));
        Files.write(root.resolve("d.pdf.gz"), gzip(Files.readAllBytes(pdf)));
        Files.delete(pdf);
        Files.write(root.resolve("e.zip.gz"), gzip(zip(Map.of("inner.txt", bytes("victor@example.com")))));

        FilesConnector connector = connector();
        List<ItemResult> results = connector.listItems().stream().map(i -> connector.scan(i, CONTEXT)).toList();

        assertThat(results.stream().flatMap(r -> r.findings().stream()))
                .extracting(AssetFinding::asset, AssetFinding::type).containsExactlyInAnyOrder(
                        tuple("a.txt.gz", EntityType.EMAIL_ADDRESS), tuple("a.txt.gz", EntityType.CREDIT_CARD),
                        tuple("b.txt.bz2", EntityType.EMAIL_ADDRESS), tuple("b.txt.bz2", EntityType.CREDIT_CARD),
                        tuple("c.txt.zst", EntityType.EMAIL_ADDRESS), tuple("c.txt.zst", EntityType.CREDIT_CARD),
                        tuple("d.pdf.gz", EntityType.EMAIL_ADDRESS),
                        tuple("e.zip.gz!/inner.txt", EntityType.EMAIL_ADDRESS));
        assertThat(results.stream().flatMap(r -> r.assets().stream()))
                .extracting(AssetOutcome::asset, AssetOutcome::assetKind, AssetOutcome::status).containsExactly(
                        tuple("a.txt.gz", "file", ItemStatus.OK), tuple("b.txt.bz2", "file", ItemStatus.OK),
                        tuple("c.txt.zst", "file", ItemStatus.OK), tuple("d.pdf.gz", "file", ItemStatus.OK),
                        tuple("e.zip.gz", "file", ItemStatus.OK), tuple("e.zip.gz!/inner.txt", "embedded", ItemStatus.OK));
        assertThat(results.get(0).assets().get(0).bytes()).isEqualTo(Files.size(root.resolve("a.txt.gz")));
    }

    @Test
    void gzippedZerosOverTheRatioAreCutNamingTheLimit() throws Exception {
        byte[] zeros = new byte[64 << 20]; // 64 MiB of zeros: about 64 KiB compressed
        Files.write(root.resolve("zeros.txt.gz"), gzip(zeros));
        ScanContext ratio10 = new ScanContext("run-local", ExtractionLimits.defaults().withMaxZipRatio(10), true);
        FilesConnector connector = connector();

        ItemResult result = connector.scan(connector.listItems().get(0), ratio10);

        assertThat(result.assets()).singleElement().satisfies(o -> {
            assertThat(o.asset()).isEqualTo("zeros.txt.gz");
            assertThat(o.status()).isIn(ItemStatus.SKIPPED, ItemStatus.TRUNCATED);
            assertThat(o.detail()).isEqualTo("zip-bomb ratio limit 10 (decompressed bytes over 10x the item size)");
        });
    }

    @Test
    void emptyAndCorruptCompressedFilesGetTheirOutcome() throws Exception {
        Files.write(root.resolve("empty.gz"), new byte[0]);
        Files.write(root.resolve("empty-inside.txt.gz"), gzip(new byte[0]));
        Files.write(root.resolve("garbage.bz2"), bytes("definitely not bzip2"));
        FilesConnector connector = connector();

        List<AssetOutcome> outcomes = connector.listItems().stream().map(i -> connector.scan(i, CONTEXT))
                .flatMap(r -> r.assets().stream()).toList();

        assertThat(outcomes).extracting(AssetOutcome::asset, AssetOutcome::status, AssetOutcome::detail).containsExactly(
                tuple("empty-inside.txt.gz", ItemStatus.SKIPPED, "empty file"),
                tuple("empty.gz", ItemStatus.SKIPPED, "empty file"),
                tuple("garbage.bz2", ItemStatus.ERROR, "corrupt or unparseable BZIP2 (IOException)"));
    }

    private FilesConnector connector() {
        return new FilesConnector(new FilesSourceConfig("local-share", root.toString(), List.of(), null));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return buffer.toByteArray();
    }
}

package dev.piimap.scanner.source.files;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.testdata.SampleDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

class FilesConnectorTest {
    private static final ScanContext CONTEXT = new ScanContext("run-1", ExtractionLimits.defaults(), true);

    @TempDir
    Path root;

    @Test
    void revisionIsSizeAndModificationTimeUnlessModifiedJustBeforeListing() throws Exception {
        Path old = Files.writeString(root.resolve("old.txt"), "twelve bytes");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_123L));
        Files.writeString(root.resolve("fresh.txt"), "just written");

        Map<String, String> revisions = new LinkedHashMap<>();
        for (ScanItem item : connector(root.toString()).listItems()) {
            revisions.put(item.locator(), item.revision());
        }

        assertThat(revisions).containsEntry("old.txt", "12:1700000000123").containsEntry("fresh.txt", null);
        assertThat(FilesConnector.revision(12, 10_000, 10_000 + FilesConnector.RACY_WINDOW_MILLIS)).isEqualTo("12:10000");
        assertThat(FilesConnector.revision(12, 10_000, 10_000 + FilesConnector.RACY_WINDOW_MILLIS - 1)).isNull();
    }

    @Test
    void findsEmailAddressesInEveryAssetOfAMixedFolder() throws Exception {
        writeMixedFolder();
        FilesConnector connector = connector(root.toString());

        List<AssetOutcome> outcomes = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        for (ScanItem item : connector.listItems()) {
            ItemResult result = connector.scan(item, CONTEXT);
            outcomes.addAll(result.assets());
            findings.addAll(result.findings());
        }

        assertThat(findings).extracting(AssetFinding::asset, AssetFinding::type).containsExactlyInAnyOrder(
                tuple("notes.txt", EntityType.EMAIL_ADDRESS),
                tuple("docs/letter.pdf", EntityType.EMAIL_ADDRESS),
                tuple("docs/memo.docx", EntityType.EMAIL_ADDRESS),
                tuple("mail/invoice.eml", EntityType.PERSON),
                tuple("mail/invoice.eml", EntityType.EMAIL_ADDRESS),
                tuple("mail/invoice.eml!/invoice.pdf", EntityType.EMAIL_ADDRESS),
                tuple("archive/bundle.zip!/readme.txt", EntityType.EMAIL_ADDRESS),
                tuple("archive/bundle.zip!/memo.docx", EntityType.EMAIL_ADDRESS));
        assertThat(outcomes).extracting(AssetOutcome::asset, AssetOutcome::assetKind, AssetOutcome::status)
                .containsExactlyInAnyOrder(
                        tuple("archive/bundle.zip", "file", ItemStatus.OK),
                        tuple("archive/bundle.zip!/memo.docx", "embedded", ItemStatus.OK),
                        tuple("archive/bundle.zip!/readme.txt", "embedded", ItemStatus.OK),
                        tuple("clean.txt", "file", ItemStatus.OK),
                        tuple("docs/letter.pdf", "file", ItemStatus.OK),
                        tuple("docs/memo.docx", "file", ItemStatus.OK),
                        tuple("mail/invoice.eml", "file", ItemStatus.OK),
                        tuple("mail/invoice.eml!/invoice.pdf", "embedded", ItemStatus.OK),
                        tuple("notes.txt", "file", ItemStatus.OK));
        AssetFinding notes = findings.stream().filter(f -> f.asset().equals("notes.txt")).findFirst().orElseThrow();
        assertThat(notes.count()).isEqualTo(2);
        assertThat(notes.source()).isEqualTo("shared-drive");
        assertThat(notes.assetKind()).isEqualTo("file");
        assertThat(notes.confidence()).isBetween(0.0, 1.0);
        assertThat(notes.sample()).doesNotContain("alice@example.com", "bob@example.org");
        assertThat(findings).allSatisfy(f -> assertThat(f.explanation()).isNotBlank());
    }

    @Test
    void fileOutcomeCarriesSizeAndModificationTime() throws Exception {
        Path notes = Files.writeString(root.resolve("notes.txt"), "hello");
        ScanItem item = connector(root.toString()).listItems().get(0);

        ItemResult result = connector(root.toString()).scan(item, CONTEXT);

        AssetOutcome outcome = result.assets().get(0);
        assertThat(outcome.bytes()).isEqualTo(5L);
        assertThat(outcome.modifiedMillis()).isEqualTo(Files.getLastModifiedTime(notes).toMillis());
        assertThat(outcome.source()).isEqualTo("shared-drive");
    }

    @Test
    void listsRegularFilesSortedByRelativePathWithSizeAndTime() throws Exception {
        Files.createDirectories(root.resolve("b/c"));
        Files.writeString(root.resolve("b/c/z.txt"), "12345");
        Files.writeString(root.resolve("a.txt"), "1");
        Files.writeString(root.resolve("b/y.txt"), "12");

        List<ScanItem> items = connector(root.toString()).listItems();

        assertThat(items).extracting(ScanItem::locator).containsExactly("a.txt", "b/c/z.txt", "b/y.txt");
        assertThat(items).extracting(ScanItem::source).containsOnly("shared-drive");
        assertThat(items.get(1).bytes()).isEqualTo(5);
        assertThat(items.get(1).modifiedMillis()).isEqualTo(Files.getLastModifiedTime(root.resolve("b/c/z.txt")).toMillis());
    }

    @Test
    void includeGlobsMatchPathsRelativeToTheRoot() throws Exception {
        Files.createDirectories(root.resolve("reports/2024"));
        Files.createDirectories(root.resolve("tmp"));
        for (String name : List.of("top.pdf", "reports/q1.pdf", "reports/2024/q2.pdf", "reports/notes.txt", "tmp/x.pdf")) {
            Files.writeString(root.resolve(name), "x");
        }

        assertThat(locators(List.of("**/*.pdf")))
                .containsExactly("reports/2024/q2.pdf", "reports/q1.pdf", "tmp/x.pdf", "top.pdf");
        assertThat(locators(List.of("reports/*.pdf"))).containsExactly("reports/q1.pdf");
        assertThat(locators(List.of("reports/**"))).containsExactly("reports/2024/q2.pdf", "reports/notes.txt", "reports/q1.pdf");
        assertThat(locators(List.of("*.pdf", "tmp/**"))).containsExactly("tmp/x.pdf", "top.pdf");
        assertThat(locators(List.of())).hasSize(5);
    }

    @Test
    void invalidIncludeGlobIsASourceErrorNamingIt() {
        FilesConnector connector = new FilesConnector(new FilesSourceConfig("shared-drive", root.toString(),
                List.of("reports/[unclosed"), null));

        assertThatThrownBy(connector::listItems).isInstanceOf(SourceException.class)
                .hasMessageContaining("reports/[unclosed");
    }

    @Test
    void acceptsAFileUriAsRoot() throws Exception {
        Files.writeString(root.resolve("a.txt"), "a");

        List<ScanItem> items = connector(root.toUri().toString()).listItems();

        assertThat(items).extracting(ScanItem::locator).containsExactly("a.txt");
        assertThat(connector(root.toUri().toString()).scan(items.get(0), CONTEXT).assets().get(0).status())
                .isEqualTo(ItemStatus.OK);
    }

    @Test
    void missingRootIsASourceError() {
        Path missing = root.resolve("does-not-exist");

        assertThatThrownBy(() -> connector(missing.toString()).listItems())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("shared-drive").hasMessageContaining("does not exist");
    }

    @Test
    void rootThatIsAFileIsASourceError() throws Exception {
        Path file = Files.writeString(root.resolve("file.txt"), "x");

        assertThatThrownBy(() -> connector(file.toString()).listItems())
                .isInstanceOf(SourceException.class).hasMessageContaining("is not a directory");
    }

    @Test
    void objectStorageRootWithoutABucketIsASourceErrorNamingTheRoot() {
        // s3a roots are served by the object store (tests in source/objectstore); a malformed one fails before any request.
        assertThatThrownBy(() -> connector("s3a:///prefix/").listItems())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("shared-drive").hasMessageContaining("s3a:///prefix/")
                .hasMessageContaining("names no valid bucket");
    }

    @Test
    void otherUriSchemesAreASourceErrorNamingTheRoot() {
        assertThatThrownBy(() -> connector("hdfs://namenode/data").listItems())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("hdfs://namenode/data").hasMessageContaining("file: URI");
    }

    @Test
    void followsSymlinksInsideTheRootAndSkipsThoseLeavingIt(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/inside.txt"), "inside");
        Files.createSymbolicLink(root.resolve("link-to-outside-file.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("link-to-outside-dir"), outside);
        Files.createSymbolicLink(root.resolve("link-to-inside-dir"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("real/loop"), root);

        List<String> locators = locators(List.of("**"));

        assertThat(locators).containsExactly("link-to-inside-dir/inside.txt", "real/inside.txt");
    }

    @Test
    void scanRefusesLocatorsOutsideTheRoot(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "secret@example.com");
        Files.createSymbolicLink(root.resolve("sneaky.txt"), outside.resolve("secret.txt"));
        FilesConnector connector = connector(root.toString());

        ItemResult climbing = connector.scan(new ScanItem("shared-drive", "../" + outside.getFileName() + "/secret.txt", 1, 1), CONTEXT);
        ItemResult linked = connector.scan(new ScanItem("shared-drive", "sneaky.txt", 1, 1), CONTEXT);

        assertThat(climbing.assets()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(o.detail()).isEqualTo("path outside the root");
        });
        assertThat(linked.assets().get(0).detail()).isEqualTo("path outside the root (symbolic link)");
        assertThat(climbing.findings()).isEmpty();
        assertThat(linked.findings()).isEmpty();
    }

    @Test
    void corruptEmptyAndVanishedFilesEachGetAnOutcome() throws Exception {
        SampleDocuments.corruptPdf(root.resolve("broken.pdf"));
        SampleDocuments.emptyFile(root.resolve("empty.txt"));
        Files.writeString(root.resolve("gone.txt"), "soon gone");
        FilesConnector connector = connector(root.toString());
        List<ScanItem> items = connector.listItems();
        Files.delete(root.resolve("gone.txt"));

        List<AssetOutcome> outcomes = items.stream().map(i -> connector.scan(i, CONTEXT))
                .flatMap(r -> r.assets().stream()).toList();

        assertThat(outcomes).extracting(AssetOutcome::asset, AssetOutcome::status, AssetOutcome::detail).containsExactly(
                tuple("broken.pdf", ItemStatus.ERROR, "corrupt or unparseable PDF (TikaException)"),
                tuple("empty.txt", ItemStatus.SKIPPED, "empty file"),
                tuple("gone.txt", ItemStatus.ERROR, "file not found (removed after listing)"));
    }

    @Test
    void unreadableFileIsAnErrorPermissionDenied() throws Exception {
        Path locked = Files.writeString(root.resolve("locked.txt"), "private@example.com");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).as("running as a user that permissions do not stop (root)").isFalse();
        FilesConnector connector = connector(root.toString());

        ItemResult result = connector.scan(connector.listItems().get(0), CONTEXT);

        assertThat(result.assets()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(o.detail()).isEqualTo("permission denied");
        });
    }

    @Test
    void samplesAreLeftOutWhenNotKept() throws Exception {
        Files.writeString(root.resolve("notes.txt"), "alice@example.com");
        FilesConnector connector = connector(root.toString());
        ScanContext noSamples = new ScanContext("run-1", ExtractionLimits.defaults(), false);

        ItemResult result = connector.scan(connector.listItems().get(0), noSamples);

        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.sample()).isNull());
    }

    @Test
    void limitsOfTheContextApplyToEveryFile() throws Exception {
        Files.writeString(root.resolve("long.txt"), "word ".repeat(1_000) + "late@example.com");
        FilesConnector connector = connector(root.toString());
        ScanContext small = new ScanContext("run-1", ExtractionLimits.defaults().withMaxCharsPerItem(100), true);

        ItemResult result = connector.scan(connector.listItems().get(0), small);

        assertThat(result.assets()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ItemStatus.TRUNCATED);
            assertThat(o.detail()).isEqualTo("character limit 100");
        });
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void connectorSurvivesSerializationToExecutors() throws Exception {
        Files.writeString(root.resolve("notes.txt"), "alice@example.com");
        FilesConnector connector = connector(root.toString());
        List<ScanItem> items = connector.listItems();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(connector);
        }
        FilesConnector copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (FilesConnector) in.readObject();
        }

        assertThat(copy.name()).isEqualTo("shared-drive");
        assertThat(copy.scan(items.get(0), CONTEXT).findings()).extracting(AssetFinding::type)
                .containsExactly(EntityType.EMAIL_ADDRESS);
    }

    private List<String> locators(List<String> include) throws SourceException {
        return new FilesConnector(new FilesSourceConfig("shared-drive", root.toString(), include, null))
                .listItems().stream().map(ScanItem::locator).toList();
    }

    private static FilesConnector connector(String rootPath) {
        return new FilesConnector(new FilesSourceConfig("shared-drive", rootPath, null, null));
    }

    private void writeMixedFolder() throws Exception {
        Files.createDirectories(root.resolve("docs"));
        Files.createDirectories(root.resolve("mail"));
        Files.createDirectories(root.resolve("archive"));
        Files.writeString(root.resolve("notes.txt"), "Contact alice@example.com or bob@example.org.");
        Files.writeString(root.resolve("clean.txt"), "Nothing personal in here.");
        SampleDocuments.pdf(root.resolve("docs/letter.pdf"), List.of("Dear customer,", "write to carol@example.net"));
        SampleDocuments.docx(root.resolve("docs/memo.docx"), List.of("Memo for dave@example.com", "Thanks"));
        Path attachment = root.resolve("invoice.tmp.pdf");
        SampleDocuments.pdf(attachment, List.of("Invoice for heidi@example.com"));
        SampleDocuments.eml(root.resolve("mail/invoice.eml"), "Erin <erin@example.com>", "frank@example.com",
                "Your invoice", "Invoice attached, questions to grace@example.com", "invoice.pdf",
                Files.readAllBytes(attachment), "application/pdf");
        Files.delete(attachment);
        Path memo = root.resolve("memo.tmp.docx");
        SampleDocuments.docx(memo, List.of("Archived memo for judy@example.com"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "Ask ivan@example.com".getBytes(StandardCharsets.UTF_8));
        entries.put("memo.docx", Files.readAllBytes(memo));
        SampleDocuments.zip(root.resolve("archive/bundle.zip"), entries);
        Files.delete(memo);
    }
}

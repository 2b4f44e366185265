package dev.piimap.scanner.source.objectstore;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.config.FilesSourceConfig.S3Options;
import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.files.FilesConnector;
import dev.piimap.scanner.source.files.IncludeGlobs;
import dev.piimap.scanner.testdata.SampleDocuments;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A files source on {@code s3a://} against a real S3 protocol server (s3proxy in this JVM): listing
 * (pages, globs, folder markers, sizes, ETags), reading real documents made at test time, compressed
 * objects, and every failure the source can meet, each with its exact outcome or source error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectStoreFilesTest {
    private static final ScanContext CONTEXT = new ScanContext("run-s3", ExtractionLimits.defaults(), true);
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    Path tmp;
    private S3TestServer server;

    @BeforeAll
    void startServer(@TempDir Path serverDir) throws Exception {
        server = S3TestServer.start(serverDir);
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void findsEmailAddressesInEveryObjectAndEmbeddedDocumentUnderThePrefix() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> objects = mixedEstate();
        objects.forEach((key, bytes) -> server.put(bucket, "estate/" + key, bytes));
        server.put(bucket, "estate/docs/", new byte[0]); // a folder marker, as consoles create them
        server.put(bucket, "elsewhere/outside.txt", bytes("outside@example.com is not under the prefix"));

        List<ScanItem> items = connector(bucket, "estate/").listItems();
        ScanResults results = scanAll(connector(bucket, "estate/"), items);

        assertThat(items).extracting(ScanItem::locator).containsExactly("archive/bundle.zip", "clean.txt",
                "docs/letter.pdf", "docs/memo.docx", "logs/app.log.gz", "mail/invoice.eml", "notes.txt");
        assertThat(results.findings()).extracting(AssetFinding::asset, AssetFinding::type).containsExactlyInAnyOrder(
                tuple("notes.txt", EntityType.EMAIL_ADDRESS),
                tuple("docs/letter.pdf", EntityType.EMAIL_ADDRESS),
                tuple("docs/memo.docx", EntityType.EMAIL_ADDRESS),
                tuple("mail/invoice.eml", EntityType.PERSON),
                tuple("mail/invoice.eml", EntityType.EMAIL_ADDRESS),
                tuple("mail/invoice.eml!/invoice.pdf", EntityType.EMAIL_ADDRESS),
                tuple("archive/bundle.zip!/readme.txt", EntityType.EMAIL_ADDRESS),
                tuple("archive/bundle.zip!/memo.docx", EntityType.EMAIL_ADDRESS),
                tuple("logs/app.log.gz", EntityType.EMAIL_ADDRESS));
        assertThat(results.outcomes()).extracting(AssetOutcome::asset, AssetOutcome::assetKind, AssetOutcome::status)
                .containsExactlyInAnyOrder(
                        tuple("archive/bundle.zip", "file", ItemStatus.OK),
                        tuple("archive/bundle.zip!/memo.docx", "embedded", ItemStatus.OK),
                        tuple("archive/bundle.zip!/readme.txt", "embedded", ItemStatus.OK),
                        tuple("clean.txt", "file", ItemStatus.OK),
                        tuple("docs/letter.pdf", "file", ItemStatus.OK),
                        tuple("docs/memo.docx", "file", ItemStatus.OK),
                        tuple("logs/app.log.gz", "file", ItemStatus.OK),
                        tuple("mail/invoice.eml", "file", ItemStatus.OK),
                        tuple("mail/invoice.eml!/invoice.pdf", "embedded", ItemStatus.OK),
                        tuple("notes.txt", "file", ItemStatus.OK));
        assertThat(results.findings()).allSatisfy(f -> assertThat(f.source()).isEqualTo("bucket-src"));
        AssetFinding notes = results.findings().stream().filter(f -> f.asset().equals("notes.txt")).findFirst().orElseThrow();
        assertThat(notes.count()).isEqualTo(2);
        assertThat(notes.sample()).doesNotContain("alice@example.com", "bob@example.org");
        for (AssetOutcome file : results.outcomes().stream().filter(o -> o.assetKind().equals("file")).toList()) {
            assertThat(file.bytes()).as(file.asset()).isEqualTo(objects.get(file.asset()).length);
        }
    }

    @Test
    void listsEveryPageSortedByKeyWithSizeTimeAndEtag() throws Exception {
        String bucket = newBucket();
        Instant before = Instant.now().minusSeconds(5);
        List<String> expected = new ArrayList<>();
        for (int i = 11; i >= 0; i--) { // uploaded out of order
            String name = "f" + (char) ('a' + i) + ".txt";
            server.put(bucket, "p/" + name, bytes("x".repeat(i + 1)));
            expected.add(0, name);
        }
        ListObjectsV2Response firstPage = server.admin().listObjectsV2(b -> b.bucket(bucket).prefix("p/").maxKeys(5));
        assertThat(firstPage.isTruncated()).as("the server pages at 5 keys").isTrue();

        List<ScanItem> items = store(bucket, "p/", List.of("**"), 5).listItems();

        assertThat(items).extracting(ScanItem::locator).containsExactlyElementsOf(expected);
        assertThat(items).extracting(ScanItem::bytes).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.source()).isEqualTo("bucket-src");
            assertThat(item.modifiedMillis()).isBetween(before.toEpochMilli(), Instant.now().plusSeconds(5).toEpochMilli());
            assertThat(item.revision()).isNotBlank().doesNotContain("\"");
        });
        assertThat(items.get(0).revision()).isEqualTo(server.admin().headObject(b -> b.bucket(bucket).key("p/fa.txt"))
                .eTag().replace("\"", ""));
    }

    @Test
    void includeGlobsMatchKeysRelativeToThePrefix() throws Exception {
        String bucket = newBucket();
        for (String key : List.of("top.pdf", "reports/q1.pdf", "reports/2024/q2.pdf", "reports/notes.txt", "tmp/x.pdf")) {
            server.put(bucket, "root/" + key, bytes("x"));
        }
        server.put(bucket, "rootless.pdf", bytes("x"));

        assertThat(locators(bucket, "root", List.of("**/*.pdf")))
                .containsExactly("reports/2024/q2.pdf", "reports/q1.pdf", "tmp/x.pdf", "top.pdf");
        assertThat(locators(bucket, "root/", List.of("reports/*.pdf"))).containsExactly("reports/q1.pdf");
        assertThat(locators(bucket, "root/", List.of("*.pdf", "tmp/**"))).containsExactly("tmp/x.pdf", "top.pdf");
        assertThat(locators(bucket, "", List.of("*.pdf"))).containsExactly("rootless.pdf");
        assertThat(locators(bucket, "", List.of("**"))).hasSize(6);
    }

    @Test
    void decompressesGzipBzip2AndZstdObjectsAsTheObjectItself() throws Exception {
        String bucket = newBucket();
        byte[] text = bytes("Log line: user mallory@example.com signed in from 192.0.2.44\n".repeat(50));
        server.put(bucket, "c/app.log.gz", gzip(text));
        server.put(bucket, "c/app.log.bz2", bzip2(text));
        server.put(bucket, "c/app.log.zst", zstd(text));
        server.put(bucket, "c/broken.gz", bytes("not gzip at all"));

        ScanResults results = scanAll(connector(bucket, "c/"), connector(bucket, "c/").listItems());

        assertThat(results.findings()).extracting(AssetFinding::asset, AssetFinding::type).containsExactlyInAnyOrder(
                tuple("app.log.gz", EntityType.EMAIL_ADDRESS), tuple("app.log.gz", EntityType.IP_ADDRESS),
                tuple("app.log.bz2", EntityType.EMAIL_ADDRESS), tuple("app.log.bz2", EntityType.IP_ADDRESS),
                tuple("app.log.zst", EntityType.EMAIL_ADDRESS), tuple("app.log.zst", EntityType.IP_ADDRESS));
        assertThat(results.findings()).filteredOn(f -> f.type() == EntityType.EMAIL_ADDRESS)
                .extracting(AssetFinding::count).containsOnly(50L);
        assertThat(results.outcomes()).extracting(AssetOutcome::asset, AssetOutcome::status, AssetOutcome::detail)
                .containsExactly(
                        tuple("app.log.bz2", ItemStatus.OK, null),
                        tuple("app.log.gz", ItemStatus.OK, null),
                        tuple("app.log.zst", ItemStatus.OK, null),
                        tuple("broken.gz", ItemStatus.ERROR, "corrupt or unparseable GZIP (ZipException)"));
    }

    @Test
    void compressedObjectOverTheZipBombRatioIsTruncatedNamingTheLimit() throws Exception {
        String bucket = newBucket();
        byte[] big = bytes(("bomb@example.com " + "a".repeat(1000) + "\n").repeat(20 * 1024)); // ~20 MiB of text
        server.put(bucket, "b/huge.txt.gz", gzip(big));
        ScanContext ratio2 = new ScanContext("run-s3", ExtractionLimits.defaults().withMaxZipRatio(2), true);
        FilesConnector connector = connector(bucket, "b/");

        ItemResult result = connector.scan(connector.listItems().get(0), ratio2);

        assertThat(result.assets()).singleElement().satisfies(o -> {
            assertThat(o.asset()).isEqualTo("huge.txt.gz");
            assertThat(o.status()).isEqualTo(ItemStatus.TRUNCATED);
            assertThat(o.detail()).isEqualTo("zip-bomb ratio limit 2 (decompressed bytes over 2x the item size)");
        });
        assertThat(result.findings()).extracting(AssetFinding::type).containsExactly(EntityType.EMAIL_ADDRESS);
    }

    @Test
    void wrongCredentialsAreASourceErrorWithoutTheSecret() throws Exception {
        String bucket = newBucket();
        server.put(bucket, "a.txt", bytes("x"));
        Path wrongSecret = Files.writeString(tmp.resolve("wrong-secret"), "wrong-secret-value-123");

        FilesConnector connector = connector(bucket, "", server.options(server.accessKeyFile(), wrongSecret));

        assertThatThrownBy(connector::listItems).isInstanceOf(SourceException.class)
                .hasMessageContaining("files source 'bucket-src'").hasMessageContaining("bucket '" + bucket + "'")
                .hasMessageContaining("access denied (S3 403")
                .hasMessageNotContaining("wrong-secret-value-123").hasMessageNotContaining(S3TestServer.SECRET_KEY);
    }

    @Test
    void missingBucketIsASourceErrorNamingIt() {
        assertThatThrownBy(() -> connector("no-such-bucket", "x/").listItems()).isInstanceOf(SourceException.class)
                .hasMessage("files source 'bucket-src': cannot list bucket 'no-such-bucket' (s3a://no-such-bucket/x/): "
                        + "bucket not found (S3 404 NoSuchBucket); check the bucket in 'root'");
    }

    @Test
    void unreachableEndpointIsASourceErrorNamingTheFailureClass() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        S3Options options = new S3Options("http://127.0.0.1:" + closedPort, true,
                SecretRef.parse("${file:" + server.accessKeyFile() + "}"), SecretRef.parse("${file:" + server.secretKeyFile() + "}"), null);

        assertThatThrownBy(() -> connector("bucket", "", options).listItems()).isInstanceOf(SourceException.class)
                .hasMessageContaining("files source 'bucket-src': cannot list bucket 'bucket'")
                .hasMessageContaining("no answer from the endpoint, or no credentials (SdkClientException: ConnectException)");
    }

    @Test
    void unreadableCredentialFileIsASourceErrorNamingTheFile() {
        Path missing = tmp.resolve("no-such-key-file");

        assertThatThrownBy(() -> connector("bucket", "", server.options(missing, server.secretKeyFile())).listItems())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("credentials unavailable: cannot read secret file " + missing);
    }

    @Test
    void badEndpointOrHalfACredentialPairFailsBeforeAnyRequest() {
        S3Options noScheme = new S3Options("127.0.0.1:9000", true, null, null, null);
        S3Options halfPair = new S3Options(server.endpoint().toString(), true,
                SecretRef.parse("${file:" + server.accessKeyFile() + "}"), null, null);

        assertThatThrownBy(() -> connector("bucket", "", noScheme).listItems()).isInstanceOf(SourceException.class)
                .hasMessageContaining("s3.endpoint '127.0.0.1:9000' is not an http:// or https:// URL");
        assertThatThrownBy(() -> connector("bucket", "", halfPair).listItems()).isInstanceOf(SourceException.class)
                .hasMessageContaining("only one of access-key and secret-key");
    }

    @Test
    void objectsRemovedOrChangedAfterListingAreErrorOutcomesAndTheOthersScan() throws Exception {
        String bucket = newBucket();
        server.put(bucket, "d/gone.txt", bytes("gone@example.com"));
        server.put(bucket, "d/changed.txt", bytes("before@example.com"));
        server.put(bucket, "d/kept.txt", bytes("kept@example.com"));
        FilesConnector connector = connector(bucket, "d/");
        List<ScanItem> items = connector.listItems();
        server.delete(bucket, "d/gone.txt");
        server.put(bucket, "d/changed.txt", bytes("after@example.com, now longer"));

        ScanResults results = scanAll(connector, items);

        assertThat(results.outcomes()).extracting(AssetOutcome::asset, AssetOutcome::status, AssetOutcome::detail,
                AssetOutcome::bytes).containsExactly(
                tuple("changed.txt", ItemStatus.ERROR, "object changed after listing (S3 412)", 18L),
                tuple("gone.txt", ItemStatus.ERROR, "object removed after listing (S3 404)", 16L),
                tuple("kept.txt", ItemStatus.OK, null, 16L));
        assertThat(results.findings()).extracting(AssetFinding::asset).containsExactly("kept.txt");
    }

    @Test
    void executorsResolveCredentialsThemselvesAndAccessDeniedIsAnItemOutcome() throws Exception {
        String bucket = newBucket();
        server.put(bucket, "a.txt", bytes("first@example.com"));
        server.put(bucket, "b.txt", bytes("second@example.com"));
        Path secret = Files.copy(server.secretKeyFile(), tmp.resolve("rotating-secret"));
        FilesConnector driver = connector(bucket, "", server.options(server.accessKeyFile(), secret));
        List<ScanItem> items = driver.listItems();

        FilesConnector executor = roundTrip(driver);
        ItemResult first = executor.scan(items.get(0), CONTEXT);
        FilesConnector otherExecutor = roundTrip(driver);
        Files.writeString(secret, "revoked-secret");
        ItemResult denied = otherExecutor.scan(items.get(1), CONTEXT);

        assertThat(first.findings()).extracting(AssetFinding::asset).containsExactly("a.txt");
        assertThat(denied.assets()).singleElement().satisfies(o -> {
            assertThat(o.asset()).isEqualTo("b.txt");
            assertThat(o.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(o.detail()).isEqualTo("access denied (S3 403)");
            assertThat(o.bytes()).isEqualTo(18L);
        });
        assertThat(serializedText(driver)).doesNotContain(S3TestServer.SECRET_KEY, S3TestServer.ACCESS_KEY);
    }

    @Test
    void emptyObjectIsSkippedAndKeysWithSpacesAndUnicodeRoundTrip() throws Exception {
        String bucket = newBucket();
        server.put(bucket, "u/empty.txt", new byte[0]);
        server.put(bucket, "u/Ünïcode folder/notes + more.txt", bytes("Write to zoë@example.com or call 212-555-0187"));

        ScanResults results = scanAll(connector(bucket, "u/"), connector(bucket, "u/").listItems());

        assertThat(results.outcomes()).extracting(AssetOutcome::asset, AssetOutcome::status, AssetOutcome::detail)
                .containsExactly(
                        tuple("empty.txt", ItemStatus.SKIPPED, "empty file"),
                        tuple("Ünïcode folder/notes + more.txt", ItemStatus.OK, null));
        assertThat(results.findings()).extracting(AssetFinding::asset, AssetFinding::type)
                .contains(tuple("Ünïcode folder/notes + more.txt", EntityType.EMAIL_ADDRESS));
    }

    // --- helpers

    private String newBucket() {
        String bucket = "test-bucket-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        return bucket;
    }

    private FilesConnector connector(String bucket, String prefix) {
        return connector(bucket, prefix, server.options());
    }

    private FilesConnector connector(String bucket, String prefix, S3Options options) {
        return new FilesConnector(new FilesSourceConfig("bucket-src", "s3a://" + bucket + "/" + prefix, List.of(), options));
    }

    private ObjectStoreFiles store(String bucket, String prefix, List<String> include, int pageSize) {
        return new ObjectStoreFiles("bucket-src", S3Location.parse("s3a://" + bucket + "/" + prefix), server.options(),
                new IncludeGlobs(include), pageSize);
    }

    private List<String> locators(String bucket, String prefix, List<String> include) throws SourceException {
        return store(bucket, prefix, include, 2).listItems().stream().map(ScanItem::locator).toList();
    }

    private Map<String, byte[]> mixedEstate() throws IOException {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put("notes.txt", bytes("Contact alice@example.com or bob@example.org."));
        objects.put("clean.txt", bytes("Nothing personal in here."));
        objects.put("docs/letter.pdf", document(p -> SampleDocuments.pdf(p, List.of("Dear customer,", "write to carol@example.net"))));
        objects.put("docs/memo.docx", document(p -> SampleDocuments.docx(p, List.of("Memo for dave@example.com", "Thanks"))));
        byte[] invoice = document(p -> SampleDocuments.pdf(p, List.of("Invoice for heidi@example.com")));
        objects.put("mail/invoice.eml", document(p -> SampleDocuments.eml(p, "Erin <erin@example.com>", "frank@example.com",
                "Your invoice", "Invoice attached, questions to grace@example.com", "invoice.pdf", invoice, "application/pdf")));
        byte[] memo = document(p -> SampleDocuments.docx(p, List.of("Archived memo for judy@example.com")));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", bytes("Ask ivan@example.com"));
        entries.put("memo.docx", memo);
        objects.put("archive/bundle.zip", document(p -> SampleDocuments.zip(p, entries)));
        objects.put("logs/app.log.gz", gzip(bytes("2024-01-01 login ok for oscar@example.com\n")));
        return objects;
    }

    private interface Writer {
        void write(Path path) throws IOException;
    }

    private byte[] document(Writer writer) throws IOException {
        Path file = Files.createTempFile(tmp, "doc", ".bin");
        writer.write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    record ScanResults(List<AssetOutcome> outcomes, List<AssetFinding> findings) {
    }

    static ScanResults scanAll(SourceConnector connector, List<ScanItem> items) {
        List<AssetOutcome> outcomes = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        for (ScanItem item : items) {
            ItemResult result = connector.scan(item, CONTEXT);
            outcomes.addAll(result.assets());
            findings.addAll(result.findings());
        }
        return new ScanResults(outcomes, findings);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) throws IOException {
        return compress(data, GZIPOutputStream::new);
    }

    static byte[] bzip2(byte[] data) throws IOException {
        return compress(data, BZip2CompressorOutputStream::new);
    }

    static byte[] zstd(byte[] data) throws IOException {
        return compress(data, ZstdCompressorOutputStream::new);
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Compressor compressor) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = compressor.wrap(buffer)) {
            out.write(data);
        }
        return buffer.toByteArray();
    }

    /** What Spark does to a connector on its way to an executor. */
    private static FilesConnector roundTrip(FilesConnector connector) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(connector);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(buffer.toByteArray()))) {
            return (FilesConnector) in.readObject();
        }
    }

    private static String serializedText(FilesConnector connector) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(connector);
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }
}

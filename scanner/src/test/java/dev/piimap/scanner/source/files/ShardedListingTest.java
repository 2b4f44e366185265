package dev.piimap.scanner.source.files;

import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.ShardedListingsAssert;
import dev.piimap.scanner.source.SupportsShardedListing;
import dev.piimap.scanner.source.objectstore.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing in shards ({@link SupportsShardedListing}) over trees that make it hard: deep and wide folders,
 * symbolic links inside the root, out of it and back to an ancestor (a loop), include globs; on a local
 * folder and on S3 (s3proxy) with nested prefixes and folder markers. For every driver
 * limit, the plan's items plus every shard's are exactly the whole listing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedListingTest {
    private static final String BUCKET = "sharded";
    private static final List<String> KEYS = List.of("a.txt", "p/b.txt", "p/q/c.txt", "p/q/r/s/t/d.txt", "p/q/r/s/t/u/e.txt",
            "x/y.txt", "folder/", "wide/0.txt", "wide/1.txt", "wide/2.txt", "wide/sub/3.txt", "z/skip.bin", "top.log");

    @TempDir
    static Path tmp;
    private Path root;
    private S3TestServer server;

    @BeforeAll
    void prepare() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        write(outside.resolve("secret.txt"));
        for (String key : KEYS) {
            if (!key.endsWith("/")) {
                write(root.resolve(key.replace("//", "/")));
            }
        }
        for (int i = 0; i < 20; i++) {
            write(root.resolve("flat/f" + i + ".txt"));
        }
        Files.createSymbolicLink(root.resolve("p/link-in"), root.resolve("p/q/r"));
        Files.createSymbolicLink(root.resolve("p/q/r/s/back"), root.resolve("p"));
        Files.createSymbolicLink(root.resolve("wide/out"), outside);
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        server = S3TestServer.start(tmp.resolve("s3"));
        server.createBucket(BUCKET);
        for (String key : KEYS) {
            server.put(BUCKET, "pre/" + key, key.endsWith("/") ? new byte[0] : ("text of " + key).getBytes(StandardCharsets.UTF_8));
        }
        server.put(BUCKET, "elsewhere/n.txt", "not under the prefix".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "contact " + file.getFileName() + "@example.com\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 10, 1_000})
    void localFolderShardsHoldExactlyTheWholeListing(int driverLimit) throws Exception {
        assertSameAsWhole(new FilesConnector(new FilesSourceConfig("local", root.toString(), null, null)), driverLimit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 1_000})
    void includeGlobsApplyInEveryShard(int driverLimit) throws Exception {
        FilesConnector connector = new FilesConnector(new FilesSourceConfig("local", root.toString(),
                List.of("**/*.txt", "*.log"), null));
        List<ScanItem> whole = assertSameAsWhole(connector, driverLimit);
        assertThat(whole).extracting(ScanItem::locator).contains("top.log", "p/q/r/s/t/u/e.txt").doesNotContain("z/skip.bin");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 1_000})
    void objectStorePrefixShardsHoldExactlyTheWholeListing(int driverLimit) throws Exception {
        FilesConnector connector = new FilesConnector(new FilesSourceConfig("bucket", "s3a://" + BUCKET + "/pre/", null,
                server.options()));
        List<ScanItem> whole = assertSameAsWhole(connector, driverLimit);
        assertThat(whole).extracting(ScanItem::locator).contains("x/y.txt", "p/q/r/s/t/u/e.txt").doesNotContain("folder/");
    }

    @org.junit.jupiter.api.Test
    void aShardWhoseRootCannotBeSeenWhereItIsListedGivesTheReasonInsteadOfItems() throws Exception {
        Path vanishing = Files.createDirectories(tmp.resolve("vanishing"));
        write(vanishing.resolve("sub/a.txt"));
        write(vanishing.resolve("b.txt"));
        FilesConnector connector = new FilesConnector(new FilesSourceConfig("gone", vanishing.toString(), null, null));
        SupportsShardedListing.Plan plan = connector.planListing(0);
        // As on an executor that does not mount the folder the driver listed.
        try (Stream<Path> all = Files.walk(vanishing)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        assertThat(plan.shards()).hasSize(2).allSatisfy(shard -> {
            SupportsShardedListing.ShardListing listing = connector.listShard(shard);
            assertThat(listing.items()).isEmpty();
            assertThat(listing.failure()).startsWith("files source 'gone': root ").endsWith("does not exist; check the 'root' key");
        });
    }

    /** Asserts the plan for {@code driverLimit} covers the whole listing exactly; returns the whole listing. */
    private static List<ScanItem> assertSameAsWhole(FilesConnector connector, int driverLimit) throws Exception {
        List<ScanItem> whole = connector.listItems();
        SupportsShardedListing.Plan plan = connector.planListing(driverLimit);

        assertThat(plan.isComplete()).isEqualTo(whole.size() <= driverLimit);
        if (plan.isComplete()) {
            assertThat(plan.items()).isEqualTo(whole);
        } else {
            assertThat(plan.shards()).hasSizeGreaterThan(1);
            assertThat(ShardedListingsAssert.union(connector, plan)).isEqualTo(ShardedListingsAssert.sorted(whole));
        }
        assertThat(new ArrayList<>(whole)).isNotEmpty();
        return whole;
    }
}

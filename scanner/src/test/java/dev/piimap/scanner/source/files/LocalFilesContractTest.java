package dev.piimap.scanner.source.files;

import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.SourceContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The source contract for a {@code files} source over a local folder. */
class LocalFilesContractTest extends SourceContractTest {
    @TempDir
    static Path dir;
    private Path root;

    @BeforeAll
    void prepareFolder() throws Exception {
        root = Files.createDirectories(dir.resolve("share"));
        Files.writeString(root.resolve("known.txt"), "Please reply to " + KNOWN_EMAIL + " about ticket 12.\n");
        Files.writeString(root.resolve("clean.txt"), "The quarterly roadmap meeting moved to Thursday.\n");
        Files.writeString(root.resolve("big.log"), "status ok, nothing to report\n".repeat(20_000)
                + "late entry by late.writer@example.com\n");
        Path denied = Files.writeString(root.resolve("denied.txt"), "owner: hidden.owner@example.com\n");
        Files.setPosixFilePermissions(denied, PosixFilePermissions.fromString("---------"));
        // Files written in the last 2 s get no change token (coarse file clocks); these are an hour old.
        try (var files = Files.list(root)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    @Override
    protected String sourceYaml() {
        return "name: contract\ntype: files\nroot: " + root;
    }

    @Override
    protected String sampledSourceYaml() {
        return sourceYaml();
    }

    /** Files are sampled by the extraction limits: here 10,000 characters per item. */
    @Override
    protected ScanContext sampledContext() {
        return new ScanContext("contract-run", ExtractionLimits.defaults().withMaxCharsPerItem(10_000), true);
    }

    @Override
    protected String unreachableSourceYaml() {
        return "name: contract\ntype: files\nroot: " + dir.resolve("no-such-folder");
    }

    @Override
    protected String knownItem() {
        return "known.txt";
    }

    @Override
    protected String cleanItem() {
        return "clean.txt";
    }

    @Override
    protected String bigItem() {
        return "big.log";
    }

    @Override
    protected void assertSampled(ItemResult big) {
        assertThat(big.assets().get(0).status()).isEqualTo(ItemStatus.TRUNCATED);
        assertThat(big.assets().get(0).detail()).isEqualTo("character limit 10000");
        assertThat(big.findings()).isEmpty(); // the address sits beyond the sample
    }

    @Override
    protected Optional<Denial> denial() {
        // Root reads any file whatever its permissions, as in CI containers.
        return Files.isReadable(root.resolve("denied.txt")) ? Optional.empty() : Optional.of(Denial.item("denied.txt"));
    }

    @Override
    protected void changeKnownItem() throws Exception {
        Path known = root.resolve("known.txt");
        Files.writeString(known, "Please reply to " + KNOWN_EMAIL + " about ticket 12 and 13.\n");
        Files.setLastModifiedTime(known, FileTime.from(Instant.now().plusSeconds(60)));
    }
}

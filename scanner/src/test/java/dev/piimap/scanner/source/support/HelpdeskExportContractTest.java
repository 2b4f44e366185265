package dev.piimap.scanner.source.support;

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
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source contract for a {@code support} source over a helpdesk export folder: the items under test
 * are attachments (each its own item, linked to its ticket), read like files.
 */
class HelpdeskExportContractTest extends SourceContractTest {
    @TempDir
    static Path dir;
    private Path export;

    @BeforeAll
    void writeExport() throws Exception {
        export = Files.createDirectories(dir.resolve("export"));
        Files.createDirectories(export.resolve("attachments/7"));
        Files.writeString(export.resolve("tickets.json"), """
                [{"id": 7, "requester": "ticket.owner@example.org", "subject": "Login trouble",
                  "description": "I cannot log in since Monday.", "created_at": "2026-11-02T09:15:00Z",
                  "attachments": [{"file_name": "known.txt", "path": "attachments/7/known.txt"},
                                  {"file_name": "clean.txt", "path": "attachments/7/clean.txt"},
                                  {"file_name": "big.log", "path": "attachments/7/big.log"}]}]
                """);
        Files.writeString(export.resolve("attachments/7/known.txt"), "Please reply to " + KNOWN_EMAIL + ".\n");
        Files.writeString(export.resolve("attachments/7/clean.txt"), "The roadmap meeting moved to Thursday.\n");
        Files.writeString(export.resolve("attachments/7/big.log"), "status ok, nothing to report\n".repeat(20_000)
                + "late entry by late.writer@example.com\n");
        // Files changed in the last 2 s get no change token; these are an hour old.
        for (String name : new String[] {"tickets.json", "attachments/7/known.txt", "attachments/7/clean.txt", "attachments/7/big.log"}) {
            Files.setLastModifiedTime(export.resolve(name), FileTime.from(Instant.now().minusSeconds(3600)));
        }
    }

    @Override
    protected String sourceYaml() {
        return "name: contract\ntype: support\nexport: " + export + "\n";
    }

    @Override
    protected String sampledSourceYaml() {
        return sourceYaml();
    }

    @Override
    protected ScanContext sampledContext() {
        return new ScanContext("contract-run", ExtractionLimits.defaults().withMaxCharsPerItem(10_000), true);
    }

    @Override
    protected String unreachableSourceYaml() {
        return "name: contract\ntype: support\nexport: " + dir.resolve("no-such-export") + "\n";
    }

    @Override
    protected String knownItem() {
        return "tickets/7/known.txt";
    }

    @Override
    protected String cleanItem() {
        return "tickets/7/clean.txt";
    }

    @Override
    protected String bigItem() {
        return "tickets/7/big.log";
    }

    @Override
    protected void assertSampled(ItemResult big) {
        assertThat(big.assets().get(0).status()).isEqualTo(ItemStatus.TRUNCATED);
        assertThat(big.assets().get(0).detail()).isEqualTo("character limit 10000");
        assertThat(big.assets().get(0).links()).containsEntry("ticket", "7");
    }

    /** A folder export has no access control of its own beyond file permissions, which root ignores. */
    @Override
    protected Optional<Denial> denial() {
        return Optional.empty();
    }

    @Override
    protected void changeKnownItem() throws Exception {
        Path known = export.resolve("attachments/7/known.txt");
        Files.writeString(known, "Please reply to " + KNOWN_EMAIL + " today.\n");
        Files.setLastModifiedTime(known, FileTime.from(Instant.now().minusSeconds(60)));
    }
}

package dev.piimap.scanner.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.scanner.testdata.ChildJvm;
import dev.piimap.scanner.testdata.HostileFiles;
import dev.piimap.scanner.testdata.SampleDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus of issue 4 (RELIABILITY 1-2, 15), generated at test time and scanned end to end
 * by {@code bin/scan run} in a separate JVM whose heap is capped at {@value #HEAP}: a 42.zip-style
 * nested archive, 1 GiB of zeros in a zip, billion-laughs XML, a corrupt PDF, a truncated DOCX, an
 * encrypted PDF, an empty file and a 200 MB text file, beside one ordinary file. The run must commit,
 * every file must have exactly one outcome naming what stopped it, and the ordinary file's findings
 * must be there. A scan that held any of these in memory would die of the heap cap instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileCorpusScanTest {
    static final String HEAP = "-Xmx768m";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private final Map<String, JsonNode> assets = new TreeMap<>();
    private final List<JsonNode> findings = new ArrayList<>();
    private String runLog;

    @BeforeAll
    void generateAndScan() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("hostile"));
        // 16^5 x 64 MiB = 64 TiB unpacked
        HostileFiles.fortyTwoZip(share.resolve("42.zip"), 5, 64 << 20);
        HostileFiles.zerosZip(share.resolve("zeros-1g.zip"), "zeros.bin", 1L << 30);
        HostileFiles.billionLaughs(share.resolve("lolz.xml"));
        SampleDocuments.corruptPdf(share.resolve("corrupt.pdf"));
        HostileFiles.truncatedDocx(share.resolve("truncated.docx"));
        HostileFiles.encryptedPdf(share.resolve("locked.pdf"), List.of("Locked statement for locked.owner@example.com"));
        SampleDocuments.emptyFile(share.resolve("empty.txt"));
        HostileFiles.bigLog(share.resolve("big.txt"), 200L * 1000 * 1000);
        Files.writeString(share.resolve("ordinary.txt"), "Ticket 4711: please call Dana Whitfield, dana.whitfield@example.org\n");

        Path config = tmp.resolve("scan.yaml");
        Files.writeString(config, """
                datamap: ./datamap
                spark: {master: "local[2]"}
                sources:
                  - name: hostile
                    type: files
                    root: ./hostile
                """);
        Process scan = childJvm("run", "--config", config.toString(), "--run-id", "hostile-1");
        runLog = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "hostile-corpus-run.log"), runLog); // for whoever reads a CI failure
        assertThat(scan.waitFor(8, TimeUnit.MINUTES)).as("scan finished").isTrue();
        assertThat(scan.exitValue()).as(runLog).isZero();

        Path export = tmp.resolve("export");
        for (String what : List.of("assets", "findings")) {
            Path out = export.resolve(what + ".jsonl");
            Files.createDirectories(export);
            Process p = childJvm("export", "--datamap", tmp.resolve("datamap").toString(), "--what", what,
                    "--out", out.toString());
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(log).isZero();
            for (String line : Files.readAllLines(out)) {
                JsonNode node = JSON.readTree(line);
                if (what.equals("assets")) {
                    assertThat(assets.put(node.get("asset").asText(), node)).as("one outcome per asset").isNull();
                } else {
                    findings.add(node);
                }
            }
        }
    }

    @Test
    void theRunCommitsUnderTheHeapCap() {
        assertThat(runLog).contains("run hostile-1 committed");
        assertThat(assets.values()).noneMatch(a -> a.path("detail").asText().contains("out of memory"));
    }

    @Test
    void nestedArchiveBombIsCutAtALimit() {
        assertThat(status("42.zip")).isEqualTo("truncated");
        assertThat(detail("42.zip")).containsAnyOf("zip-bomb ratio limit", "embedded depth limit", "embedded count limit");
    }

    @Test
    void gigabyteOfZerosIsCutAtTheZipBombLimit() {
        assertThat(status("zeros-1g.zip")).isEqualTo("truncated");
        assertThat(detail("zeros-1g.zip")).startsWith("zip-bomb ratio limit 100");
        assertThat(status("zeros-1g.zip!/zeros.bin")).isEqualTo("skipped");
    }

    @Test
    void billionLaughsIsCutAtTheEntityExpansionLimit() {
        assertThat(status("lolz.xml")).isIn("truncated", "skipped");
        assertThat(detail("lolz.xml")).isEqualTo("XML entity expansion limit");
    }

    @Test
    void corruptAndTruncatedDocumentsAreErrorsNamingTheFormat() {
        assertThat(status("corrupt.pdf")).isEqualTo("error");
        assertThat(detail("corrupt.pdf")).startsWith("corrupt or unparseable PDF");
        assertThat(status("truncated.docx")).isEqualTo("error");
        assertThat(detail("truncated.docx")).startsWith("corrupt or unparseable");
    }

    @Test
    void encryptedAndEmptyFilesAreSkippedWithTheirReason() {
        assertThat(status("locked.pdf")).isEqualTo("skipped");
        assertThat(detail("locked.pdf")).isEqualTo("encrypted");
        assertThat(status("empty.txt")).isEqualTo("skipped");
        assertThat(detail("empty.txt")).isEqualTo("empty file");
    }

    @Test
    void hugeTextFileIsTruncatedAtTheCharacterLimitAndStillClassified() {
        assertThat(status("big.txt")).isEqualTo("truncated");
        assertThat(detail("big.txt")).isEqualTo("character limit 10000000");
        assertThat(findings).anyMatch(f -> f.get("asset").asText().equals("big.txt")
                && f.get("type").asText().equals("EMAIL_ADDRESS"));
    }

    @Test
    void theOrdinaryFileBesideThemIsScannedAsUsual() {
        assertThat(status("ordinary.txt")).isEqualTo("ok");
        assertThat(findings).anyMatch(f -> f.get("asset").asText().equals("ordinary.txt")
                && f.get("type").asText().equals("EMAIL_ADDRESS"));
        assertThat(findings).anyMatch(f -> f.get("asset").asText().equals("ordinary.txt")
                && f.get("type").asText().equals("PERSON"));
    }

    @Test
    void everyGeneratedFileHasExactlyOneTopLevelOutcome() {
        List<String> topLevel = assets.keySet().stream().filter(a -> !a.contains("!/")).toList();
        assertThat(topLevel).containsExactlyInAnyOrder("42.zip", "zeros-1g.zip", "lolz.xml", "corrupt.pdf",
                "truncated.docx", "locked.pdf", "empty.txt", "big.txt", "ordinary.txt");
    }

    private String status(String asset) {
        assertThat(assets).as("outcomes: " + assets.keySet()).containsKey(asset);
        return assets.get(asset).get("status").asText();
    }

    private String detail(String asset) {
        return assets.get(asset).path("detail").asText();
    }

    private Process childJvm(String... args) throws IOException {
        return ChildJvm.scan(tmp, List.of(HEAP), args);
    }
}

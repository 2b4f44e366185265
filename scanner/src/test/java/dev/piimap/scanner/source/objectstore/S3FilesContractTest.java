package dev.piimap.scanner.source.objectstore;

import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.SourceContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The source contract for a {@code files} source on an {@code s3a://} root, against s3proxy in-process. */
class S3FilesContractTest extends SourceContractTest {
    private static final String BUCKET = "contract-bucket";

    @TempDir
    static Path dir;
    private S3TestServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = S3TestServer.start(dir.resolve("s3"));
        server.createBucket(BUCKET);
        put("share/known.txt", "Please reply to " + KNOWN_EMAIL + " about ticket 12.\n");
        put("share/clean.txt", "The quarterly roadmap meeting moved to Thursday.\n");
        put("share/big.log", "status ok, nothing to report\n".repeat(20_000) + "late entry by late.writer@example.com\n");
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void put(String key, String text) {
        server.put(BUCKET, key, text.getBytes(StandardCharsets.UTF_8));
    }

    private String yaml(String endpoint, String bucket, Path secretKeyFile) {
        return """
                name: contract
                type: files
                root: s3a://%s/share/
                s3: {endpoint: "%s", path-style: true, access-key: "${file:%s}", secret-key: "${file:%s}"}
                """.formatted(bucket, endpoint, server.accessKeyFile(), secretKeyFile);
    }

    @Override
    protected String sourceYaml() {
        return yaml(server.endpoint().toString(), BUCKET, server.secretKeyFile());
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
        return yaml("http://127.0.0.1:1", BUCKET, server.secretKeyFile());
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
        assertThat(big.findings()).isEmpty();
    }

    /** s3proxy checks one key pair: a wrong secret is refused like a role without s3:ListBucket. */
    @Override
    protected Optional<Denial> denial() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong-secret"), "not-the-secret\n");
        return Optional.of(Denial.source(yaml(server.endpoint().toString(), BUCKET, wrong)));
    }

    @Override
    protected void changeKnownItem() {
        put("share/known.txt", "Please reply to " + KNOWN_EMAIL + " about ticket 12 and 13.\n");
    }
}

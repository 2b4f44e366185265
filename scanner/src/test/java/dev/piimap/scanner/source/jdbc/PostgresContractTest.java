package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.SourceContractTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The source contract for a {@code jdbc} source on a real PostgreSQL server (embedded, from Maven). */
class PostgresContractTest extends SourceContractTest {
    private static final String PASSWORD = "contract-pg-pw-5521";
    static final int SAMPLE_ROWS = 100;

    @TempDir
    static Path dir;
    private EmbeddedPostgres server;
    private Path passwordFile;

    @BeforeAll
    void startServer() throws Exception {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .setDataDirectoryCustomizer(data -> JdbcConnectorTest.writePasswordAuthentication(data.toPath()))
                .start();
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE SCHEMA app;
                    CREATE TABLE app.known (id integer PRIMARY KEY, contact text);
                    INSERT INTO app.known VALUES (1, '%2$s'), (2, 'no contact given');
                    CREATE TABLE app.clean (id integer PRIMARY KEY, plan text, seats integer);
                    INSERT INTO app.clean SELECT i, 'Team', i %% 50 FROM generate_series(1, 300) i;
                    CREATE TABLE app.big (id integer PRIMARY KEY, email text);
                    INSERT INTO app.big SELECT i, 'member' || i || '@example.net' FROM generate_series(1, 20000) i;
                    CREATE TABLE app.denied (id integer, token text);
                    INSERT INTO app.denied VALUES (1, 'hidden.owner@example.com');
                    ANALYZE;
                    CREATE ROLE scanner LOGIN PASSWORD '%1$s';
                    GRANT USAGE ON SCHEMA app TO scanner;
                    GRANT SELECT ON app.known, app.clean, app.big TO scanner;
                    """.formatted(PASSWORD, KNOWN_EMAIL));
        }
        awaitStatistics();
    }

    /**
     * PostgreSQL publishes a session's table counters shortly after it ends; the change tokens are built
     * from them, so the tests start once the set-up's inserts show.
     */
    private void awaitStatistics() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = admin(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = 'app' AND n_tup_ins > 0")) {
                rs.next();
                if (rs.getInt(1) == 4) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("PostgreSQL's statistics did not show the set-up's inserts within 10 s");
    }

    @AfterAll
    void stopServer() throws IOException {
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
                """.formatted(server.getJdbcUrl("scanner", "postgres"), passwordFile);
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
                url: jdbc:postgresql://127.0.0.1:1/postgres
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
        assertThat(big.findings()).extracting(AssetFinding::count).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(SAMPLE_ROWS));
        assertThat(big.findings()).isNotEmpty();
    }

    @Override
    protected Optional<Denial> denial() {
        return Optional.of(Denial.item("app.denied"));
    }

    @Override
    protected void changeKnownItem() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app.known VALUES (3, 'second line for " + KNOWN_EMAIL + "'); ANALYZE app.known");
        }
    }

    private Connection admin() throws java.sql.SQLException {
        return DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }
}

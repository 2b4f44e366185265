package dev.piimap.scanner.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (embedded, binaries from Maven) holding the demo estate of the fictional
 * SaaS company "AhuraSense Cloud" in database {@value #DATABASE}:
 * <ul>
 *   <li>{@code accounts.customers} (id, full_name, email, phone, billing_street, billing_city,
 *       billing_postcode, country, date_of_birth, created_at) and {@code accounts.plans} (clean);</li>
 *   <li>{@code billing.payments} (id, customer_id, iban, amount, currency, note, created_at; some notes
 *       quote a card number) and {@code billing.invoices} (clean numbers and dates);</li>
 *   <li>{@code telemetry.events} (id, customer_id, ip, user_agent, event, properties jsonb, ts);</li>
 *   <li>{@code support.tickets} (id, requester_email, subject, body, created_at; free text) and
 *       {@code support.ticket_attachments} (ticket_id, file_name, object_key: keys under the file share's
 *       {@code support/attachments}; one points at a file that is not there);</li>
 *   <li>{@code public.feature_flags} (clean).</li>
 * </ul>
 * Telemetry events are dated over the five years and payments over the eleven years before the demo's
 * fixed "today" (2026-11-28), so a retention check finds rows kept too long.
 * The data is generated from a fixed seed, so every start holds the same rows. {@link #user()} is a
 * role that may only SELECT, as the README recommends for scanning. The server listens on a free
 * loopback port, keeps its files under the folder given to {@link #start} and deletes them on
 * {@link #close()}.
 */
public final class DemoDatabase implements AutoCloseable {
    public static final String DATABASE = "ahurasense";
    /** The SELECT-only role scans use; the server trusts loopback connections, so it has no password. */
    public static final String READER = "piimap_reader";
    static final String ADMIN = "postgres";
    /** The data directory's name inside the folder given to {@link #start}. */
    static final String DATA_DIRECTORY = "postgres-data";

    private final EmbeddedPostgres server;

    private DemoDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts the server with its data directory in {@code dataDir} (created if needed; a data directory
     * left there by an earlier demo is replaced), creates the demo database and fills it.
     *
     * @throws IOException when the server cannot start or the demo data cannot be loaded; the server is
     *                     stopped again in that case
     */
    public static DemoDatabase start(Path dataDir) throws IOException {
        Path data = dataDir.resolve(DATA_DIRECTORY);
        removeEarlierDataDirectory(data);
        Files.createDirectories(dataDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .start();
        DemoDatabase demo = new DemoDatabase(server);
        try {
            demo.create();
            return demo;
        } catch (SQLException e) {
            demo.close();
            throw new IOException("cannot load the demo data (SQLState " + e.getSQLState() + ")", e);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/ahurasense}: no credentials, no parameters. */
    public String jdbcUrl() {
        return url(DATABASE);
    }

    /** The SELECT-only role to scan with; it needs no password. */
    public String user() {
        return READER;
    }

    public int port() {
        return server.getPort();
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the demo database", e);
        }
    }

    /** A connection as the server's superuser, for loading and for tests; the caller closes it. */
    Connection adminConnection(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?reWriteBatchedInserts=true", ADMIN, "");
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    private void create() throws SQLException {
        try (Connection c = adminConnection("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
            s.execute("CREATE ROLE " + READER + " LOGIN");
        }
        try (Connection c = adminConnection(DATABASE)) {
            DemoData.load(c);
            try (Statement s = c.createStatement()) {
                // Planner statistics (pg_class.reltuples) let the scanner choose between LIMIT and TABLESAMPLE.
                s.execute("ANALYZE");
                s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                for (String schema : new String[] {"accounts", "billing", "telemetry", "support", "public"}) {
                    s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + READER);
                    s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + READER);
                }
            }
        }
    }

    /** Removes a data directory an earlier, unclean demo left behind; refuses anything that is not one. */
    private static void removeEarlierDataDirectory(Path data) throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            throw new IOException(data + " exists but is not a PostgreSQL data directory; remove it or choose another folder");
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

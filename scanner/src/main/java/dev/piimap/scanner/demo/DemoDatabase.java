package dev.piimap.scanner.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

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
 * role that may only SELECT, as the README recommends for scanning. The server ({@link LocalPostgres})
 * listens on a free loopback port, keeps its files under the folder given to {@link #start} and deletes
 * them on {@link #close()}.
 */
public final class DemoDatabase implements AutoCloseable {
    public static final String DATABASE = "ahurasense";
    /** The SELECT-only role scans use; the server trusts loopback connections, so it has no password. */
    public static final String READER = LocalPostgres.READER;
    static final String ADMIN = LocalPostgres.ADMIN;
    /** The data directory's name inside the folder given to {@link #start}. */
    static final String DATA_DIRECTORY = LocalPostgres.DATA_DIRECTORY;

    private final LocalPostgres server;

    private DemoDatabase(LocalPostgres server) {
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
        return new DemoDatabase(LocalPostgres.start(dataDir, DATABASE, Map.of(), DemoData::load));
    }

    /** {@code jdbc:postgresql://localhost:<port>/ahurasense}: no credentials, no parameters. */
    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** The SELECT-only role to scan with; it needs no password. */
    public String user() {
        return server.user();
    }

    public int port() {
        return server.port();
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        server.close();
    }

    /** A connection as the server's superuser, for loading and for tests; the caller closes it. */
    Connection adminConnection(String database) throws SQLException {
        return server.adminConnection(database);
    }
}

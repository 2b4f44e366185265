package dev.piimap.scanner.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (embedded, binaries from Maven) holding one database filled by a
 * {@link Loader}, with a SELECT-only role ({@value #READER}) to scan it: what the demo estate and the
 * scale benchmark's estates run on. The server listens on a free loopback port, trusts loopback
 * connections (no passwords), keeps its files under the folder given to {@link #start} and deletes
 * them on {@link #close()}.
 */
public final class LocalPostgres implements AutoCloseable {
    /** The SELECT-only role scans use; it needs no password. */
    public static final String READER = "piimap_reader";
    /** The server's superuser, which loads the data. */
    public static final String ADMIN = "postgres";
    /** The data directory's name inside the folder given to {@link #start}. */
    public static final String DATA_DIRECTORY = "postgres-data";

    /** Creates the schema and rows through a superuser connection to the new database; owns no resources. */
    @FunctionalInterface
    public interface Loader {
        void load(Connection admin) throws SQLException;
    }

    private final EmbeddedPostgres server;
    private final String database;

    private LocalPostgres(EmbeddedPostgres server, String database) {
        this.server = server;
        this.database = database;
    }

    /**
     * Starts a server with its data directory in {@code folder} (created if needed; a data directory
     * left there earlier is replaced), creates {@code database} and the reader role, runs
     * {@code loader}, then analyzes the database (planner statistics let the scanner choose its
     * sampling) and grants the reader USAGE and SELECT on every schema the loader made, and nothing
     * else (no CREATE on {@code public}).
     *
     * @param serverConfig {@code postgresql.conf} settings, e.g. {@code fsync=off} for fast loading; may be empty
     * @throws IOException when the server cannot start or the loader fails; the server is stopped again then
     */
    public static LocalPostgres start(Path folder, String database, Map<String, String> serverConfig, Loader loader)
            throws IOException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a lower-case SQL identifier: " + database);
        }
        Path data = folder.resolve(DATA_DIRECTORY);
        removeEarlierDataDirectory(data);
        Files.createDirectories(folder);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true);
        serverConfig.forEach(builder::setServerConfig);
        LocalPostgres postgres = new LocalPostgres(builder.start(), database);
        try {
            postgres.create(loader);
            return postgres;
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("cannot load database " + database + " (SQLState " + e.getSQLState() + ")", e);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}: no credentials, no parameters. */
    public String jdbcUrl() {
        return url(database);
    }

    /** The SELECT-only role to scan with. */
    public String user() {
        return READER;
    }

    public int port() {
        return server.getPort();
    }

    /** A connection as the server's superuser to {@code databaseName}; the caller closes it. */
    public Connection adminConnection(String databaseName) throws SQLException {
        return DriverManager.getConnection(url(databaseName) + "?reWriteBatchedInserts=true", ADMIN, "");
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL server", e);
        }
    }

    private String url(String databaseName) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + databaseName;
    }

    private void create(Loader loader) throws SQLException {
        try (Connection c = adminConnection("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE ROLE " + READER + " LOGIN");
        }
        try (Connection c = adminConnection(database)) {
            loader.load(c);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                for (String schema : userSchemas(s)) {
                    s.execute("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + READER);
                    s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA \"" + schema + "\" TO " + READER);
                }
            }
        }
    }

    private static List<String> userSchemas(Statement s) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                + "AND nspname <> 'information_schema' ORDER BY nspname")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /** Removes a data directory an earlier, unclean run left behind; refuses anything that is not one. */
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

package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.SecretRef;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens the only kind of connection the connector uses: read-only, in a read-only transaction where
 * the database has one (PostgreSQL, MySQL, MariaDB; SQLite files are opened read-only), autocommit off
 * (PostgreSQL streams rows with a fetch size only then), and a server-side statement timeout where the
 * database has one ({@code statement_timeout}, {@code max_statement_time}; MySQL gets a hint per query). The password reference is resolved
 * here, just before connecting, and is never kept. The caller owns (and closes) the connection;
 * since autocommit is off, it ends the transaction with a rollback.
 */
public final class ReadOnlyConnections {
    /** The application name PostgreSQL shows in pg_stat_activity and its log. */
    static final String APPLICATION_NAME = "piimap";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** SQLite's SQLITE_OPEN_READONLY flag, given as the driver's {@code open_mode} property. */
    static final int SQLITE_OPEN_READONLY = 0x01;

    private ReadOnlyConnections() {
    }

    /**
     * @throws SQLException          when no driver accepts the URL ({@link NoDriverException}), the driver cannot
     *                               connect, or the session cannot be made read-only
     * @throws SecretUnavailableException when the password reference cannot be resolved
     */
    static Connection open(JdbcSourceConfig config, Duration statementTimeout) throws SQLException {
        return open(config.url(), config.user(), config.password(), statementTimeout);
    }

    /**
     * A read-only connection for any reader of a database (the jdbc source, the support source's ticket
     * tables): read-only session characteristics, {@code setReadOnly}, a transaction that is rolled back
     * on close ({@link #closeQuietly}), the statement timeout set on the session where the database has one.
     *
     * @param password a secret reference, or null
     * @throws SQLException               when no driver accepts the URL, it cannot connect, or the session cannot
     *                                    be made read-only
     * @throws SecretUnavailableException when the password reference cannot be resolved
     */
    public static Connection open(String url, String user, SecretRef password, Duration statementTimeout)
            throws SQLException {
        requireDriver(url);
        Connection connection = DriverManager.getConnection(url, properties(url, user, password, DatabaseKind.ofUrl(url)));
        try {
            // Session settings first, in autocommit: in PostgreSQL a SET inside a rolled-back transaction is undone.
            sessionSettings(connection, DatabaseKind.of(connection.getMetaData()), statementTimeout);
            if (!connection.isReadOnly()) {
                connection.setReadOnly(true);
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** No registered driver accepts the URL; the message never repeats the URL, which may hold credentials. */
    static final class NoDriverException extends SQLException {
        private static final long serialVersionUID = 1L;
        private final String hint;

        NoDriverException(String hint) {
            super("no JDBC driver accepts the url", "08001");
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    private static void requireDriver(String url) throws NoDriverException {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            String u = url.toLowerCase(Locale.ROOT);
            throw new NoDriverException(u.startsWith("jdbc:mysql:") && !u.contains("permitmysqlscheme")
                    ? "for MySQL or MariaDB with the bundled MariaDB driver write jdbc:mariadb://... or add"
                    + " ?permitMysqlScheme to the jdbc:mysql: url"
                    : "put the database's JDBC driver jar on the classpath (bin/scan and Spark's --jars)");
        }
    }

    /** Ends the (read-only) transaction and closes; failures here change nothing already read. */
    public static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is going away; a failed rollback of a read-only transaction loses nothing
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // as above
        }
    }

    /** The password reference could not be resolved; the message names the variable or file, never a value. */
    public static final class SecretUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretUnavailableException(String detail) {
            super("cannot resolve the password reference: " + detail);
        }
    }

    private static Properties properties(String jdbcUrl, String user, SecretRef password, DatabaseKind kind) {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            try {
                p.setProperty("password", password.resolve());
            } catch (IllegalStateException | UncheckedIOException e) {
                throw new SecretUnavailableException(e.getMessage());
            }
        }
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        switch (kind) {
            case POSTGRESQL -> {
                putUnlessInUrl(p, url, "ApplicationName", APPLICATION_NAME);
                putUnlessInUrl(p, url, "connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
                putUnlessInUrl(p, url, "loginTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
            }
            case MARIADB, MYSQL -> putUnlessInUrl(p, url, "connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
            // SQLite opens files read-write unless told at open time; setReadOnly afterwards is refused.
            case SQLITE -> putUnlessInUrl(p, url, "open_mode", String.valueOf(SQLITE_OPEN_READONLY));
            default -> {
                // a generic driver gets user and password only
            }
        }
        return p;
    }

    private static void putUnlessInUrl(Properties p, String lowerCaseUrl, String key, String value) {
        if (!lowerCaseUrl.contains(key.toLowerCase(Locale.ROOT) + "=")) {
            p.setProperty(key, value);
        }
    }

    private static void sessionSettings(Connection connection, DatabaseKind kind, Duration timeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            switch (kind) {
                case POSTGRESQL -> {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                    s.execute("SET statement_timeout = " + timeout.toMillis());
                }
                case MARIADB -> {
                    s.execute("SET SESSION TRANSACTION READ ONLY");
                    s.execute("SET SESSION max_statement_time = " + timeout.toSeconds());
                }
                // MySQL bounds SELECTs with the MAX_EXECUTION_TIME hint SampleQuery writes into each query.
                case MYSQL -> s.execute("SET SESSION TRANSACTION READ ONLY");
                default -> {
                    // setReadOnly and setQueryTimeout are all a generic driver offers
                }
            }
        }
    }
}

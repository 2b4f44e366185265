package dev.piimap.scanner.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The time it takes merely to read an estate, the yardstick of the classification overhead: every
 * table through {@code COPY (SELECT * FROM t) TO STDOUT} into a sink that only counts (as the scanner's
 * SELECT-only role, over the same JDBC driver), then every file read once through a 1 MB buffer, on one
 * thread. The files were just written, so they are read from the page cache, as the scan reads them.
 *
 * @param databaseSeconds wall time of all COPY statements
 * @param databaseBytes   bytes COPY sent (text format)
 * @param fileSeconds     wall time of listing and reading all files
 * @param fileBytes       bytes read from files
 */
public record BaselineRead(double databaseSeconds, long databaseBytes, double fileSeconds, long fileBytes) {
    private static final int BUFFER_BYTES = 1 << 20;

    double seconds() {
        return databaseSeconds + fileSeconds;
    }

    /** Reads every table of {@code estate}, then every file under its files root. */
    static BaselineRead measure(Estate estate) throws IOException {
        long start = System.nanoTime();
        long databaseBytes = copyOut(estate.jdbcUrl(), estate.user(), estate.tables());
        double databaseSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long fileBytes = readFiles(estate.filesRoot());
        return new BaselineRead(databaseSeconds, databaseBytes, (System.nanoTime() - start) / 1e9, fileBytes);
    }

    private static long copyOut(String url, String user, List<String> tables) throws IOException {
        CountingSink sink = new CountingSink();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                copy.copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT", sink);
            }
        } catch (SQLException e) {
            throw new IOException("cannot COPY the estate's tables out (SQLState " + e.getSQLState() + ")", e);
        }
        return sink.bytes;
    }

    private static long readFiles(Path root) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        bytes += n;
                    }
                }
            }
        }
        return bytes;
    }

    /** Discards what it is given and counts the bytes. */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}

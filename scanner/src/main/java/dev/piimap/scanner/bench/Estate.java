package dev.piimap.scanner.bench;

import dev.piimap.scanner.demo.LocalPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One generated estate, live: an embedded PostgreSQL server holding its tables ({@link EstateTables})
 * and a folder of files ({@link EstateFiles}), both under the estate's folder. Open until
 * {@link #close()}, which stops the server and deletes its data directory; the files stay (the caller
 * deletes the folder).
 */
final class Estate implements AutoCloseable {
    static final String DATABASE = "estate";
    static final String DATABASE_SOURCE = "estate-db";
    static final String FILES_SOURCE = "estate-files";
    /**
     * Loading settings: the data is generated again on every run, so durability buys nothing. With
     * {@code wal_level=minimal} a table created and filled by COPY in one transaction writes no WAL.
     * None of these change how rows are read back.
     */
    static final Map<String, String> FAST_LOAD = Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
            "wal_level", "minimal", "max_wal_senders", "0", "max_wal_size", "4GB", "checkpoint_timeout", "30min");
    /** Generous limits, so that no table or file of a large estate is cut short and every row is classified. */
    static final int ITEM_SECONDS = 3_600;

    private final EstateSize size;
    private final Path folder;
    private final LocalPostgres postgres;
    private final EstateTables.Loaded tables;
    private final EstateFiles.Written files;
    private final double generateSeconds;

    private Estate(EstateSize size, Path folder, LocalPostgres postgres, EstateTables.Loaded tables, EstateFiles.Written files,
                   double generateSeconds) {
        this.size = size;
        this.folder = folder;
        this.postgres = postgres;
        this.tables = tables;
        this.files = files;
        this.generateSeconds = generateSeconds;
    }

    /**
     * Generates the estate of {@code size} under {@code folder} (created): the files on a second thread
     * while the database loads, so the two halves take about the time of the slower one.
     *
     * @throws IOException when the server cannot start, a load fails or a file cannot be written; nothing
     *                     is left running then
     */
    static Estate generate(EstateSize size, Path folder, long seed, Consumer<String> progress) throws IOException {
        Files.createDirectories(folder);
        long start = System.nanoTime();
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "piimap-estate-files");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<EstateFiles.Written> written = writer.submit(() -> EstateFiles.write(folder.resolve("files"), size.fileBytes(), seed));
            AtomicReference<EstateTables.Loaded> loaded = new AtomicReference<>();
            LocalPostgres postgres = LocalPostgres.start(folder.resolve("db"), DATABASE, FAST_LOAD,
                    admin -> loaded.set(EstateTables.load(admin, size.databaseBytes(), seed)));
            try {
                EstateFiles.Written files = written.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                progress.accept(String.format(Locale.ROOT, "%s: %,d tables (%,d rows, %.1f MB) and %,d files (%.1f MB) in %.1f s",
                        size.label(), loaded.get().tables().size(), loaded.get().rows(), loaded.get().bytes() / Units.MB,
                        files.files(), files.bytes() / Units.MB, seconds));
                return new Estate(size, folder, postgres, loaded.get(), files, seconds);
            } catch (ExecutionException | InterruptedException | RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("cannot write the estate's files", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the estate", e);
        } finally {
            writer.shutdownNow();
        }
    }

    /**
     * Writes the scan configuration of one measured run into {@code runFolder}: both sources, every row
     * read ({@code sample-rows: 0}), per-item limits raised to {@value #ITEM_SECONDS} s, the data map in
     * {@code runFolder/datamap}.
     *
     * @param maxConnections the database source's {@code max-connections}: at least the run's executor count
     */
    Path writeConfig(Path runFolder, int maxConnections) throws IOException {
        Files.createDirectories(runFolder);
        Path config = runFolder.resolve("scan.yaml");
        Files.writeString(config, """
                # Generated by `bin/scan bench-estate`: the %s estate, every row and file read.
                datamap: ./datamap
                extraction:
                  max-seconds-per-item: %d
                sources:
                  - name: %s
                    type: jdbc
                    url: %s
                    user: %s
                    sample-rows: 0
                    max-connections: %d
                    statement-timeout-seconds: %d
                  - name: %s
                    type: files
                    root: %s
                """.formatted(size.label(), ITEM_SECONDS, DATABASE_SOURCE, postgres.jdbcUrl(), postgres.user(), maxConnections,
                ITEM_SECONDS, FILES_SOURCE, filesRoot()), StandardCharsets.UTF_8);
        return config;
    }

    EstateSize size() {
        return size;
    }

    Path folder() {
        return folder;
    }

    Path filesRoot() {
        return folder.resolve("files");
    }

    String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    String user() {
        return postgres.user();
    }

    List<String> tables() {
        return tables.tables();
    }

    long rows() {
        return tables.rows();
    }

    /** Bytes of the rows as PostgreSQL COPY text. */
    long databaseBytes() {
        return tables.bytes();
    }

    long files() {
        return files.files();
    }

    long fileBytes() {
        return files.bytes();
    }

    long totalBytes() {
        return databaseBytes() + fileBytes();
    }

    double generateSeconds() {
        return generateSeconds;
    }

    /** Stops the database server and deletes its data directory. */
    @Override
    public void close() {
        postgres.close();
    }
}

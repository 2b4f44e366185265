package dev.piimap.scanner.bench;

import dev.piimap.scanner.eval.BenchCorpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The file half of a generated estate: text files of 0.5-1.5 MB (1 MB on average, so the number of
 * files, and the cost of listing them, grows with the estate), in turn application logs
 * ({@code logs/NNN/app-NNNNNN.log}), JSON logs ({@code events/NNN/events-NNNNNN.log}), CSV order exports
 * with a header ({@code exports/NNN/orders-NNNNNN.csv}) and prose notes ({@code notes/NNN/notes-NNNNNN.txt}),
 * at most {@value #FILES_PER_FOLDER} per folder. The text comes from {@link BenchCorpus} (the detection
 * benchmark's generator, about 2% of tokens personal data), one shape per kind; deterministic by seed.
 */
final class EstateFiles {
    static final int FILES_PER_FOLDER = 100;
    static final long MIN_FILE_BYTES = 512L << 10;
    static final int FILE_BYTES_SPREAD = 1 << 20;
    private static final int BUFFER_BYTES = 1 << 20;

    /** What was written: files and their bytes. */
    record Written(long files, long bytes) {
    }

    private record Kind(String folder, String prefix, String extension, String header, BenchCorpus.Shape shape) {
    }

    private static final Kind[] KINDS = {
            new Kind("logs", "app-", ".log", "", BenchCorpus.Shape.LOG_LINES),
            new Kind("events", "events-", ".log", "", BenchCorpus.Shape.JSON_LINES),
            new Kind("exports", "orders-", ".csv", "sku,product,price,quantity,ordered,customer_email\n", BenchCorpus.Shape.CSV_ROWS),
            new Kind("notes", "notes-", ".txt", "", BenchCorpus.Shape.PROSE)};

    private EstateFiles() {
    }

    /** Writes files under {@code root} (created) until {@code targetBytes} are written; the last file may be smaller. */
    static Written write(Path root, long targetBytes, long seed) throws IOException {
        Random random = new Random(seed);
        @SuppressWarnings("unchecked")
        Supplier<String>[] text = new Supplier[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            text[k] = BenchCorpus.documents(seed + 1 + k, KINDS[k].shape());
        }
        long files = 0;
        long bytes = 0;
        while (bytes < targetBytes) {
            int k = (int) (files % KINDS.length);
            Kind kind = KINDS[k];
            long perKindIndex = files / KINDS.length;
            Path folder = root.resolve(kind.folder()).resolve(String.format(Locale.ROOT, "%03d", perKindIndex / FILES_PER_FOLDER));
            Files.createDirectories(folder);
            Path file = folder.resolve(String.format(Locale.ROOT, "%s%06d%s", kind.prefix(), perKindIndex, kind.extension()));
            long fileTarget = Math.min(MIN_FILE_BYTES + random.nextInt(FILE_BYTES_SPREAD), targetBytes - bytes);
            bytes += writeFile(file, kind.header(), text[k], fileTarget);
            files++;
        }
        return new Written(files, bytes);
    }

    private static long writeFile(Path file, String header, Supplier<String> text, long targetBytes) throws IOException {
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES)) {
            byte[] head = header.getBytes(StandardCharsets.UTF_8);
            out.write(head);
            written += head.length;
            while (written < targetBytes) {
                byte[] doc = text.get().getBytes(StandardCharsets.UTF_8);
                out.write(doc);
                written += doc.length;
            }
        }
        return written;
    }
}

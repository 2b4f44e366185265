package dev.piimap.scanner.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a generated estate, written as a number and a binary unit ({@code 4MB}, {@code 100MB},
 * {@code 1GB}; MB = 1,048,576 bytes): about half of it becomes database rows, half files.
 *
 * @param label the size as written, upper-cased ({@code 100MB}); also the estate's folder name
 * @param bytes the total to generate
 */
public record EstateSize(String label, long bytes) {
    /** Smaller estates have no file left after the database's half (files are about 1 MB each). */
    public static final long MIN_BYTES = 2L << 20;
    public static final long MAX_BYTES = 1L << 40;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,7})\\s*(KB|MB|GB|TB)");

    /**
     * Parses {@code 100MB}, {@code 1GB} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted form when it is not a size
     *                                  between {@link #MIN_BYTES} and {@link #MAX_BYTES}
     */
    public static EstateSize parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 100MB or 1GB");
        }
        int shift = switch (m.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 40;
        };
        long number = Long.parseLong(m.group(1));
        if (number > (MAX_BYTES >> shift) || number << shift < MIN_BYTES) {
            throw new IllegalArgumentException("'" + text + "' is outside 2MB..1TB");
        }
        return new EstateSize(m.group(1) + m.group(2), number << shift);
    }

    /** Parses a comma-separated list; rejects an empty list and repeated sizes. */
    public static List<EstateSize> parseList(String text) {
        List<EstateSize> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            EstateSize size = parse(part);
            if (sizes.stream().anyMatch(s -> s.bytes() == size.bytes())) {
                throw new IllegalArgumentException("size " + size.label() + " is given twice");
            }
            sizes.add(size);
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no size given");
        }
        return List.copyOf(sizes);
    }

    /** Bytes of database rows to generate (COPY text format); the rest is files. */
    public long databaseBytes() {
        return bytes / 2;
    }

    public long fileBytes() {
        return bytes - databaseBytes();
    }
}

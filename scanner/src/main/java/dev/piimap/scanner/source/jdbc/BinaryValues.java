package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.extract.DocumentOutcome;
import dev.piimap.scanner.extract.DocumentSink;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.extract.TextExtractor;
import dev.piimap.scanner.extract.TikaTextExtractor;
import dev.piimap.scanner.source.ItemStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The text of a binary column's values (documents, images with text, mail stored in a blob), extracted
 * with Tika one value at a time: at most {@link #maxBytes} bytes of a value are read (larger values are
 * skipped), each value gets the extraction limits of the scan with the time left in the item's budget,
 * and at most the characters the caller still accepts are kept. Tallies what happened to the values
 * so the column's outcome can say it. Not thread-safe: one instance per column.
 */
final class BinaryValues {
    /** Bytes of one value read at most, whatever the per-item limit says: a row is held in memory. */
    static final long MAX_BYTES_PER_VALUE = 64L << 20;

    private final String name;
    private final long maxBytes;
    private final Function<ExtractionLimits, TextExtractor> extractors;
    private final ExtractionLimits limits;
    private long values;
    private long withText;
    private long cut;
    private String firstCut;
    private String firstNoText;

    /**
     * @param name       the column's asset name, given to the extractor as the value's name
     * @param extractors builds an extractor for the given limits ({@link TikaTextExtractor} in production)
     */
    BinaryValues(String name, ExtractionLimits limits, Function<ExtractionLimits, TextExtractor> extractors) {
        this.name = name;
        this.limits = limits;
        this.extractors = extractors;
        this.maxBytes = Math.min(MAX_BYTES_PER_VALUE, limits.maxBytesPerItem());
    }

    static BinaryValues withTika(String name, ExtractionLimits limits) {
        return new BinaryValues(name, limits, TikaTextExtractor::new);
    }

    /**
     * The text of one value, or null when it had none (or could not be read within the limits).
     *
     * @param value    the value's bytes; the caller closes it; null for SQL NULL
     * @param timeLeft what is left of the item's time budget
     * @param maxChars characters the caller still accepts for this column
     */
    String extract(InputStream value, Duration timeLeft, long maxChars) throws IOException {
        if (value == null) {
            return null;
        }
        byte[] bytes = value.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        values++;
        if (bytes.length > maxBytes) {
            noteCut(String.format(Locale.ROOT, "a value over the size limit of %,d bytes was skipped", maxBytes));
            return null;
        }
        if (bytes.length == 0) {
            return null;
        }
        Duration time = timeLeft.compareTo(limits.maxTimePerItem()) < 0 ? timeLeft : limits.maxTimePerItem();
        ExtractionLimits valueLimits = limits.withMaxTimePerItem(time.isNegative() || time.isZero() ? Duration.ofMillis(1) : time)
                .withMaxCharsPerItem(Math.max(1, Math.min(maxChars, limits.maxCharsPerItem())));
        Collected collected = new Collected();
        extractors.apply(valueLimits).extract(new ByteArrayInputStream(bytes), name, bytes.length, collected);
        DocumentOutcome outcome = collected.rootOutcome;
        if (collected.text.length() > 0) {
            withText++;
            if (outcome != null && outcome.status() == ItemStatus.TRUNCATED) {
                noteCut(outcome.reason());
            }
            return collected.text.toString();
        }
        if (firstNoText == null) {
            firstNoText = outcome == null || outcome.reason() == null ? "no text extracted" : outcome.reason();
        }
        return null;
    }

    /** Status of the column as far as its binary values go: ok, truncated (some cut short) or skipped (no text at all). */
    ItemStatus status() {
        return outcome().status();
    }

    /** The reason for a status other than ok, else null. */
    String detail() {
        return outcome().detail();
    }

    /** The tallies behind {@link #status} and {@link #detail}, which a column read in parts merges. */
    Outcome outcome() {
        return new Outcome(values, withText, cut, firstCut, firstNoText);
    }

    /**
     * What happened to a column's binary values: how many were read, had text, were cut short, and the first
     * reasons. {@link #merge} adds the values read after these, as one read of both would have counted them.
     */
    record Outcome(long values, long withText, long cut, String firstCut, String firstNoText) implements java.io.Serializable {
        Outcome merge(Outcome later) {
            return new Outcome(values + later.values, withText + later.withText, cut + later.cut,
                    firstCut != null ? firstCut : later.firstCut, firstNoText != null ? firstNoText : later.firstNoText);
        }

        ItemStatus status() {
            if (values == 0 || (withText > 0 && cut == 0)) {
                return ItemStatus.OK;
            }
            return withText > 0 ? ItemStatus.TRUNCATED : ItemStatus.SKIPPED;
        }

        String detail() {
            return switch (status()) {
                case OK -> null;
                case TRUNCATED -> String.format(Locale.ROOT, "%,d of %,d binary values cut short; first: %s", cut, values, firstCut);
                default -> String.format(Locale.ROOT, "no text in %,d binary value%s; first: %s", values, values == 1 ? "" : "s",
                        firstCut != null ? firstCut : firstNoText);
            };
        }
    }

    private void noteCut(String reason) {
        cut++;
        if (firstCut == null) {
            firstCut = reason;
        }
    }

    /** Keeps the text of every document of one value, and the outcome of the value itself. */
    private final class Collected implements DocumentSink {
        final StringBuilder text = new StringBuilder();
        DocumentOutcome rootOutcome;

        @Override
        public void start(String path, Long bytes) {
            if (text.length() > 0) {
                text.append('\n');
            }
        }

        @Override
        public void text(String path, CharSequence chunk) {
            text.append(chunk);
        }

        @Override
        public void end(String path, DocumentOutcome outcome) {
            if (path.equals(name)) {
                rootOutcome = outcome;
            }
        }
    }
}

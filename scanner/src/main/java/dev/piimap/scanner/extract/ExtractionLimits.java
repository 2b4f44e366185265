package dev.piimap.scanner.extract;

import java.io.Serializable;
import java.time.Duration;

/**
 * Explicit bounds for extracting text from one item (RELIABILITY.md 2 and 4). Several of Tika's own
 * defaults are unlimited, so every limit is set here and named in the outcome that hits it.
 *
 * @param maxEmbeddedDepth  how deep archives and attachments are followed (the item itself is depth 0)
 * @param maxEmbeddedCount  how many embedded entries of one item are extracted
 * @param maxCharsPerItem   characters of text kept per asset; beyond it the asset is {@code truncated}
 * @param maxBytesPerItem   raw bytes read per item; larger items are {@code skipped}
 * @param maxZipRatio       decompressed/compressed ratio above which an archive entry is treated as a bomb:
 *                          bytes read out of containers may total at most this times the item's size (at
 *                          least 1 MiB); Tika's own check of text output per input byte uses it too
 * @param maxXmlDepth       element nesting allowed in the structured text a parser emits (XHTML)
 * @param maxTimePerItem    wall time per item; when it runs out the item is {@code truncated}/{@code skipped}
 * @param ocr               whether and how images and scanned pages are read by OCR (not a limit, but part
 *                          of how an item is extracted, so it travels with the limits to every executor)
 */
public record ExtractionLimits(int maxEmbeddedDepth, int maxEmbeddedCount, long maxCharsPerItem,
                               long maxBytesPerItem, long maxZipRatio, int maxXmlDepth,
                               Duration maxTimePerItem, OcrSettings ocr) implements Serializable {
    public static final int DEFAULT_MAX_EMBEDDED_DEPTH = 5;
    public static final int DEFAULT_MAX_EMBEDDED_COUNT = 1_000;
    public static final long DEFAULT_MAX_CHARS_PER_ITEM = 10_000_000L;
    public static final long DEFAULT_MAX_BYTES_PER_ITEM = 512L * 1024 * 1024;
    public static final long DEFAULT_MAX_ZIP_RATIO = 100L;
    public static final int DEFAULT_MAX_XML_DEPTH = 100;
    public static final Duration DEFAULT_MAX_TIME_PER_ITEM = Duration.ofSeconds(120);

    public ExtractionLimits {
        ocr = ocr == null ? OcrSettings.auto() : ocr;
    }

    /** Limits with OCR on where Tesseract is installed. */
    public ExtractionLimits(int maxEmbeddedDepth, int maxEmbeddedCount, long maxCharsPerItem, long maxBytesPerItem,
                            long maxZipRatio, int maxXmlDepth, Duration maxTimePerItem) {
        this(maxEmbeddedDepth, maxEmbeddedCount, maxCharsPerItem, maxBytesPerItem, maxZipRatio, maxXmlDepth,
                maxTimePerItem, OcrSettings.auto());
    }

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_EMBEDDED_DEPTH, DEFAULT_MAX_EMBEDDED_COUNT,
                DEFAULT_MAX_CHARS_PER_ITEM, DEFAULT_MAX_BYTES_PER_ITEM, DEFAULT_MAX_ZIP_RATIO,
                DEFAULT_MAX_XML_DEPTH, DEFAULT_MAX_TIME_PER_ITEM);
    }

    // Copies with one limit changed.

    public ExtractionLimits withMaxEmbeddedDepth(int value) {
        return new ExtractionLimits(value, maxEmbeddedCount, maxCharsPerItem, maxBytesPerItem, maxZipRatio,
                maxXmlDepth, maxTimePerItem, ocr);
    }

    public ExtractionLimits withMaxEmbeddedCount(int value) {
        return new ExtractionLimits(maxEmbeddedDepth, value, maxCharsPerItem, maxBytesPerItem, maxZipRatio,
                maxXmlDepth, maxTimePerItem, ocr);
    }

    public ExtractionLimits withMaxCharsPerItem(long value) {
        return new ExtractionLimits(maxEmbeddedDepth, maxEmbeddedCount, value, maxBytesPerItem, maxZipRatio,
                maxXmlDepth, maxTimePerItem, ocr);
    }

    public ExtractionLimits withMaxBytesPerItem(long value) {
        return new ExtractionLimits(maxEmbeddedDepth, maxEmbeddedCount, maxCharsPerItem, value, maxZipRatio,
                maxXmlDepth, maxTimePerItem, ocr);
    }

    public ExtractionLimits withMaxZipRatio(long value) {
        return new ExtractionLimits(maxEmbeddedDepth, maxEmbeddedCount, maxCharsPerItem, maxBytesPerItem, value,
                maxXmlDepth, maxTimePerItem, ocr);
    }

    public ExtractionLimits withMaxXmlDepth(int value) {
        return new ExtractionLimits(maxEmbeddedDepth, maxEmbeddedCount, maxCharsPerItem, maxBytesPerItem, maxZipRatio,
                value, maxTimePerItem, ocr);
    }

    public ExtractionLimits withMaxTimePerItem(Duration value) {
        return new ExtractionLimits(maxEmbeddedDepth, maxEmbeddedCount, maxCharsPerItem, maxBytesPerItem, maxZipRatio,
                maxXmlDepth, value, ocr);
    }

    public ExtractionLimits withOcr(OcrSettings value) {
        return new ExtractionLimits(maxEmbeddedDepth, maxEmbeddedCount, maxCharsPerItem, maxBytesPerItem, maxZipRatio,
                maxXmlDepth, maxTimePerItem, value);
    }
}

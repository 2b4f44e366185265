package dev.piimap.scanner.extract;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link TextExtractor} on Apache Tika: type auto-detection, every standard parser except the ones
 * that start external programs (ExifTool, FFmpeg), Tika's secure XML settings (no external entities,
 * no DTD loading, a small entity expansion limit), and no network access. Images and scanned PDF pages
 * go through Tesseract OCR when {@link OcrSettings} enable it and the program is installed; otherwise
 * they end {@code skipped} with the reason {@value OcrSettings#NO_ENGINE}.
 *
 * <p>Each item is parsed on its own daemon thread while the caller waits at most the time limit; then
 * the parse is stopped (every budgeted stream and handler fails), interrupted, given a short grace and
 * abandoned. Thread-safe: one instance can serve every item of a JVM with the same limits.
 */
public final class TikaTextExtractor implements TextExtractor {
    /** How long an interrupted parse may take to wind down before it is abandoned. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * Every standard parser but the ones that start external programs; Tesseract is added back, with
     * explicit settings, only where OCR is active (see {@link #tikaConfigXml}).
     */
    private static final String TIKA_CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <properties>
              <parsers>
                <parser class="org.apache.tika.parser.DefaultParser">
                  <parser-exclude class="org.apache.tika.parser.ocr.TesseractOCRParser"/>
                  <parser-exclude class="org.apache.tika.parser.external.CompositeExternalParser"/>
                </parser>
            %s  </parsers>
            </properties>
            """;
    private static final String TESSERACT = """
                <parser class="org.apache.tika.parser.ocr.TesseractOCRParser">
                  <params>
                    <param name="language" type="string">%s</param>
                    <param name="timeout" type="int">%d</param>
                    <param name="maxFileSizeToOcr" type="long">%d</param>
            %s      </params>
                </parser>
            """;
    /** Images larger than this are not handed to Tesseract (a decompressed page bomb costs memory). */
    static final long MAX_IMAGE_BYTES_TO_OCR = 64L * 1024 * 1024;
    private static final AtomicLong THREADS = new AtomicLong();
    /** Tika configurations by their XML: loading one instantiates every parser, so it happens once. */
    private static final Map<String, TikaConfig> CONFIGS = new ConcurrentHashMap<>();

    private final ExtractionLimits limits;
    private final Parser parser;

    public TikaTextExtractor(ExtractionLimits limits) {
        this(limits, autoDetectParser(limits));
    }

    /** With another parser in place of Tika's auto-detection: for tests that script failures. */
    TikaTextExtractor(ExtractionLimits limits, Parser parser) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public void extract(InputStream stream, String name, long size, DocumentSink sink) {
        GuardedSink guarded = new GuardedSink(sink);
        ItemBudget budget = new ItemBudget(limits, size);
        AtomicReference<String> failure = new AtomicReference<>();
        try {
            if (size == 0) {
                guarded.start(name, 0L);
                guarded.end(name, DocumentOutcome.skipped("empty file"));
            } else if (size > limits.maxBytesPerItem()) {
                guarded.start(name, size);
                guarded.end(name, DocumentOutcome.skipped(LimitReasons.size(limits.maxBytesPerItem())));
            } else {
                runWithTimeLimit(new ItemExtraction(parser, budget, guarded), stream, name, size, budget, failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, internalError(e));
        } finally {
            String internal = failure.get();
            String stop = budget.stopReason() != null ? budget.stopReason() : "internal error (no outcome)";
            guarded.close(name, hadContent -> internal != null ? DocumentOutcome.error(internal)
                    : DocumentOutcome.cutBy(stop, hadContent));
        }
    }

    /** The limits this extractor applies. */
    public ExtractionLimits limits() {
        return limits;
    }

    /**
     * Parses on a daemon thread and waits for it at most the time limit; then stops the item,
     * interrupts the thread and waits a short grace before abandoning it.
     */
    private static void runWithTimeLimit(ItemExtraction extraction, InputStream stream, String name, long size,
                                         ItemBudget budget, AtomicReference<String> failure)
            throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                extraction.run(stream, name, size);
            } catch (Throwable t) { // the sink or this code failed, not a parser: those are outcomes already
                failure.compareAndSet(null, internalError(t));
            }
        }, "piimap-extract-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        boolean interrupted = false;
        try {
            worker.join(Math.max(1, budget.limits().maxTimePerItem().toMillis()));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (worker.isAlive()) {
            budget.stop(interrupted ? "scan interrupted" : LimitReasons.time(budget.limits().maxTimePerItem()));
            worker.interrupt();
            if (!interrupted) {
                worker.join(GRACE.toMillis());
            }
        }
        if (interrupted) {
            throw new InterruptedException();
        }
    }

    private static String internalError(Throwable t) {
        return "internal error (" + t.getClass().getSimpleName() + ")";
    }

    private static Parser autoDetectParser(ExtractionLimits limits) {
        AutoDetectParser parser = new AutoDetectParser(tikaConfig(limits));
        AutoDetectParserConfig adpc = new AutoDetectParserConfig(null, null, limits.maxZipRatio(),
                limits.maxXmlDepth(), limits.maxEmbeddedDepth());
        adpc.setThrowOnZeroBytes(true);
        parser.setAutoDetectParserConfig(adpc);
        return parser;
    }

    /** Tika's configuration for these limits: with Tesseract where OCR is active, loaded once per JVM. */
    static TikaConfig tikaConfig(ExtractionLimits limits) {
        return CONFIGS.computeIfAbsent(tikaConfigXml(limits), xml -> {
            try {
                return new TikaConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the built-in Tika configuration", e);
            }
        });
    }

    /** Tika's configuration without OCR. */
    static TikaConfig tikaConfig() {
        return tikaConfig(ExtractionLimits.defaults().withOcr(OcrSettings.off()));
    }

    static String tikaConfigXml(ExtractionLimits limits) {
        OcrSettings ocr = limits.ocr();
        if (!OcrEngine.active(ocr)) {
            return TIKA_CONFIG.formatted("");
        }
        String path = ocr.tesseractPath() == null ? ""
                : "            <param name=\"tesseractPath\" type=\"string\">" + xmlText(ocr.tesseractPath()) + "</param>\n";
        long seconds = Math.max(1, Math.min(Integer.MAX_VALUE, limits.maxTimePerItem().toSeconds()));
        return TIKA_CONFIG.formatted(TESSERACT.formatted(ocr.languages(), seconds,
                Math.min(limits.maxBytesPerItem(), MAX_IMAGE_BYTES_TO_OCR), path));
    }

    private static String xmlText(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

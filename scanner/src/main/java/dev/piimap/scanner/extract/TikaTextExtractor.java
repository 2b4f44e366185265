package dev.piimap.scanner.extract;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link TextExtractor} on Apache Tika: type auto-detection, every standard parser except the ones
 * that start external programs (OCR, ExifTool, FFmpeg), Tika's secure XML settings (no external
 * entities, no DTD loading, a small entity expansion limit), and no network access.
 *
 * <p>Each item is parsed on its own daemon thread while the caller waits at most the time limit; then
 * the parse is stopped (every budgeted stream and handler fails), interrupted, given a short grace and
 * abandoned. Thread-safe: one instance can serve every item of a JVM with the same limits.
 */
public final class TikaTextExtractor implements TextExtractor {
    /** How long an interrupted parse may take to wind down before it is abandoned. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final String TIKA_CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <properties>
              <parsers>
                <parser class="org.apache.tika.parser.DefaultParser">
                  <parser-exclude class="org.apache.tika.parser.ocr.TesseractOCRParser"/>
                  <parser-exclude class="org.apache.tika.parser.external.CompositeExternalParser"/>
                </parser>
              </parsers>
            </properties>
            """;
    private static final AtomicLong THREADS = new AtomicLong();
    private static volatile TikaConfig config;

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
        AutoDetectParser parser = new AutoDetectParser(tikaConfig());
        AutoDetectParserConfig adpc = new AutoDetectParserConfig(null, null, limits.maxZipRatio(),
                limits.maxXmlDepth(), limits.maxEmbeddedDepth());
        adpc.setThrowOnZeroBytes(true);
        parser.setAutoDetectParserConfig(adpc);
        return parser;
    }

    /** Tika's configuration, loaded once per JVM (it instantiates every parser). */
    static TikaConfig tikaConfig() {
        TikaConfig c = config;
        if (c == null) {
            synchronized (TikaTextExtractor.class) {
                c = config;
                if (c == null) {
                    try {
                        c = new TikaConfig(new ByteArrayInputStream(TIKA_CONFIG.getBytes(StandardCharsets.UTF_8)));
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot load the built-in Tika configuration", e);
                    }
                    config = c;
                }
            }
        }
        return c;
    }
}

package dev.piimap.scanner.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pkg.PackageParser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A parser that hangs, spins, throws or runs out of memory costs its item, never the caller. */
class MisbehavingParserTest {
    private static final ExtractionLimits LIMITS = ExtractionLimits.defaults().withMaxTimePerItem(Duration.ofMillis(300));
    private static final byte[] INPUT = "some input".getBytes(StandardCharsets.UTF_8);

    @Test
    @Timeout(10)
    void hangingParserIsCutAtTheTimeLimit() {
        long start = System.nanoTime();

        RecordingSink sink = extractWith(new ScriptedParser(ScriptedParser.Script.HANG));

        assertThat(sink.outcomes.get("item.txt")).isEqualTo(DocumentOutcome.truncated("time limit 300ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    @Timeout(10)
    void parserIgnoringInterruptsIsAbandonedAfterTheGrace() {
        ScriptedParser spinner = new ScriptedParser(ScriptedParser.Script.SPIN_IGNORING_INTERRUPTS);
        long start = System.nanoTime();
        try {
            RecordingSink sink = extractWith(spinner);

            // Its text never left the parse's buffer, so nothing of it was classified: skipped, not truncated.
            assertThat(sink.outcomes.get("item.txt")).isEqualTo(DocumentOutcome.skipped("time limit 300ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(LIMITS.maxTimePerItem().plus(TikaTextExtractor.GRACE).plusSeconds(1));
        } finally {
            spinner.release.set(true);
        }
    }

    @Test
    void parserExceptionBecomesAnErrorWithoutItsMessage() {
        RecordingSink sink = extractWith(new ScriptedParser(ScriptedParser.Script.THROW_WITH_CONTENT));

        DocumentOutcome outcome = sink.outcomes.get("item.txt");
        assertThat(outcome).isEqualTo(DocumentOutcome.error("parser failure on text (IllegalStateException)"));
        assertThat(outcome.reason()).doesNotContain("leaked@example.com");
    }

    @Test
    void outOfMemoryInAParserCostsOnlyItsItem() {
        RecordingSink failed = extractWith(new ScriptedParser(ScriptedParser.Script.OUT_OF_MEMORY));
        RecordingSink next = new RecordingSink();
        new TikaTextExtractor(ExtractionLimits.defaults())
                .extract(new ByteArrayInputStream(INPUT), "next.txt", INPUT.length, next);

        assertThat(failed.outcomes.get("item.txt")).isEqualTo(DocumentOutcome.error("out of memory (OutOfMemoryError)"));
        assertThat(next.outcomes.get("next.txt")).isEqualTo(DocumentOutcome.ok());
        assertThat(next.text("next.txt")).contains("some input");
    }

    @Test
    @Timeout(10)
    void sinkHearsNothingAfterExtractReturns() throws Exception {
        ScriptedParser spinner = new ScriptedParser(ScriptedParser.Script.SPIN_IGNORING_INTERRUPTS);
        RecordingSink sink = extractWith(spinner);
        int events = sink.events.size();

        spinner.release.set(true);
        Thread.sleep(200);

        assertThat(sink.events).hasSize(events);
        assertThat(sink.events).containsExactly("start item.txt", "end item.txt skipped: time limit 300ms");
    }

    @Test
    @Timeout(10)
    void timeLimitInsideAnArchiveEndsEveryOpenDocument() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a-first.txt", INPUT);
        entries.put("b-hangs.txt", INPUT);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        ScriptedParser hangsOnSecond = new ScriptedParser(ScriptedParser.Script.HANG) {
            private int calls;

            @Override
            public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
                    throws SAXException {
                if (++calls == 1) {
                    handler.characters(TEXT.toCharArray(), 0, TEXT.length());
                    return;
                }
                super.parse(stream, handler, metadata, context);
            }
        };
        Parser zipsWithScriptedText = new AutoDetectParser(new PackageParser(), hangsOnSecond);
        RecordingSink sink = new RecordingSink();

        new TikaTextExtractor(LIMITS, zipsWithScriptedText)
                .extract(new ByteArrayInputStream(zip.toByteArray()), "bundle.zip", zip.size(), sink);

        assertThat(sink.outcomes).containsOnlyKeys("bundle.zip", "bundle.zip!/a-first.txt", "bundle.zip!/b-hangs.txt");
        assertThat(sink.outcomes.get("bundle.zip!/a-first.txt")).isEqualTo(DocumentOutcome.ok());
        assertThat(sink.outcomes.get("bundle.zip!/b-hangs.txt").reason()).isEqualTo("time limit 300ms");
        assertThat(sink.outcomes.get("bundle.zip")).isEqualTo(DocumentOutcome.truncated("time limit 300ms"));
        assertThat(sink.events.get(sink.events.size() - 1)).startsWith("end bundle.zip ");
    }

    private static RecordingSink extractWith(ScriptedParser parser) {
        RecordingSink sink = new RecordingSink();
        new TikaTextExtractor(LIMITS, parser).extract(new ByteArrayInputStream(INPUT), "item.txt", INPUT.length, sink);
        return sink;
    }
}

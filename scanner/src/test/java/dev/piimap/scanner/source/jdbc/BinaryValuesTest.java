package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.extract.DocumentOutcome;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.extract.TextExtractor;
import dev.piimap.scanner.source.ItemStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Binary values through a scripted extractor: what it is given, and how its outcomes become the column's. */
class BinaryValuesTest {
    private final List<ExtractionLimits> given = new ArrayList<>();

    /** Echoes the bytes as text, except "EMPTY" (no text) and "CUT" (text, then truncated). */
    private final TextExtractor scripted = (stream, name, size, sink) -> {
        String content;
        try {
            content = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sink.start(name, size);
        switch (content) {
            case "EMPTY" -> sink.end(name, DocumentOutcome.skipped("no text extracted (image/png)"));
            case "CUT" -> {
                sink.text(name, "partial text");
                sink.end(name, DocumentOutcome.truncated("time limit 1s"));
            }
            default -> {
                sink.text(name, content);
                sink.end(name, DocumentOutcome.ok());
            }
        }
    };

    private BinaryValues values(ExtractionLimits limits) {
        return new BinaryValues("t.c.blob", limits, l -> {
            given.add(l);
            return scripted;
        });
    }

    @Test
    void extractsOneValueAtATimeWithTheTimeLeftAndTheCharactersLeft() throws IOException {
        BinaryValues values = values(ExtractionLimits.defaults());

        assertThat(values.extract(in("hello"), Duration.ofSeconds(3), 500)).isEqualTo("hello");

        assertThat(given).singleElement().satisfies(l -> {
            assertThat(l.maxTimePerItem()).isEqualTo(Duration.ofSeconds(3));
            assertThat(l.maxCharsPerItem()).isEqualTo(500);
        });
        assertThat(values.status()).isEqualTo(ItemStatus.OK);
    }

    @Test
    void valuesOverTheSizeLimitAreSkippedUnread() throws IOException {
        BinaryValues values = values(ExtractionLimits.defaults().withMaxBytesPerItem(4));

        assertThat(values.extract(in("12345"), Duration.ofSeconds(3), 500)).isNull();
        assertThat(values.extract(in("1234"), Duration.ofSeconds(3), 500)).isEqualTo("1234");

        assertThat(given).hasSize(1);
        assertThat(values.status()).isEqualTo(ItemStatus.TRUNCATED);
        assertThat(values.detail()).isEqualTo("1 of 2 binary values cut short; first: a value over the size limit of 4 bytes was skipped");
    }

    @Test
    void columnWithoutAnyTextIsSkippedNamingTheFirstReason() throws IOException {
        BinaryValues values = values(ExtractionLimits.defaults());
        values.extract(in("EMPTY"), Duration.ofSeconds(3), 500);
        values.extract(in("EMPTY"), Duration.ofSeconds(3), 500);
        values.extract(null, Duration.ofSeconds(3), 500);

        assertThat(values.status()).isEqualTo(ItemStatus.SKIPPED);
        assertThat(values.detail()).isEqualTo("no text in 2 binary values; first: no text extracted (image/png)");
    }

    @Test
    void valuesCutByAnExtractionLimitMakeTheColumnTruncated() throws IOException {
        BinaryValues values = values(ExtractionLimits.defaults());
        assertThat(values.extract(in("CUT"), Duration.ofSeconds(3), 500)).isEqualTo("partial text");

        assertThat(values.status()).isEqualTo(ItemStatus.TRUNCATED);
        assertThat(values.detail()).isEqualTo("1 of 1 binary values cut short; first: time limit 1s");
    }

    @Test
    void realTikaExtractsTextFromADocumentAndNoneFromNoise() throws IOException {
        BinaryValues values = BinaryValues.withTika("t.c.blob", ExtractionLimits.defaults());

        assertThat(values.extract(in("<html><body><p>Call Ann at ann@example.com</p></body></html>"),
                Duration.ofSeconds(30), 10_000)).contains("ann@example.com");
        assertThat(values.extract(new ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}),
                Duration.ofSeconds(30), 10_000)).isNull();
        assertThat(values.status()).isEqualTo(ItemStatus.OK);
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

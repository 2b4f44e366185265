package dev.piimap.scanner.extract;

import org.apache.tika.io.TikaInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records what an extractor reports, and checks the sink contract as it goes (start before text and end, once). */
final class RecordingSink implements DocumentSink {
    final List<String> events = new ArrayList<>();
    final Map<String, StringBuilder> texts = new LinkedHashMap<>();
    final Map<String, DocumentOutcome> outcomes = new LinkedHashMap<>();
    final Map<String, Long> bytes = new LinkedHashMap<>();
    int largestChunk;

    @Override
    public synchronized void start(String path, Long size) {
        if (texts.containsKey(path)) {
            throw new AssertionError("started twice: " + path);
        }
        events.add("start " + path);
        texts.put(path, new StringBuilder());
        bytes.put(path, size);
    }

    @Override
    public synchronized void text(String path, CharSequence chunk) {
        if (!texts.containsKey(path) || outcomes.containsKey(path)) {
            throw new AssertionError("text outside the document: " + path);
        }
        largestChunk = Math.max(largestChunk, chunk.length());
        texts.get(path).append(chunk);
    }

    @Override
    public synchronized void end(String path, DocumentOutcome outcome) {
        if (!texts.containsKey(path) || outcomes.containsKey(path)) {
            throw new AssertionError("ended twice or never started: " + path);
        }
        events.add("end " + path + " " + outcome.status().wireName() + (outcome.reason() == null ? "" : ": " + outcome.reason()));
        outcomes.put(path, outcome);
    }

    String text(String path) {
        return texts.get(path).toString();
    }

    /** Extracts a file the way the files source does: from a file-backed stream with its size. */
    static RecordingSink extract(Path file, ExtractionLimits limits) throws IOException {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = TikaInputStream.get(file)) {
            new TikaTextExtractor(limits).extract(in, file.getFileName().toString(), Files.size(file), sink);
        }
        return sink;
    }

    /** Extracts a plain stream of unknown size. */
    static RecordingSink extractStream(Path file, ExtractionLimits limits) throws IOException {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            new TikaTextExtractor(limits).extract(in, file.getFileName().toString(), -1, sink);
        }
        return sink;
    }
}

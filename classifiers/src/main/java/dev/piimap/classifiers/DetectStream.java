package dev.piimap.classifiers;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.piimap.classifiers.detect.Finding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code detect} command's engine (CONTRACT section 3): JSON Lines {@code {"id", "text"}} in,
 * one line {@code {"id", "findings": [{"type", "start", "end", "score", "detector"}]}} out per input
 * line, in input order. Scores are rounded to two decimals; the matched {@code "text"} is added to
 * each finding only when asked. A line that is not a JSON object with a string {@code text} gets an
 * error line instead, e.g. {@code {"id":null,"line":7,"error":"invalid JSON"}}, which echoes no
 * content, and the stream goes on.
 *
 * <p>Streaming with bounded memory: at most {@value #IN_FLIGHT_PER_THREAD} lines per worker thread are
 * held at once. Output is flushed whenever the input has nothing more ready, so an interactive pipe
 * sees each answer promptly.
 */
public final class DetectStream {
    static final int IN_FLIGHT_PER_THREAD = 64;
    /** Longest {@code text} accepted, in characters; longer lines get an "invalid JSON" error. */
    static final int MAX_TEXT_CHARS = 1 << 28;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT_CHARS).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DetectStream() {
    }

    /**
     * Classifies every line of {@code in} and writes the results to {@code out}. The caller owns
     * and closes both; {@code out} is flushed before returning.
     *
     * @param showValues add each finding's matched text (off by default on the command line)
     * @param threads    worker threads; 1 or less classifies on the calling thread
     * @throws IOException when reading {@code in} or writing {@code out} fails (not for bad lines)
     */
    public static void run(Reader in, Writer out, Classifier classifier, boolean showValues, int threads)
            throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        if (threads <= 1) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                writeLine(out, answer(line, ++lineNumber, classifier, showValues));
                if (!reader.ready()) {
                    out.flush();
                }
            }
            out.flush();
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            ArrayDeque<Future<String>> pending = new ArrayDeque<>();
            int maxInFlight = threads * IN_FLIGHT_PER_THREAD;
            long lineNumber = 0;
            while (true) {
                if (!pending.isEmpty() && !reader.ready()) {
                    while (!pending.isEmpty()) {
                        writeLine(out, await(pending.poll()));
                    }
                    out.flush();
                }
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                long number = ++lineNumber;
                pending.add(workers.submit(() -> answer(line, number, classifier, showValues)));
                while (pending.size() >= maxInFlight) {
                    writeLine(out, await(pending.poll()));
                }
            }
            while (!pending.isEmpty()) {
                writeLine(out, await(pending.poll()));
            }
            out.flush();
        } finally {
            workers.shutdownNow();
        }
    }

    /** The output line for one input line; never throws. */
    static String answer(String line, long lineNumber, Classifier classifier, boolean showValues) {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (JacksonException e) {
            return error(null, lineNumber, "invalid JSON");
        }
        if (request == null || !request.isObject()) {
            return error(null, lineNumber, request == null || request.isMissingNode() ? "invalid JSON" : "not a JSON object");
        }
        JsonNode id = request.get("id");
        JsonNode text = request.get("text");
        if (text == null || !text.isTextual()) {
            return error(id, lineNumber, "missing \"text\" string");
        }
        String value = text.textValue();
        try {
            StringWriter buffer = new StringWriter(64);
            try (JsonGenerator g = JSON.createGenerator(buffer)) {
                g.writeStartObject();
                writeId(g, id);
                g.writeArrayFieldStart("findings");
                for (Finding f : classifier.detect(value)) {
                    g.writeStartObject();
                    g.writeStringField("type", f.type().name());
                    g.writeNumberField("start", f.start());
                    g.writeNumberField("end", f.end());
                    g.writeNumberField("score", Math.round(f.score() * 100) / 100.0);
                    g.writeStringField("detector", f.detector());
                    if (showValues) {
                        g.writeStringField("text", value.substring(f.start(), f.end()));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            return buffer.toString();
        } catch (IOException | RuntimeException e) {
            return error(id, lineNumber, "detection failed");
        }
    }

    private static String error(JsonNode id, long lineNumber, String message) {
        StringWriter buffer = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            writeId(g, id);
            g.writeNumberField("line", lineNumber);
            g.writeStringField("error", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string buffer failed", e);
        }
        return buffer.toString();
    }

    private static void writeId(JsonGenerator g, JsonNode id) throws IOException {
        g.writeFieldName("id");
        if (id == null || id.isMissingNode()) {
            g.writeNull();
        } else {
            g.writeTree(id);
        }
    }

    private static String await(Future<String> answer) throws IOException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while classifying");
        } catch (ExecutionException e) {
            // answer() does not throw; reaching here means an Error such as OutOfMemoryError in a worker.
            throw new IOException("a detection worker failed: " + e.getCause().getClass().getName(), e.getCause());
        }
    }

    private static void writeLine(Writer out, String line) throws IOException {
        out.write(line);
        out.write('\n');
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "piimap-detect-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.piimap.classifiers.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.piimap.classifiers.EntityType;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes labelled JSON Lines, one {@link LabelledRecord} a line:
 * <pre>{"id":"r1","text":"mail jo@example.com","spans":[{"type":"EMAIL_ADDRESS","start":5,"end":19}]}
 * {"id":"r2","text":"build 2.4.10.3 passed","spans":[],"negative":true}</pre>
 * {@code id} is optional (a string or a number), {@code spans} is optional (missing means none),
 * {@code negative} is optional (false). Blank lines are skipped. Unknown fields are ignored.
 */
public final class LabelledRecords implements Closeable {
    /** Longest {@code text} accepted, in characters. */
    static final int MAX_TEXT_CHARS = 1 << 28;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT_CHARS).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final BufferedReader reader;
    private long lineNumber;

    private LabelledRecords(Reader in) {
        this.reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    }

    /** A streaming reader over {@code in}; closing it closes {@code in}. */
    public static LabelledRecords reading(Reader in) {
        return new LabelledRecords(in);
    }

    /**
     * The next record, or null at the end of the input.
     *
     * @throws MalformedRecordException when the next non-blank line is not a valid record
     * @throws IOException              when reading fails
     */
    public LabelledRecord next() throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                return parse(line, lineNumber);
            }
        }
        return null;
    }

    /** The 1-based number of the line last read. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Parses one line; problems are reported with {@code lineNumber} and never quote the text. */
    public static LabelledRecord parse(String line, long lineNumber) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new MalformedRecordException(lineNumber, "not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedRecordException(lineNumber, "not a JSON object");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new MalformedRecordException(lineNumber, "missing \"text\" string");
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNull() && !id.isTextual() && !id.isNumber()) {
            throw new MalformedRecordException(lineNumber, "\"id\" must be a string or a number");
        }
        JsonNode negative = node.get("negative");
        if (negative != null && !negative.isNull() && !negative.isBoolean()) {
            throw new MalformedRecordException(lineNumber, "\"negative\" must be true or false");
        }
        String value = text.textValue();
        List<GoldSpan> spans = spans(node.get("spans"), value.length(), lineNumber);
        boolean isNegative = negative != null && negative.asBoolean();
        if (isNegative && !spans.isEmpty()) {
            throw new MalformedRecordException(lineNumber, "\"negative\": true but " + spans.size() + " spans: drop one or the other");
        }
        return new LabelledRecord(id == null || id.isNull() ? null : id.asText(), value, spans, isNegative);
    }

    private static List<GoldSpan> spans(JsonNode spans, int textLength, long lineNumber) {
        if (spans == null || spans.isNull()) {
            return List.of();
        }
        if (!spans.isArray()) {
            throw new MalformedRecordException(lineNumber, "\"spans\" must be an array");
        }
        List<GoldSpan> result = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            JsonNode span = spans.get(i);
            String where = "spans[" + i + "]";
            if (!span.isObject()) {
                throw new MalformedRecordException(lineNumber, where + " is not an object");
            }
            JsonNode type = span.get("type");
            if (type == null || !type.isTextual()) {
                throw new MalformedRecordException(lineNumber, where + ".type is missing");
            }
            EntityType entityType;
            try {
                entityType = EntityType.valueOf(type.textValue());
            } catch (IllegalArgumentException e) {
                String name = type.textValue();
                throw new MalformedRecordException(lineNumber, where + ".type '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                        + "' is not an entity type");
            }
            int start = offset(span, "start", where, lineNumber);
            int end = offset(span, "end", where, lineNumber);
            if (end <= start) {
                throw new MalformedRecordException(lineNumber, where + " is empty or reversed: start " + start + ", end " + end);
            }
            if (end > textLength) {
                throw new MalformedRecordException(lineNumber, where + ".end " + end + " is past the end of the text ("
                        + textLength + " characters)");
            }
            result.add(new GoldSpan(entityType, start, end));
        }
        return result;
    }

    private static int offset(JsonNode span, String field, String where, long lineNumber) {
        JsonNode n = span.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw new MalformedRecordException(lineNumber, where + "." + field + " must be a non-negative integer");
        }
        return n.intValue();
    }

    /** The record as one JSON line (no line break); {@code negative} is written only when true. */
    public static String toJsonLine(LabelledRecord record) {
        StringWriter buffer = new StringWriter(record.text().length() + 64);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            if (record.id() == null) {
                g.writeNullField("id");
            } else {
                g.writeStringField("id", record.id());
            }
            g.writeStringField("text", record.text());
            g.writeArrayFieldStart("spans");
            for (GoldSpan s : record.spans()) {
                g.writeStartObject();
                g.writeStringField("type", s.type().name());
                g.writeNumberField("start", s.start());
                g.writeNumberField("end", s.end());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (record.negative()) {
                g.writeBooleanField("negative", true);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string buffer failed", e);
        }
        return buffer.toString();
    }
}

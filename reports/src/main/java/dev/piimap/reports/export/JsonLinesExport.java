package dev.piimap.reports.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code --format jsonl}: one JSON object per row and line ({@code \n}), keys in field order. Nulls
 * are JSON nulls, except that a null map field ({@code links}) is left out of the line: the
 * contract's key list has no {@code links}, and lines of assets without links keep exactly its keys.
 * Timestamps are ISO-8601 UTC strings. The target is flushed, never closed.
 */
final class JsonLinesExport {
    /** One generator writes every line: no separator between root values, the target stays open. */
    private static final JsonFactory JSON = new JsonFactory()
            .setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonLinesExport() {
    }

    /** @return the number of lines written */
    static long write(List<ExportField> fields, Iterator<Row> rows, Writer out) throws IOException {
        long lines = 0;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            while (rows.hasNext()) {
                Row row = rows.next();
                json.writeStartObject();
                for (ExportField field : fields) {
                    writeField(json, field, field.value(row));
                }
                json.writeEndObject();
                json.writeRaw('\n');
                lines++;
            }
            json.flush();
        }
        out.flush();
        return lines;
    }

    private static void writeField(JsonGenerator json, ExportField field, Object value) throws IOException {
        if (value == null) {
            if (field.kind() != ExportField.Kind.STRING_MAP) {
                json.writeNullField(field.name());
            }
            return;
        }
        json.writeFieldName(field.name());
        switch (field.kind()) {
            case STRING -> json.writeString((String) value);
            case LONG -> json.writeNumber((Long) value);
            case DOUBLE -> json.writeNumber((Double) value);
            case TIMESTAMP -> json.writeString(value.toString());
            case STRING_MAP -> writeMap(json, (Map<?, ?>) value);
        }
    }

    /** Writes a map as a JSON object in the map's iteration order (sorted by key for exported maps). */
    static void writeMap(JsonGenerator json, Map<?, ?> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            json.writeStringField((String) entry.getKey(), (String) entry.getValue());
        }
        json.writeEndObject();
    }
}

package dev.piimap.reports.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * Exports one committed run as JSON Lines (CONTRACT.md section 7), one object per line, UTF-8.
 * The leading keys and their order are part of the contract; keys added later go after them.
 * <ul>
 *   <li>{@code findings}: {@code run_id, source, asset, asset_kind, type, category, count, confidence,
 *       sample} then {@code explanation, detector}; ordered by source, asset, type.</li>
 *   <li>{@code assets}: {@code run_id, source, asset, asset_kind, status, detail, bytes, modified}
 *       ({@code modified} as ISO-8601 UTC or null), then {@code links} (an object such as
 *       {@code {"requester": "<fingerprint>", "ticket": "1042"}}) on assets that have links only;
 *       ordered by source, asset.</li>
 * </ul>
 * Rows stream to the driver one partition at a time, so the export never holds a whole run in memory.
 * The target is flushed, never closed.
 */
public final class Exporter {
    /** Which table to export. */
    public enum What {
        FINDINGS, ASSETS;

        /** Parses {@code findings} or {@code assets} (the {@code --what} values). */
        public static What parse(String value) {
            for (What what : values()) {
                if (what.wireName().equals(value)) {
                    return what;
                }
            }
            throw new IllegalArgumentException("--what '" + value + "' is not known: use findings or assets");
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One generator writes every line: no separator between root values, the target stays open. */
    private static final JsonFactory JSON = new JsonFactory()
            .setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final String LINKS = "links";

    private final DataMapReader reader;

    public Exporter(DataMapReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Writes the latest committed run as UTF-8 JSON Lines to {@code out} (for example standard output).
     *
     * @return the number of lines written
     * @throws dev.piimap.reports.datamap.DataMapNotFoundException when no run has committed
     */
    public long writeJsonLines(What what, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long lines = writeJsonLines(what, writer);
        writer.flush();
        return lines;
    }

    /** Writes the latest committed run; see {@link #writeJsonLines(What, String, Writer)}. */
    public long writeJsonLines(What what, Writer out) throws IOException {
        return writeJsonLines(what, reader.requireLatestCommittedRun(), out);
    }

    /**
     * Writes one committed run as JSON Lines to {@code out}.
     *
     * @return the number of lines written
     * @throws IllegalArgumentException when the run has not committed
     */
    public long writeJsonLines(What what, String runId, Writer out) throws IOException {
        return writeJsonLines(what, reader.requireCommitted(runId), out);
    }

    private long writeJsonLines(What what, RunRecord run, Writer out) throws IOException {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(out, "out");
        Dataset<Row> rows = switch (what) {
            case FINDINGS -> reader.findings(run).orderBy(col("source"), col("asset"), col("type"));
            case ASSETS -> reader.assets(run).orderBy(col("source"), col("asset"), col("asset_kind"));
        };
        long lines = 0;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            Iterator<Row> iterator = rows.toLocalIterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                if (what == What.FINDINGS) {
                    writeFinding(json, row);
                } else {
                    writeAsset(json, row);
                }
                json.writeRaw('\n');
                lines++;
            }
            json.flush();
        }
        out.flush();
        return lines;
    }

    private static void writeFinding(JsonGenerator json, Row row) throws IOException {
        json.writeStartObject();
        json.writeStringField("run_id", Rows.string(row, "run_id"));
        json.writeStringField("source", Rows.string(row, "source"));
        json.writeStringField("asset", Rows.string(row, "asset"));
        json.writeStringField("asset_kind", Rows.string(row, "asset_kind"));
        json.writeStringField("type", Rows.string(row, "type"));
        json.writeStringField("category", Rows.string(row, "category"));
        writeNumberField(json, "count", Rows.longOrNull(row, "count"));
        writeNumberField(json, "confidence", Rows.doubleOrNull(row, "confidence"));
        json.writeStringField("sample", Rows.string(row, "sample"));
        json.writeStringField("explanation", Rows.string(row, "explanation"));
        json.writeStringField("detector", Rows.string(row, "detector"));
        json.writeEndObject();
    }

    private static void writeAsset(JsonGenerator json, Row row) throws IOException {
        json.writeStartObject();
        json.writeStringField("run_id", Rows.string(row, "run_id"));
        json.writeStringField("source", Rows.string(row, "source"));
        json.writeStringField("asset", Rows.string(row, "asset"));
        json.writeStringField("asset_kind", Rows.string(row, "asset_kind"));
        json.writeStringField("status", Rows.string(row, "status"));
        json.writeStringField("detail", Rows.string(row, "detail"));
        writeNumberField(json, "bytes", Rows.longOrNull(row, "bytes"));
        Instant modified = Rows.instant(row, "modified");
        json.writeStringField("modified", modified == null ? null : modified.toString());
        writeLinks(json, row);
        json.writeEndObject();
    }

    /** {@code "links": {...}} with sorted keys when the row has links; nothing for rows (or older tables) without. */
    private static void writeLinks(JsonGenerator json, Row row) throws IOException {
        int index = Arrays.asList(row.schema().fieldNames()).indexOf(LINKS);
        if (index < 0 || row.isNullAt(index)) {
            return;
        }
        Map<String, String> links = new TreeMap<>(row.<String, String>getJavaMap(index));
        json.writeObjectFieldStart(LINKS);
        for (Map.Entry<String, String> link : links.entrySet()) {
            json.writeStringField(link.getKey(), link.getValue());
        }
        json.writeEndObject();
    }

    private static void writeNumberField(JsonGenerator json, String key, Number value) throws IOException {
        json.writeFieldName(key);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else {
            json.writeNumber(value.longValue());
        }
    }
}

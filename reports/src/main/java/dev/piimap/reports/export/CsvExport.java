package dev.piimap.reports.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code --format csv}: RFC 4180. A header row of the field names, then one record per row, the
 * fields in jsonl order; records end with CRLF; the caller encodes as UTF-8 (no byte-order mark).
 * <ul>
 *   <li>A cell is quoted ({@code "..."}, inner quotes doubled) when it holds a comma, a quote, CR or
 *       LF, and when it is the empty string; a null is an unquoted empty cell, so the two differ.</li>
 *   <li>Numbers are written as in jsonl ({@code 12}, {@code 0.97}); timestamps as ISO-8601 UTC; a map
 *       ({@code links}) as compact JSON with sorted keys ({@code {"requester":"...","ticket":"1042"}}).</li>
 *   <li>Formula injection: the data map holds paths, column names and masked samples taken from
 *       untrusted sources, and the file is meant for spreadsheets. A text cell whose first character
 *       is {@code = + - @}, TAB or CR gets a leading apostrophe, which spreadsheets show as text and
 *       never evaluate ({@code =HYPERLINK(...)} becomes {@code '=HYPERLINK(...)}). Numeric fields are
 *       never changed. Consumers that need the exact text read jsonl or arrow.</li>
 * </ul>
 * The target is flushed, never closed.
 */
final class CsvExport {
    static final String RECORD_END = "\r\n";

    /** First characters that make a spreadsheet read a cell as a formula (the OWASP CSV-injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final JsonFactory JSON = new JsonFactory();

    private CsvExport() {
    }

    /** @return the number of records written, not counting the header */
    static long write(List<ExportField> fields, Iterator<Row> rows, Writer out) throws IOException {
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            appendCell(record, i, text(fields.get(i).name()));
        }
        out.write(endRecord(record));
        long records = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            for (int i = 0; i < fields.size(); i++) {
                ExportField field = fields.get(i);
                appendCell(record, i, cell(field.kind(), field.value(row)));
            }
            out.write(endRecord(record));
            records++;
        }
        out.flush();
        return records;
    }

    /** The escaped cell of one value (see the class comment); an empty string for null. */
    static String cell(ExportField.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case LONG, DOUBLE -> value.toString();
            case STRING, TIMESTAMP -> text(value.toString());
            case STRING_MAP -> text(compactJson((Map<?, ?>) value));
        };
    }

    /** A non-null text value as one cell: formula starts neutralised, then quoted when needed. */
    static String text(String value) {
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (!safe.isEmpty() && !needsQuotes(safe)) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static void appendCell(StringBuilder record, int index, String cell) {
        if (index > 0) {
            record.append(',');
        }
        record.append(cell);
    }

    /** The record with its line end; clears the builder for the next record. */
    private static String endRecord(StringBuilder record) {
        String line = record.append(RECORD_END).toString();
        record.setLength(0);
        return line;
    }

    private static String compactJson(Map<?, ?> map) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            JsonLinesExport.writeMap(json, map);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a map to a string cannot fail", e);
        }
        return text.toString();
    }
}

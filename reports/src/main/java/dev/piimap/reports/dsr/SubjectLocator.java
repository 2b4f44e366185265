package dev.piimap.reports.dsr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.piimap.reports.datamap.DataMapLayout;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;

/**
 * Answers a data-subject request from the data map: every place (source, asset) where an identifier occurs,
 * found by its keyed fingerprint in one committed run's {@code subjects} table. The caller fingerprints the
 * identifier with the run's key (the classifiers' {@code Fingerprinter}); this class never sees a value.
 *
 * <p>A lookup reads only the rows of the run whose {@code fingerprint} equals the one asked for (a filter Delta
 * and Parquet answer from file and row-group statistics; the writer sorts rows by fingerprint within files), plus,
 * for the places found, their assets' ticket links. Nothing of the table is collected beyond the matches.
 */
public final class SubjectLocator {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final String TICKET = "ticket";
    /** One generator writes every line: no separator between root values, the target stays open. */
    private static final JsonFactory JSON = new JsonFactory()
            .setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final DataMapReader reader;

    public SubjectLocator(DataMapReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * One place where the identifier occurs.
     *
     * @param count  its occurrences in the asset (an entry made only from a ticket's requester counts 1)
     * @param keys   where in the asset, when the source knows: row keys ({@code id=42}), {@code line N},
     *               {@code ticket <id>}; empty when unknown
     * @param item   the listed item the asset came from (a table, a file, a ticket batch), or null
     * @param ticket the support ticket the asset belongs to, or null
     */
    public record Place(String runId, String source, String asset, String assetKind, String type, long count,
                        List<String> keys, String item, String ticket) {
        public Place {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    /**
     * The places of one identifier in a committed run, ordered by source, asset and type.
     *
     * @param run         a run this locator's reader returned as committed
     * @param keyId       the id of the key the caller fingerprinted with ({@code Fingerprinter.keyId()})
     * @param type        the entity type name, e.g. {@code EMAIL_ADDRESS}
     * @param fingerprint the identifier's fingerprint under that key, 64 lower-case hex digits
     * @throws IndexUnavailableException when the run kept no subject index, or made it with another key
     */
    public List<Place> locate(RunRecord run, String keyId, String type, String fingerprint) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(type, "type");
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits");
        }
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 16 lower-case hex digits");
        }
        requireSameKey(run, keyId);
        List<Row> rows = reader.subjects(run)
                .filter(col("fingerprint").equalTo(fingerprint).and(col("type").equalTo(type)))
                .collectAsList();
        Map<String, String> tickets = tickets(run, rows);
        List<Place> places = new ArrayList<>();
        for (Row row : rows) {
            String source = Rows.string(row, "source");
            String asset = Rows.string(row, "asset");
            places.add(new Place(run.runId(), source, asset, Rows.string(row, "asset_kind"), Rows.string(row, "type"),
                    Rows.longOrZero(row, "count"), Rows.strings(row, "keys"), Rows.string(row, DataMapLayout.ITEM),
                    tickets.get(source + "\u0000" + asset)));
        }
        places.sort(Comparator.comparing(Place::source).thenComparing(Place::asset).thenComparing(Place::type));
        return places;
    }

    /**
     * Checks that {@code keyId} is the key of the run's subject index.
     *
     * @throws IndexUnavailableException when the run kept no index or used another key
     */
    public static void requireSameKey(RunRecord run, String keyId) {
        if (run.fingerprintKeyId() == null) {
            throw new IndexUnavailableException("run " + run.runId() + " keeps no subject index (it ran without a"
                    + " fingerprint-key, or before the index existed)", "set fingerprint-key in scan.yaml and run bin/scan run again");
        }
        if (!run.fingerprintKeyId().equals(keyId)) {
            throw new IndexUnavailableException("the key is not the one run " + run.runId() + " used (key id " + keyId
                    + ", the run's " + run.fingerprintKeyId() + ")",
                    "give the fingerprint-key of the scan that made the run (--config of that scan.yaml, or --fingerprint-key)");
        }
    }

    /** The ticket link of each found asset that has one, by source and asset. */
    private Map<String, String> tickets(RunRecord run, List<Row> found) {
        Map<String, String> tickets = new HashMap<>();
        List<String> assets = found.stream().map(r -> Rows.string(r, "asset")).distinct().toList();
        if (assets.isEmpty()) {
            return tickets;
        }
        for (Row row : reader.assets(run).filter(col("asset").isin(assets.toArray())).select("source", "asset", "links")
                .collectAsList()) {
            int i = row.fieldIndex("links");
            if (!row.isNullAt(i)) {
                String ticket = row.<String, String>getJavaMap(i).get(TICKET);
                if (ticket != null) {
                    tickets.put(Rows.string(row, "source") + "\u0000" + Rows.string(row, "asset"), ticket);
                }
            }
        }
        return tickets;
    }

    /**
     * Writes places as JSON Lines: {@code {"run_id", "source", "asset", "asset_kind", "type", "count"}}, then
     * {@code "keys"} when known, {@code "item"}, and {@code "links": {"ticket"}} for support assets.
     */
    public static void writeJsonLines(List<Place> places, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            for (Place p : places) {
                json.writeStartObject();
                json.writeStringField("run_id", p.runId());
                json.writeStringField("source", p.source());
                json.writeStringField("asset", p.asset());
                json.writeStringField("asset_kind", p.assetKind());
                json.writeStringField("type", p.type());
                json.writeNumberField("count", p.count());
                if (!p.keys().isEmpty()) {
                    json.writeArrayFieldStart("keys");
                    for (String key : p.keys()) {
                        json.writeString(key);
                    }
                    json.writeEndArray();
                }
                if (p.item() != null) {
                    json.writeStringField("item", p.item());
                }
                if (p.ticket() != null) {
                    json.writeObjectFieldStart("links");
                    json.writeStringField(TICKET, p.ticket());
                    json.writeEndObject();
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
            json.flush();
        }
        out.flush();
    }

    /** Writes places as an aligned text table (SOURCE, ASSET, TYPE, COUNT, KEYS), or one line saying there are none. */
    public static void writeTable(List<Place> places, Writer out) throws IOException {
        if (places.isEmpty()) {
            out.write("No place holds this identifier.\n");
            out.flush();
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"SOURCE", "ASSET", "TYPE", "COUNT", "KEYS"});
        for (Place p : places) {
            String keys = String.join(", ", p.keys());
            if (p.ticket() != null && p.keys().stream().noneMatch(k -> k.equals("ticket " + p.ticket()))) {
                keys = keys.isEmpty() ? "ticket " + p.ticket() : "ticket " + p.ticket() + ", " + keys;
            }
            lines.add(new String[] {p.source(), p.asset(), p.type(), String.format(Locale.ROOT, "%,d", p.count()), keys});
        }
        int[] widths = new int[5];
        for (String[] line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                boolean last = i == line.length - 1;
                String cell = i == 3 ? " ".repeat(widths[i] - line[i].length()) + line[i] : line[i];
                s.append(cell);
                if (!last) {
                    s.append(" ".repeat(i == 3 ? 2 : widths[i] - line[i].length() + 2));
                }
            }
            out.write(s.toString().stripTrailing());
            out.write('\n');
        }
        out.flush();
    }

    /** The run cannot answer with the caller's key: it kept no subject index, or made it with another key. */
    public static final class IndexUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String fix;

        public IndexUnavailableException(String problem, String fix) {
            super(problem);
            this.fix = fix;
        }

        /** What the caller can do about it. */
        public String fix() {
            return fix;
        }
    }
}

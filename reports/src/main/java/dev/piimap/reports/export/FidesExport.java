package dev.piimap.reports.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.piimap.reports.datamap.Rows;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.locate;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * {@code --format fides}: the findings of a run as a fideslang dataset manifest (YAML), ready for
 * {@code fides push}: {@code dataset: [{fides_key, name, description, collections: [{name, fields:
 * [{name, description, data_categories}]}]}]}.
 * <ul>
 *   <li>One dataset per source that has findings. {@code name} is the source name; {@code fides_key}
 *       is the name lower-cased with every character outside {@code [a-z0-9_]} replaced by {@code _}
 *       ({@code billing-db} becomes {@code billing_db}); a key already taken gets {@code _2},
 *       {@code _3}, ... in source-name order.</li>
 *   <li>Database columns ({@code asset_kind} {@code column}, asset {@code schema.table.column}): one
 *       collection per {@code schema.table}, one field per column, split at the last dot.</li>
 *   <li>Everything else (files, archive entries, tickets, attachments): one collection per top-level
 *       asset (the path before the first {@code !/}, so a file's embedded entries count towards the file),
 *       one field per entity type found in it or in its entries.</li>
 *   <li>A field's {@code data_categories} are the sorted, distinct categories of the entity types found
 *       in it (fideslang keys such as {@code user.contact.email}); its {@code description} says, per
 *       type, the number of matches (and of assets when entries were merged), the highest confidence,
 *       the detector and its explanation. The data map has no raw values, so neither has the manifest.</li>
 * </ul>
 * Datasets, collections and fields are sorted by name. Every string is double-quoted, so no asset
 * name can read as another YAML type or structure. The aggregation runs in Spark and its rows stream to
 * the driver in order; the driver holds one field at a time. The target is flushed, never closed.
 */
final class FidesExport {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Everything up to the last dot: the {@code schema.table} of a {@code schema.table.column} asset. */
    private static final String BEFORE_LAST_DOT = "(?s)^(.*)\\.[^.]*$";
    private static final String EMBEDDED_SEPARATOR = "!/";

    private FidesExport() {
    }

    /**
     * Writes the manifest of these findings rows ({@code DataMapLayout.FINDINGS_SCHEMA}, one run).
     *
     * @param runId the run the rows belong to, named in each dataset's description
     * @return the number of fields written
     */
    static long write(Dataset<Row> findings, String runId, Writer out) throws IOException {
        Objects.requireNonNull(runId, "runId");
        Iterator<Row> rows = fieldTypes(findings).toLocalIterator();
        long fields = 0;
        try (JsonGenerator yaml = YAML.createGenerator(out)) {
            yaml.writeStartObject();
            yaml.writeArrayFieldStart("dataset");
            Set<String> keys = new HashSet<>();
            String source = null;
            String collection = null;
            FieldEntry field = null;
            while (rows.hasNext()) {
                Row row = rows.next();
                String rowSource = Rows.string(row, "source");
                String rowCollection = Rows.string(row, "collection");
                String rowField = Rows.string(row, "field");
                boolean newSource = !rowSource.equals(source);
                boolean newCollection = newSource || !rowCollection.equals(collection);
                if (field != null && (newCollection || !rowField.equals(field.name))) {
                    field.write(yaml);
                    fields++;
                    field = null;
                }
                if (newCollection && collection != null) {
                    endCollection(yaml);
                }
                if (newSource) {
                    if (source != null) {
                        endDataset(yaml);
                    }
                    startDataset(yaml, uniqueKey(fidesKey(rowSource), keys), rowSource, runId);
                    source = rowSource;
                }
                if (newCollection) {
                    startCollection(yaml, rowCollection);
                    collection = rowCollection;
                }
                if (field == null) {
                    field = new FieldEntry(rowField);
                }
                field.add(row);
            }
            if (field != null) {
                field.write(yaml);
                fields++;
                endCollection(yaml);
                endDataset(yaml);
            }
            yaml.writeEndArray();
            yaml.writeEndObject();
            yaml.flush();
        }
        out.flush();
        return fields;
    }

    /**
     * One row per (source, collection, field, type, category): total matches, assets merged, highest
     * confidence, and the detector and explanation of the most confident row; ordered by those keys.
     */
    static Dataset<Row> fieldTypes(Dataset<Row> findings) {
        Column asset = col("asset");
        Column isColumn = col("asset_kind").equalTo("column");
        Column collection = when(isColumn.and(locate(".", asset).gt(0)), regexp_extract(asset, BEFORE_LAST_DOT, 1))
                .otherwise(substring_index(asset, EMBEDDED_SEPARATOR, 1));
        Column field = when(isColumn, substring_index(asset, ".", -1)).otherwise(col("type"));
        return findings
                .withColumn("collection", collection)
                .withColumn("field", field)
                .groupBy(col("source"), col("collection"), col("field"), col("type"), col("category"))
                .agg(sum("count").as("count"),
                        count(lit(1)).as("assets"),
                        max("confidence").as("confidence"),
                        max_by(struct(col("detector"), col("explanation")), coalesce(col("confidence"), lit(-1.0)))
                                .as("evidence"))
                .select(col("source"), col("collection"), col("field"), col("type"), col("category"), col("count"),
                        col("assets"), col("confidence"), col("evidence.detector").as("detector"),
                        col("evidence.explanation").as("explanation"))
                .orderBy(col("source"), col("collection"), col("field"), col("type"), col("category"));
    }

    /** The fides_key of a source name: lower-cased, every code point outside {@code [a-z0-9_]} made {@code _}. */
    static String fidesKey(String sourceName) {
        StringBuilder key = new StringBuilder();
        sourceName.toLowerCase(Locale.ROOT).codePoints().forEach(c -> key.append(
                (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? (char) c : '_'));
        return key.toString();
    }

    private static String uniqueKey(String key, Set<String> taken) {
        String unique = key;
        for (int n = 2; !taken.add(unique); n++) {
            unique = key + "_" + n;
        }
        return unique;
    }

    private static void startDataset(JsonGenerator yaml, String fidesKey, String source, String runId) throws IOException {
        yaml.writeStartObject();
        yaml.writeStringField("fides_key", fidesKey);
        yaml.writeStringField("name", source);
        yaml.writeStringField("description", "Personal data piimap found in source '" + source + "' (run " + runId + ")");
        yaml.writeArrayFieldStart("collections");
    }

    private static void endDataset(JsonGenerator yaml) throws IOException {
        yaml.writeEndArray();
        yaml.writeEndObject();
    }

    private static void startCollection(JsonGenerator yaml, String name) throws IOException {
        yaml.writeStartObject();
        yaml.writeStringField("name", name);
        yaml.writeArrayFieldStart("fields");
    }

    private static void endCollection(JsonGenerator yaml) throws IOException {
        yaml.writeEndArray();
        yaml.writeEndObject();
    }

    /** One field being collected: its categories and one description part per entity type. */
    private static final class FieldEntry {
        private final String name;
        private final Set<String> categories = new TreeSet<>();
        private final List<String> descriptions = new ArrayList<>();

        FieldEntry(String name) {
            this.name = name;
        }

        void add(Row row) {
            categories.add(Rows.string(row, "category"));
            descriptions.add(describe(row));
        }

        void write(JsonGenerator yaml) throws IOException {
            yaml.writeStartObject();
            yaml.writeStringField("name", name);
            yaml.writeStringField("description", String.join("; ", descriptions));
            yaml.writeArrayFieldStart("data_categories");
            for (String category : categories) {
                yaml.writeString(category);
            }
            yaml.writeEndArray();
            yaml.writeEndObject();
        }

        /** E.g. {@code EMAIL_ADDRESS: 12 matches, confidence 0.97, detector email (12 of 12 sampled values)}. */
        private static String describe(Row row) {
            long matches = Rows.longOrZero(row, "count");
            long assets = Rows.longOrZero(row, "assets");
            Double confidence = Rows.doubleOrNull(row, "confidence");
            String detector = Rows.string(row, "detector");
            String explanation = Rows.string(row, "explanation");
            StringBuilder text = new StringBuilder(Rows.string(row, "type")).append(": ")
                    .append(matches).append(matches == 1 ? " match" : " matches");
            if (assets > 1) {
                text.append(" in ").append(assets).append(" assets");
            }
            if (confidence != null) {
                text.append(assets > 1 ? ", highest confidence " : ", confidence ")
                        .append(String.format(Locale.ROOT, "%.2f", confidence));
            }
            if (detector != null) {
                text.append(", detector ").append(detector);
            }
            if (explanation != null && !explanation.isBlank()) {
                text.append(" (").append(explanation.strip()).append(')');
            }
            return text.toString();
        }
    }
}

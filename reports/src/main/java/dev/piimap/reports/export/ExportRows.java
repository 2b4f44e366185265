package dev.piimap.reports.export;

import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.export.ExportField.Kind;
import org.apache.spark.sql.Row;

import java.util.Iterator;
import java.util.List;

import static dev.piimap.reports.export.ExportField.optional;
import static dev.piimap.reports.export.ExportField.required;
import static org.apache.spark.sql.functions.col;

/**
 * The row source the row-shaped formats share: the fields of each selection and its rows in
 * export order, streamed to the driver one partition at a time ({@code toLocalIterator}), so no
 * export holds a whole run in memory.
 */
final class ExportRows {
    /** CONTRACT.md section 7 keys, then the additions {@code explanation} and {@code detector}. */
    static final List<ExportField> FINDINGS = List.of(
            required("run_id", Kind.STRING),
            required("source", Kind.STRING),
            required("asset", Kind.STRING),
            required("asset_kind", Kind.STRING),
            required("type", Kind.STRING),
            required("category", Kind.STRING),
            required("count", Kind.LONG),
            optional("confidence", Kind.DOUBLE),
            optional("sample", Kind.STRING),
            optional("explanation", Kind.STRING),
            optional("detector", Kind.STRING));

    /** CONTRACT.md section 7 keys, then the addition {@code links}. */
    static final List<ExportField> ASSETS = List.of(
            required("run_id", Kind.STRING),
            required("source", Kind.STRING),
            required("asset", Kind.STRING),
            required("asset_kind", Kind.STRING),
            required("status", Kind.STRING),
            optional("detail", Kind.STRING),
            optional("bytes", Kind.LONG),
            optional("modified", Kind.TIMESTAMP),
            optional("links", Kind.STRING_MAP));

    private ExportRows() {
    }

    static List<ExportField> fields(Exporter.What what) {
        return switch (what) {
            case FINDINGS -> FINDINGS;
            case ASSETS -> ASSETS;
        };
    }

    /** Findings ordered by source, asset, type; assets by source, asset, asset_kind. */
    static Iterator<Row> ordered(DataMapReader reader, RunRecord run, Exporter.What what) {
        return switch (what) {
            case FINDINGS -> reader.findings(run).orderBy(col("source"), col("asset"), col("type")).toLocalIterator();
            case ASSETS -> reader.assets(run).orderBy(col("source"), col("asset"), col("asset_kind")).toLocalIterator();
        };
    }
}
